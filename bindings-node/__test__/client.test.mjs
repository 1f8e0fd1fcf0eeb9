// The Client against a real HTTP server on 127.0.0.1: requests as sent, errors as
// rejected, retries, transport failures, and the event loop free during a call.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { inspect } from 'node:util'

import { Client, graphParseResponse } from '../index.mjs'
import { standIn, graphError } from './standin.mjs'

const TOKEN = 'EAAG-client-test-token'
const REQUEST = { recipient: { id: '6500000000000001' }, messaging_type: 'RESPONSE', message: { text: 'Hi' } }
const client = (graph, settings = {}) => new Client({ token: TOKEN, appSecret: 'app-secret', baseUrl: graph.url, ...settings })

test('a send goes out as Meta expects it', async () => {
  const graph = await standIn()
  try {
    const sent = await client(graph).send(REQUEST)
    assert.deepEqual(sent, { recipient_id: '6500000000000001', message_id: 'm_standin', attempts: 1 })
    const [seen] = graph.seen
    assert.equal(seen.method, 'POST')
    assert.match(seen.path, /^\/v27\.0\/me\/messages\?appsecret_proof=[0-9a-f]{64}$/)
    assert.equal(seen.headers.authorization, `Bearer ${TOKEN}`)
    assert.deepEqual(JSON.parse(seen.body), REQUEST)
  } finally {
    await graph.close()
  }
})

test('a dead token rejects with graph_auth after one request', async () => {
  const graph = await standIn({ status: 400, body: graphError(190, 460) })
  try {
    await assert.rejects(client(graph).send(REQUEST), (e) => {
      assert.ok(e instanceof Error)
      assert.deepEqual([e.code, e.category, e.status, e.graphCode, e.subcode], ['graph_auth', 'graph', 400, 190, 460])
      assert.deepEqual([e.retryable, e.attempts, e.fbtraceId, e.transport], [false, 1, 'AStandIn', null])
      return true
    })
    assert.equal(graph.seen.length, 1)
  } finally {
    await graph.close()
  }
})

test('a rate limit is retried, then the send succeeds', async () => {
  const graph = await standIn({ status: 400, body: graphError(613) }, {})
  try {
    const sent = await client(graph).send(REQUEST)
    assert.equal(sent.attempts, 2)
    assert.equal(graph.seen.length, 2)
  } finally {
    await graph.close()
  }
})

test('an unreachable server rejects with a connect failure', async () => {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  const unreachable = new Client({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}`, maxAttempts: 2, budgetMs: 5000 })
  await assert.rejects(unreachable.send(REQUEST), (e) => e.code === 'graph_transient' && e.transport === 'connect' && e.attempts === 2)
})

test('a send without an answer is not resent', async () => {
  const graph = await standIn({ delay: 1000 })
  try {
    await assert.rejects(client(graph, { timeoutMs: 200 }).send(REQUEST), (e) => e.transport === 'timeout')
    assert.equal(graph.seen.length, 1, 'Meta may have acted on it: never sent twice unasked')
  } finally {
    await graph.close()
  }
})

test('the event loop keeps running while the client waits', async () => {
  const graph = await standIn({ delay: 800 })
  let ticks = 0
  const timer = setInterval(() => { ticks += 1 }, 10)
  try {
    // The stand-in runs on this same event loop: it can only answer if the call is off it.
    const sent = await client(graph).send(REQUEST)
    assert.equal(sent.message_id, 'm_standin')
    assert.ok(ticks >= 10, `the timer fired ${ticks} times during a 0.8 s call`)
  } finally {
    clearInterval(timer)
    await graph.close()
  }
})

test('any builder runs by name, with the usage headers', async () => {
  const profile = { id: '6500000000000001', first_name: 'Ana' }
  const usage = { 'x-app-usage': JSON.stringify({ call_count: 42, total_time: 5, total_cputime: 1 }) }
  const graph = await standIn({ body: profile, headers: usage })
  try {
    const answer = await client(graph).call('user_profile', { psid: '6500000000000001' })
    assert.deepEqual(answer.body, profile)
    assert.equal(answer.usage.app.call_count, 42)
    assert.match(graph.seen[0].path, /^\/v27\.0\/6500000000000001\?/)
  } finally {
    await graph.close()
  }
})

test('diagnose reports a dead token', async () => {
  const graph = await standIn({ status: 400, body: graphError(190, 460) })
  try {
    const findings = await client(graph).diagnose()
    assert.deepEqual([findings[0].code, findings[0].severity], ['token_invalid', 'error'])
  } finally {
    await graph.close()
  }
})

test('a missing or blank token is refused before any request', () => {
  for (const token of [undefined, '', '  ']) {
    assert.throws(() => new Client({ token }), (e) => e.code === 'required' && e.field === 'token')
  }
})

test('toString and util.inspect never show the token or the secret', () => {
  const client = new Client({ token: TOKEN, appSecret: 'app-secret' })
  for (const shown of [String(client), inspect(client), inspect({ client })]) {
    assert.ok(!shown.includes(TOKEN) && !shown.includes('app-secret') && shown.includes('redacted'), shown)
    assert.match(shown, /Client graph_version='v27\.0' page_id='me'/)
  }
})

test('an invalid send rejects with validation_failed before any request', async () => {
  const graph = await standIn()
  try {
    await assert.rejects(client(graph).send({ recipient: { id: '6500000000000001' }, message: { text: 'Hi' } }),
      (e) => e.code === 'validation_failed' && e.violations.map((v) => v.field).join() === 'messaging_type')
    assert.equal(graph.seen.length, 0)
  } finally {
    await graph.close()
  }
})

for (const status of [200, 502]) {
  test(`a reflected request never brings the token back (${status})`, async () => {
    const graph = await standIn({ status, reflect: true })
    try {
      await assert.rejects(client(graph, { maxAttempts: 1 }).send(REQUEST), (e) => {
        assert.match(e.graph.raw_body, /authorization/)
        assert.ok(!JSON.stringify(e.graph).includes(TOKEN) && !String(e).includes(TOKEN) && !inspect(e).includes(TOKEN))
        // Accepted: it may have been sent, in one attempt.
        if (status === 200) assert.deepEqual([e.code, e.attempts, e.retryable], ['graph_unknown', 1, false])
        return true
      })
    } finally {
      await graph.close()
    }
  })
}

test('a reflected token is redacted when the host does its own HTTP', () => {
  const body = Buffer.from(JSON.stringify({ headers: { authorization: `Bearer ${TOKEN}` } }))
  assert.throws(() => graphParseResponse(502, [], body), (e) => {
    assert.ok(!e.graph.raw_body.includes(TOKEN) && e.graph.raw_body.includes('Bearer [redacted]'))
    return true
  })
})
