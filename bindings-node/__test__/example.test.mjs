// examples/node/webhook-server.mjs, started as its own process on 127.0.0.1 and sent real
// signed HTTP requests; its replies go to a Graph stand-in. The example imports 'msgrkit',
// so this links examples/node/node_modules/msgrkit to this package first.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, symlinkSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { sign } from '../index.mjs'
import { standIn } from './standin.mjs'
import { freePort, serve } from './serving.mjs'

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..')
const EXAMPLES = join(PACKAGE, '..', 'examples', 'node')
const SECRET = 'example-app-secret'
const VERIFY = 'example-verify-token'
const PSID = '6500000000000001'
const PAGE = '106000000000001'

let graph, server, url

before(async () => {
  const modules = join(EXAMPLES, 'node_modules')
  mkdirSync(modules, { recursive: true })
  if (!existsSync(join(modules, 'msgrkit'))) symlinkSync(PACKAGE, join(modules, 'msgrkit'), 'dir')
  graph = await standIn()
  const port = await freePort()
  server = await serve(join(EXAMPLES, 'webhook-server.mjs'), port, { MSGRKIT_APP_SECRET: SECRET, MSGRKIT_VERIFY_TOKEN: VERIFY,
      MSGRKIT_PAGE_TOKEN: 'EAAG-example', MSGRKIT_GRAPH_URL: graph.url, MSGRKIT_PORT: String(port) })
  url = `http://127.0.0.1:${port}/webhook`
})

after(async () => {
  server?.kill()
  await graph?.close()
})

function delivery(mid, text) {
  const now = Date.now()
  return Buffer.from(JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: now, messaging: [
    { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: now, message: { mid, text } }] }] }))
}

test('it answers the handshake', async () => {
  const ok = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`)
  assert.deepEqual([ok.status, await ok.text()], [200, '1158201444'])
  const wrong = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)
  assert.equal(wrong.status, 403)
})

test('it refuses a badly signed or unsigned POST with 403', async () => {
  const body = delivery('m_forged', 'hello')
  const forged = await fetch(url, { method: 'POST', body, headers: { 'x-hub-signature-256': sign('not-the-secret', body) } })
  assert.equal(forged.status, 403)
  const unsigned = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
  assert.equal(unsigned.status, 403)
  await sleep(300)
  assert.ok(!graph.seen.some((s) => s.body.includes('m_forged')))
})

test('it accepts a signed POST and replies once', async () => {
  const body = delivery('m_genuine', 'where is my order?')
  const headers = { 'x-hub-signature-256': sign(SECRET, body), 'content-type': 'application/json' }
  for (let i = 0; i < 2; i++) { // Meta redelivers
    const res = await fetch(url, { method: 'POST', body, headers })
    assert.deepEqual([res.status, await res.text()], [200, 'EVENT_RECEIVED'])
  }
  for (let i = 0; i < 100 && graph.seen.length === 0; i++) await sleep(50)
  await sleep(300) // a second reply, if any, would have arrived by now
  const replies = graph.seen.map((s) => JSON.parse(s.body))
  assert.equal(replies.length, 1)
  assert.deepEqual(replies[0].recipient, { id: PSID })
  assert.equal(replies[0].messaging_type, 'RESPONSE')
  assert.equal(replies[0].message.text, 'You said: where is my order?')
  assert.equal(replies[0].message.quick_replies[0].title, 'Talk to a human')
})
