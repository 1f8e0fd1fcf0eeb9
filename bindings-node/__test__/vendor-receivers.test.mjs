// examples/node/sunshine-receiver.mjs, a Sunshine Conversations v2 receiver written
// against Zendesk's documentation, run as its own process on 127.0.0.1: Meta webhooks go
// through msgrkit's emit('sunshine', ...) and the envelopes are POSTed to it unchanged,
// with the X-API-Key Sunshine sends. What it handled must be what the person did.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

import { emit, emitOutcome } from '../index.mjs'
import { freePort, serve } from './serving.mjs'

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'node', 'sunshine-receiver.mjs')
const SECRET = 'sunshine-webhook-secret'
const PSID = '6500000000000001'
const PAGE = '106000000000001'
const CONFIG = { appId: '5963c0d619a30a2e00de36b8', integrationId: '5e1f438bf99fb467810c0ab9',
  webhookId: '5f1d90e6ba4d3a000c3c3fcd', secret: SECRET }

let server, url

before(async () => {
  const port = await freePort()
  server = await serve(EXAMPLE, port, { SUNSHINE_WEBHOOK_SECRET: SECRET, RECEIVER_PORT: String(port) })
  url = `http://127.0.0.1:${port}`
})

after(() => server?.kill())

const meta = (...items) => {
  const now = Date.now()
  return JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: now,
    messaging: items.map((item) => ({ timestamp: now, ...item })) }] })
}
const person = (key, payload) => ({ sender: { id: PSID }, recipient: { id: PAGE }, [key]: payload })

async function deliver({ callbacks }) {
  const statuses = []
  for (const { headers, body_text: body } of callbacks) {
    statuses.push((await fetch(`${url}/sunshine`, { method: 'POST', headers, body })).status)
  }
  return statuses
}

const seen = async () => (await fetch(`${url}/seen`)).json()

test('a batch of Messenger events arrives as one Sunshine envelope, as the receiver expects', async () => {
  const before = (await seen()).length
  const body = meta(
    person('message', { mid: 'm_1', text: 'Hello' }),
    person('message', { mid: 'm_2', attachments: [{ type: 'image', payload: { url: 'https://x.test/a.png' } }] }),
    person('postback', { mid: 'm_3', payload: 'BUY', title: 'Buy now' }),
    person('read', { watermark: 1 }),
    person('reaction', { mid: 'm_1', action: 'react', reaction: 'like' }),
  )
  const emitted = emit('sunshine', body, CONFIG)
  assert.equal(emitted.callbacks.length, 1)
  assert.deepEqual(emitted.warnings.map((w) => [w.code, w.event]), [['dropped', 2], ['no_equivalent', 4]])
  assert.deepEqual(await deliver(emitted), [200])
  const got = (await seen()).slice(before)
  assert.deepEqual(got.map((g) => g.type), ['conversation:message', 'conversation:message', 'conversation:postback', 'conversation:read'])
  assert.equal(got[0].text, 'Hello')
  assert.equal(got[1].mediaUrl, 'https://x.test/a.png')
  assert.equal(got[2].payload, 'BUY')
  assert.equal(new Set(got.map((g) => g.user)).size, 1, 'one person, one Sunshine user')
})

test('a send outcome arrives as a delivery event, and a wrong key is refused', async () => {
  const before = (await seen()).length
  const accepted = emitOutcome('sunshine', { status: 200, body: { recipient_id: PSID, message_id: 'm_sent' },
    message_id: '5f1d90e6ba4d3a000c3c3fce', recipient: PSID, page_id: PAGE }, CONFIG)
  assert.deepEqual(await deliver(accepted), [200])
  const got = (await seen()).slice(before)
  assert.deepEqual(got, [{ type: 'conversation:message:delivery:channel', message: '5f1d90e6ba4d3a000c3c3fce', external: 'm_sent' }])
  const forged = emit('sunshine', meta(person('message', { mid: 'm_x', text: 'x' })), { ...CONFIG, secret: 'wrong' })
  assert.deepEqual(await deliver(forged), [401])
})
