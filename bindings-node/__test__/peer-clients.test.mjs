// Messenger code msgrkit did not write, against `msgrkit sandbox`: messaging-api-messenger
// (npm, pinned in package.json) sends text, an image from a Buffer (Meta's multipart form
// with `filedata`), a sender action, and a send with a wrong token, through its own HTTP
// client with the sandbox as its Graph origin; and a receiver that checks only the legacy
// SHA-1 `X-Hub-Signature`, as bottender and express-x-hub do, takes every delivery.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

import { freePort, waitFor } from './serving.mjs'

const { MessengerClient } = createRequire(import.meta.url)('messaging-api-messenger')

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..')
const SECRET = 'peer-client-secret'
const ADA = '7000000000000001'

let sandbox, receiver, sandboxUrl
const received = [] // [{ valid, body }] of every POST the SHA-1 receiver got

/** A receiver in bottender's manner: the raw body, `sha1=` + HMAC-SHA1, nothing else. */
function sha1Receiver(port) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    if (req.method === 'GET') return res.end(url.searchParams.get('hub.challenge') ?? '')
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const expected = Buffer.from(`sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`)
      const given = Buffer.from(req.headers['x-hub-signature'] ?? '')
      const valid = given.length === expected.length && timingSafeEqual(given, expected)
      received.push({ valid, body: JSON.parse(body) })
      res.writeHead(valid ? 200 : 400).end()
    })
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

const control = async (path, body) =>
  (await fetch(`${sandboxUrl}/sandbox/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()

before(async () => {
  const root = join(PACKAGE, '..')
  execFileSync('cargo', ['build', '-q', '-p', 'msgrkit-cli'], { cwd: root, stdio: 'inherit' })
  const target = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root })).target_directory
  const [sandboxPort, receiverPort] = [await freePort(), await freePort()]
  sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  receiver = await sha1Receiver(receiverPort)
  sandbox = spawn(join(target, 'debug', 'msgrkit'), ['sandbox', '--webhook', `http://127.0.0.1:${receiverPort}/webhook`,
    '--app-secret', SECRET, '--port', String(sandboxPort), '--retry-delay-ms', '100', '--max-attempts', '2'], { stdio: 'ignore' })
  await waitFor(async () => (await (await fetch(`${sandboxUrl}/sandbox/api/log`)).json())
    .some((e) => e.kind === 'handshake' && e.verified), 'the handshake')
})

after(async () => {
  sandbox?.kill()
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()))
})

test("messaging-api-messenger's sends are answered as Meta answers them", async () => {
  const spoke = await control(`customers/${ADA}/text`, { text: 'hello' })
  assert.equal(spoke.delivery.delivered, true, 'the SHA-1 receiver took the customer message')
  const client = new MessengerClient({ accessToken: 'sandbox', origin: sandboxUrl, version: '27.0' })
  const text = await client.sendText(ADA, 'Hi from a client msgrkit did not write')
  assert.equal(text.recipientId, ADA)
  assert.match(text.messageId, /^m_sandbox_/)
  // sendImage(buffer) posts Meta's multipart form: recipient, message, filedata.
  const png = Buffer.from('89504e470d0a1a0a', 'hex')
  const image = await client.sendImage(ADA, png, { filename: 'cat.png' })
  assert.match(image.messageId, /^m_sandbox_/)
  await client.typingOn(ADA)
  const stranger = new MessengerClient({ accessToken: 'EAAGnotthepages', origin: sandboxUrl, version: '27.0' })
  await assert.rejects(stranger.sendText(ADA, 'hi'), (e) => {
    assert.ok(e.response.status >= 400, String(e.response.status))
    assert.equal(e.response.data.error.code, 190)
    assert.match(e.message, /Messenger API - 190 OAuthException/)
    return true
  })
  const thread = await (await fetch(`${sandboxUrl}/sandbox/api/customers/${ADA}/thread`)).json()
  const sent = thread.filter((i) => i.from === 'page')
  assert.equal(sent.length, 2)
  assert.ok(sent[1].body.message.attachment.payload.attachment_id, JSON.stringify(sent[1]))
})

test('a receiver that checks only X-Hub-Signature (SHA-1) takes every delivery', async () => {
  // The two sends above are followed by an echo and a delivery each.
  await waitFor(async () => received.length >= 5 && received, 'the echoes and deliveries')
  assert.ok(received.every((r) => r.valid), JSON.stringify(received.filter((r) => !r.valid)))
  const log = await (await fetch(`${sandboxUrl}/sandbox/api/log`)).json()
  const attempts = log.filter((e) => e.kind === 'webhook')
  assert.ok(attempts.length >= 5 && attempts.every((e) => e.status === 200), JSON.stringify(attempts.map((e) => e.status)))
})
