// The Node Client's sends and calls over the core's send engine, with Node's own fetch and
// timers: no libuv worker waits. The core plans each request (client.plan, client_plan),
// decides when it may go and whether to retry (sendEngineStep) and reads the outcome
// (clientFinish); this file only moves bytes and sleeps until the engine's wake.
'use strict'

// The failures for which a request surely never left (undici's causes).
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'])

class Driver {
  constructor(sendEngineStep) {
    this.sendEngineStep = sendEngineStep
    this.engine = undefined
    this.state = null
    this.inputs = []
    this.waiting = new Map()
    this.timeouts = new Map()
    this.inFlight = new Set()
    this.timer = null
    this.ids = 0
    /** What the engine said about the Page: `paused`, `breaker`, `stopped`. */
    this.events = []
  }

  /** Enqueues a planned request; resolves with the engine's `done` for it. */
  run(plan) {
    const id = `s${++this.ids}`
    this.engine = plan.engine
    this.timeouts.set(id, plan.timeout_ms)
    const input = { type: 'enqueue', id, account: plan.account, kind: plan.kind, request: plan.request,
      deadline: plan.deadline }
    if (plan.thread !== undefined) input.thread = plan.thread
    const done = new Promise((resolve) => this.waiting.set(id, resolve))
    this.tell(input)
    return done
  }

  tell(input) {
    this.inputs.push(input)
    this.wakeIn(0)
  }

  wakeIn(ms) {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.step(), ms)
  }

  step() {
    this.timer = null
    const inputs = this.inputs
    this.inputs = []
    // An answer applied in this step ends that request's flight.
    for (const input of inputs) if (input.type !== 'enqueue') this.inFlight.delete(input.id)
    const answer = this.sendEngineStep({ config: this.engine, state: this.state, steps: [{ now: Date.now(), inputs }] })
    this.state = answer.state
    let wake = null
    for (const action of answer.actions[0]) {
      if (action.type === 'send') {
        this.inFlight.add(action.id)
        this.perform(action)
      } else if (action.type === 'done') {
        this.timeouts.delete(action.id)
        const resolve = this.waiting.get(action.id)
        this.waiting.delete(action.id)
        if (resolve) resolve(action)
      } else if (action.type === 'wake') {
        wake = action.at
      } else {
        this.events.push(action)
      }
    }
    if (this.inputs.length > 0) this.wakeIn(0)
    else if (wake !== null) this.wakeIn(Math.max(0, wake - Date.now()))
  }

  async perform(action) {
    const { request } = action
    const body = request.body == null ? undefined
      : typeof request.body === 'string' ? request.body : JSON.stringify(request.body)
    let reported
    try {
      const answer = await fetch(request.url, { method: request.method, headers: request.headers, body,
        signal: AbortSignal.timeout(this.timeouts.get(action.id)) })
      reported = { type: 'answer', id: action.id, status: answer.status, headers: [...answer.headers],
        body: await answer.text() }
    } catch (error) {
      const failure = error?.name === 'TimeoutError' ? 'timeout'
        : NOT_CONNECTED.has(error?.cause?.code) ? 'connect' : 'interrupted'
      reported = { type: 'no_answer', id: action.id, failure }
    }
    this.tell(reported)
  }
}

/** The Client class with `send` and `call` driven here; `diagnose` stays the native one. */
function drivenClient(NativeClient, sendEngineStep, clientFinish) {
  const drivers = new WeakMap()
  const driverOf = (client) => {
    if (!drivers.has(client)) drivers.set(client, new Driver(sendEngineStep))
    return drivers.get(client)
  }
  const finish = async (client, operation, plan) =>
    clientFinish({ operation, done: await driverOf(client).run(plan) })
  Object.defineProperties(NativeClient.prototype, {
    send: {
      value(request) {
        try {
          return finish(this, 'send', this.plan('', request, Date.now()))
        } catch (error) {
          return Promise.reject(error)
        }
      },
      writable: true,
      configurable: true,
    },
    call: {
      value(call, args) {
        try {
          return finish(this, 'call', this.plan(call, args, Date.now()))
        } catch (error) {
          return Promise.reject(error)
        }
      },
      writable: true,
      configurable: true,
    },
    events: {
      get() {
        return driverOf(this).events
      },
      configurable: true,
    },
  })
  return NativeClient
}

module.exports = { drivenClient }
