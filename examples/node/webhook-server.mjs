// A complete Messenger webhook receiver on Node's own http module, with msgrkit.
//
//   npm install msgrkit
//   MSGRKIT_APP_SECRET=... MSGRKIT_VERIFY_TOKEN=... MSGRKIT_PAGE_TOKEN=... node webhook-server.mjs
//
// It answers Meta's verification handshake (GET), checks X-Hub-Signature-256 over the raw
// body (POST), parses every event of the batch, answers Meta at once, then replies to each
// new message through msgrkit's client, whose calls run off the event loop. Serve it
// behind HTTPS: Meta only calls https:// URLs.
//
// Settings (environment): MSGRKIT_APP_SECRET, MSGRKIT_VERIFY_TOKEN, MSGRKIT_PAGE_TOKEN;
// MSGRKIT_PORT (default 3000); MSGRKIT_GRAPH_URL to point the client at a stand-in.
import { createServer } from 'node:http'

import * as msgrkit from 'msgrkit'

const APP_SECRET = process.env.MSGRKIT_APP_SECRET ?? ''
const VERIFY_TOKEN = process.env.MSGRKIT_VERIFY_TOKEN ?? ''
const client = new msgrkit.Client({
  token: process.env.MSGRKIT_PAGE_TOKEN,
  appSecret: APP_SECRET || undefined,
  baseUrl: process.env.MSGRKIT_GRAPH_URL,
})

// Meta delivers at least once: remember recent dedupe keys and skip repeats.
const seen = new Set()
function firstTime(key) {
  if (seen.has(key)) return false
  seen.add(key)
  if (seen.size > 10_000) seen.delete(seen.values().next().value)
  return true
}

async function replyTo(event) {
  const psid = event.sender?.id
  if (!psid) return
  let decision
  const now = Date.now()
  try {
    // The event's time is null only when Meta sent none at all: the message is new.
    decision = msgrkit.decidePolicy({ lastUserActivity: event.timestamp ?? now, now })
  } catch (refused) {
    console.info(`not replying to ${psid}: ${refused.code}`)
    return
  }
  const text = event.message.text ?? 'your attachment'
  const composed = msgrkit.compose({
    text: `You said: ${text}`,
    actions: [{ type: 'reply', title: 'Talk to a human', payload: 'HUMAN' }],
  })
  for (const warning of composed.warnings) console.info(`reply degraded: ${warning.code} at ${warning.field}`)
  for (const message of composed.messages) {
    const request = { recipient: { id: psid }, messaging_type: decision.messaging_type, message }
    if (decision.tag) request.tag = decision.tag
    try {
      const sent = await client.send(request)
      console.info(`replied to ${psid}: ${sent.message_id}`)
    } catch (failed) {
      if (failed.code === 'graph_auth') console.error(`the Page token is dead: re-authorise the Page (${failed.fbtraceId})`)
      else console.warn(`reply failed: ${failed.code} (retryable: ${failed.retryable})`)
      return
    }
  }
}

function answer(res, status, body = '') {
  res.writeHead(status, { 'content-type': 'text/plain' })
  res.end(body)
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost')
  if (url.pathname !== '/webhook') return answer(res, 404)
  if (req.method === 'GET') {
    // The raw query string, so the challenge comes back exactly as Meta sent it.
    const reply = msgrkit.verifyHandshake(url.search.slice(1), VERIFY_TOKEN)
    if (reply.status !== 200) console.warn(`handshake refused: ${reply.reason}`)
    return answer(res, reply.status, reply.body)
  }
  if (req.method !== 'POST') return answer(res, 405)
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    const raw = Buffer.concat(chunks) // the exact bytes: re-encoded JSON never verifies
    let delivery
    try {
      msgrkit.verifySignatureHeaders(APP_SECRET, raw, req.rawHeaders)
      delivery = msgrkit.parseWebhook(raw)
    } catch (refused) {
      console.warn(`refused a delivery: ${refused.code}`)
      return answer(res, refused.category === 'signature' ? 403 : 400)
    }
    answer(res, 200, 'EVENT_RECEIVED') // within Meta's 20 seconds, always
    for (const error of delivery.errors) console.warn(`event ${error.field} not read: ${error.message}`)
    for (const event of delivery.events) {
      if (event.type === 'message' && firstTime(event.dedupe_key)) {
        replyTo(event).catch((e) => console.error('reply failed', e))
      }
    }
  })
})

const port = Number(process.env.MSGRKIT_PORT ?? 3000)
server.listen(port, '127.0.0.1', () => console.info(`listening on http://127.0.0.1:${port}/webhook`))
