// A small echo-helpdesk bot on Node's own http module with msgrkit: it replies to text,
// answers "menu" with a carousel, handles postbacks and quick replies, skips its own
// echoes and Meta's redeliveries, and can send a proactive update. Try it against
// msgrkit sandbox:
//
//   MSGRKIT_APP_SECRET=s3cret MSGRKIT_VERIFY_TOKEN=sandbox-verify-token \
//     MSGRKIT_PAGE_TOKEN=sandbox MSGRKIT_GRAPH_URL=http://127.0.0.1:8080 node examples/node/bot.mjs
//   msgrkit sandbox --webhook http://127.0.0.1:3000/webhook --app-secret s3cret --port 8080
//
// then open http://127.0.0.1:8080/ and chat. `POST /notify/<psid>` sends the customer a
// proactive update, for trying the 24-hour window.
//
// Settings (environment): MSGRKIT_APP_SECRET, MSGRKIT_VERIFY_TOKEN, MSGRKIT_PAGE_TOKEN,
// MSGRKIT_GRAPH_URL (the sandbox, or absent for Meta's Graph API), MSGRKIT_PORT.
import { createServer } from 'node:http'

import * as msgrkit from 'msgrkit'

const APP_SECRET = process.env.MSGRKIT_APP_SECRET ?? ''
const VERIFY_TOKEN = process.env.MSGRKIT_VERIFY_TOKEN ?? ''
const client = new msgrkit.Client({
  token: process.env.MSGRKIT_PAGE_TOKEN,
  appSecret: APP_SECRET || undefined,
  baseUrl: process.env.MSGRKIT_GRAPH_URL,
})

const MENU = {
  text: 'How can I help?',
  cards: [
    { title: 'Track an order', subtitle: 'Where is my parcel?', actions: [{ type: 'postback', title: 'Track', payload: 'TRACK_ORDER' }] },
    { title: 'Returns', subtitle: 'Send something back', actions: [{ type: 'postback', title: 'Start a return', payload: 'RETURN' }] },
    { title: 'Talk to us', subtitle: 'A person answers within a day', actions: [{ type: 'postback', title: 'Talk to a human', payload: 'HUMAN' }] },
  ],
}
const ANSWERS = {
  GET_STARTED: 'Welcome! Type menu to see what I can do.',
  TRACK_ORDER: 'Your order #1042 is on its way and arrives tomorrow.',
  RETURN: 'Returns are free within 30 days: I have emailed you a label.',
  HUMAN: 'A person from our team will answer here within a day.',
}

const seen = new Set() // dedupe keys already handled (a real bot would bound this)

async function send(psid, message, messagingType, tag) {
  const outcome = { sent: [] }
  for (const one of msgrkit.compose(message).messages) {
    const request = { recipient: { id: psid }, messaging_type: messagingType, message: one }
    if (tag) request.tag = tag
    try {
      outcome.sent.push((await client.send(request)).message_id)
    } catch (failed) {
      console.warn(`send to ${psid} failed: ${failed.code} (${failed.message})`)
      outcome.error = failed.code
      break
    }
  }
  return outcome
}

async function reply(event, message) {
  const psid = event.sender?.id
  if (!psid) return
  const now = Date.now()
  let decision
  try {
    decision = msgrkit.decidePolicy({ lastUserActivity: event.timestamp ?? now, now })
  } catch (refused) {
    console.info(`not replying to ${psid}: ${refused.code}`)
    return
  }
  await send(psid, message, decision.messaging_type, decision.tag)
}

const answer = (payload, title) => (payload === 'MENU' ? MENU : { text: ANSWERS[payload] ?? `You picked ${title || payload}.` })

async function handle(event) {
  if (event.type === 'postback') return reply(event, answer(event.postback.payload, event.postback.title))
  if (event.type !== 'message') return
  const { text = '', quick_reply: quickReply, attachments } = event.message
  if (quickReply?.payload) return reply(event, answer(quickReply.payload, text))
  if (text.trim().toLowerCase() === 'menu') return reply(event, MENU)
  if (text) {
    return reply(event, { text: `You said: ${text}`, actions: [
      { type: 'reply', title: 'Menu', payload: 'MENU' },
      { type: 'reply', title: 'Talk to a human', payload: 'HUMAN' },
    ] })
  }
  if (attachments?.length) return reply(event, { text: `Thanks for the ${attachments[0].type}!` })
}

function respond(res, status, body = '', type = 'text/plain') {
  res.writeHead(status, { 'content-type': type })
  res.end(body)
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost')
  const notify = url.pathname.match(/^\/notify\/([0-9]+)$/)
  if (notify && req.method === 'POST') {
    // A proactive update, sent without asking the policy: Meta (or the sandbox) judges it.
    send(notify[1], { text: 'Good news: your order #1042 has shipped.' }, 'UPDATE')
      .then((outcome) => respond(res, 200, JSON.stringify(outcome), 'application/json'))
    return
  }
  if (url.pathname !== '/webhook') return respond(res, 404)
  if (req.method === 'GET') {
    const reply = msgrkit.verifyHandshake(url.search.slice(1), VERIFY_TOKEN)
    return respond(res, reply.status, reply.body)
  }
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    const raw = Buffer.concat(chunks)
    let delivery
    try {
      msgrkit.verifySignatureHeaders(APP_SECRET, raw, req.rawHeaders)
      delivery = msgrkit.parseWebhook(raw)
    } catch (refused) {
      console.warn(`refused a delivery: ${refused.code}`)
      return respond(res, refused.category === 'signature' ? 403 : 400)
    }
    respond(res, 200, 'EVENT_RECEIVED')
    for (const event of delivery.events) {
      // Our own sends come back as echoes; Meta may deliver any event twice.
      if (event.type === 'echo' || seen.has(event.dedupe_key)) continue
      seen.add(event.dedupe_key)
      handle(event).catch((e) => console.error(`handling ${event.dedupe_key} failed`, e))
    }
  })
})

const port = Number(process.env.MSGRKIT_PORT ?? 3000)
server.listen(port, '127.0.0.1', () => console.info(`listening on http://127.0.0.1:${port}/webhook`))
