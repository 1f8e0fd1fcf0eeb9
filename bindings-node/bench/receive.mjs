// Receive-side cost from Node: msgrkit's verifySignature + parseWebhook (typed events)
// against the plain-JS baseline of crypto.createHmac + timingSafeEqual + JSON.parse
// (untyped objects), measured side by side in one run. A script, not a test: run it
// with scripts/bench-node. The bodies are core/benches/receive.rs's.
import { createHmac, timingSafeEqual } from 'node:crypto'

import { parseWebhook, sign, verifySignature, version } from '../index.mjs'

const SECRET = 'bench-app-secret'

function item(n) {
  const id = `65000000000${String(n).padStart(5, '0')}`
  const envelope = `"sender":{"id":"${id}"},"recipient":{"id":"106000000000001"},"timestamp":${1763712000000 + n}`
  switch (n % 6) {
    case 0: case 1:
      return `{${envelope},"message":{"mid":"m_${n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789","text":"Hello, I have a question about order #${n}: when will it ship? Gr\\u00fc\\u00dfe \\ud83d\\udce6","quick_reply":{"payload":"ORDER_${n}"}}}`
    case 2:
      return `{${envelope},"message":{"mid":"m_${n}_img","attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/${n}_n.jpg?_nc_cat=1&ccb=1-7&oh=00_AfB&oe=6780"}}]}}`
    case 3:
      return `{${envelope},"delivery":{"mids":["m_${n}_out"],"watermark":1763712000000}}`
    case 4:
      return `{${envelope},"reaction":{"mid":"m_${n}_out","action":"react","reaction":"love","emoji":"\\u2764\\ufe0f"}}`
    default:
      return `{${envelope},"postback":{"mid":"m_${n}_pb","title":"Track my order","payload":"TRACK_ORDER_${n}"}}`
  }
}

const batch = (events) => Buffer.from(`{"object":"page","entry":[{"id":"106000000000001","time":1763712000999,"messaging":[${Array.from({ length: events }, (_, n) => item(n)).join(',')}]}]}`)

function single1k() {
  const text = 'Hello, I have a question about my order and its delivery. '.repeat(15)
  return Buffer.from(`{"object":"page","entry":[{"id":"106000000000001","time":1763712000999,"messaging":[{"sender":{"id":"6500000000000001"},"recipient":{"id":"106000000000001"},"timestamp":1763712000000,"message":{"mid":"m_single","text":"${text}"}}]}]}`)
}

function baseline(body, header) {
  const expected = Buffer.from('sha256=' + createHmac('sha256', SECRET).update(body).digest('hex'))
  const given = Buffer.from(header)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new Error('mismatch')
  return JSON.parse(body)
}

function withMsgrkit(body, header) {
  verifySignature(SECRET, body, header)
  return parseWebhook(body)
}

/** The median over `rounds` rounds of `number` calls, in microseconds per call. */
function perCallUs(run, number, rounds = 15) {
  for (let i = 0; i < number; i++) run() // warm up
  const times = []
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < number; i++) run()
    times.push(Number(process.hrtime.bigint() - start) / 1e3 / number)
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]
}

console.log(`msgrkit ${version()} on Node ${process.version}`)
console.log(`${'body'.padEnd(28)} ${'msgrkit µs'.padStart(11)} ${'hmac+JSON µs'.padStart(13)} ${'ratio'.padStart(7)}`)
for (const [name, body, number] of [['1 KiB, 1 event', single1k(), 20000], ['64-event batch', batch(64), 500]]) {
  const header = sign(SECRET, body)
  const events = parseWebhook(body).events.length
  if (events !== baseline(body, header).entry[0].messaging.length) throw new Error('event counts differ')
  const ours = perCallUs(() => withMsgrkit(body, header), number)
  const base = perCallUs(() => baseline(body, header), number)
  console.log(`${`${name} (${body.length} B)`.padEnd(28)} ${ours.toFixed(2).padStart(11)} ${base.toFixed(2).padStart(13)} ${(ours / base).toFixed(2).padStart(6)}x`)
}
console.log('ratio = msgrkit / baseline; the target is at most 1.50x. The baseline returns untyped objects and no dedupe keys.')
