// A Sunshine Conversations v2 webhook receiver, written the way a Sunshine customer writes
// one against Zendesk's own documentation (webhooks, the X-API-Key header, the
// {app, webhook, events[]} envelope): it knows nothing of msgrkit or Meta. msgrkit's
// emit('sunshine', ...) feeds it Messenger webhooks unchanged
// (see bindings-node/__test__/vendor-receivers.test.mjs).
//
//   SUNSHINE_WEBHOOK_SECRET=... RECEIVER_PORT=8080 node sunshine-receiver.mjs
//
// GET /seen answers what it handled, for the test.
import { createServer } from 'node:http'
import { timingSafeEqual } from 'node:crypto'

const secret = Buffer.from(process.env.SUNSHINE_WEBHOOK_SECRET ?? '')
const seen = []

function authorised(req) {
  const key = Buffer.from(req.headers['x-api-key'] ?? '')
  return key.length === secret.length && timingSafeEqual(key, secret)
}

function handle(event) {
  const { payload } = event
  switch (event.type) {
    case 'conversation:message': {
      const { author, content } = payload.message
      if (author.type !== 'user') return seen.push({ type: event.type, business: content.text })
      return seen.push({ type: event.type, user: author.userId, conversation: payload.conversation.id,
        content: content.type, text: content.text, mediaUrl: content.mediaUrl, payload: content.payload })
    }
    case 'conversation:postback':
      return seen.push({ type: event.type, user: payload.user.id, payload: payload.postback.payload })
    case 'conversation:read':
      return seen.push({ type: event.type, user: payload.activity.author.userId })
    case 'conversation:message:delivery:user':
    case 'conversation:message:delivery:channel':
      return seen.push({ type: event.type, message: payload.message.id, external: payload.externalMessages?.[0]?.id })
    case 'conversation:message:delivery:failure':
      return seen.push({ type: event.type, message: payload.message.id, error: payload.error.code })
    default:
      return seen.push({ type: event.type })
  }
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/seen') {
    res.writeHead(200, { 'content-type': 'application/json' })
    return res.end(JSON.stringify(seen))
  }
  let body = ''
  req.on('data', (chunk) => { body += chunk })
  req.on('end', () => {
    if (!authorised(req)) { res.writeHead(401); return res.end() }
    const { events } = JSON.parse(body)
    for (const event of events) handle(event)
    res.writeHead(200)
    res.end()
  })
})

server.listen(Number(process.env.RECEIVER_PORT ?? 8080), '127.0.0.1')
