// examples/node/bot.mjs against `msgrkit sandbox`, driven through the sandbox's control
// API (the browser test drives the Python bot through the page): a text gets the echo
// reply, "menu" the carousel, a postback and a quick reply their answers, a duplicate
// delivery one answer, and after "+25 h" the bot's proactive send is refused with Meta's
// 10/2018278. The CLI is built with cargo when it is not there yet.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, symlinkSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { freePort, serve, waitFor } from './serving.mjs'

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..')
const EXAMPLES = join(PACKAGE, '..', 'examples', 'node')
const SECRET = 'node-bot-secret'
const VERIFY = 'node-bot-verify-token'
const ADA = '7000000000000001'

let sandbox, bot, sandboxUrl, botUrl

const control = async (path, body) =>
  (await fetch(`${sandboxUrl}/sandbox/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()
const thread = async () => (await fetch(`${sandboxUrl}/sandbox/api/customers/${ADA}/thread`)).json()
const pageMessages = async () => (await thread()).filter((i) => i.from === 'page')
/** Waits until the Page has sent `count` messages to Ada; returns the last one's message. */
const sentMessage = (count) => waitFor(async () => {
  const sent = await pageMessages()
  return sent.length >= count ? sent[count - 1] : null
}, `the bot's message ${count}`)

before(async () => {
  const modules = join(EXAMPLES, 'node_modules')
  mkdirSync(modules, { recursive: true })
  if (!existsSync(join(modules, 'msgrkit'))) symlinkSync(PACKAGE, join(modules, 'msgrkit'), 'dir')
  const root = join(PACKAGE, '..')
  execFileSync('cargo', ['build', '-q', '-p', 'msgrkit-cli'], { cwd: root, stdio: 'inherit' })
  const target = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root })).target_directory
  const [sandboxPort, botPort] = [await freePort(), await freePort()]
  sandboxUrl = `http://127.0.0.1:${sandboxPort}`
  botUrl = `http://127.0.0.1:${botPort}`
  bot = await serve(join(EXAMPLES, 'bot.mjs'), botPort, { MSGRKIT_APP_SECRET: SECRET, MSGRKIT_VERIFY_TOKEN: VERIFY,
    MSGRKIT_PAGE_TOKEN: 'sandbox', MSGRKIT_GRAPH_URL: sandboxUrl, MSGRKIT_PORT: String(botPort) })
  sandbox = spawn(join(target, 'debug', 'msgrkit'), ['sandbox', '--webhook', `${botUrl}/webhook`, '--app-secret', SECRET,
    '--verify-token', VERIFY, '--port', String(sandboxPort), '--retry-delay-ms', '100'], { stdio: 'ignore' })
  await waitFor(async () => {
    const log = await (await fetch(`${sandboxUrl}/sandbox/api/log`)).json()
    return log.some((e) => e.kind === 'handshake' && e.verified)
  }, 'the handshake')
})

after(() => {
  sandbox?.kill()
  bot?.kill()
})

test('the Node bot chats with a sandbox customer', async () => {
  const said = await control(`customers/${ADA}/text`, { text: 'hi' })
  assert.equal(said.delivery.status, 200)
  const echo = await sentMessage(1)
  assert.equal(echo.body.message.text, 'You said: hi')
  assert.deepEqual(echo.body.message.quick_replies.map((q) => q.title), ['Menu', 'Talk to a human'])

  await control(`customers/${ADA}/quick_reply`, { payload: 'HUMAN', text: 'Talk to a human' })
  assert.equal((await sentMessage(2)).body.message.text, 'A person from our team will answer here within a day.')

  await control(`customers/${ADA}/text`, { text: 'menu' })
  const carousel = (await sentMessage(4)).body.message.attachment.payload
  assert.equal(carousel.template_type, 'generic')
  assert.deepEqual(carousel.elements.map((e) => e.buttons[0].payload), ['TRACK_ORDER', 'RETURN', 'HUMAN'])

  await control(`customers/${ADA}/postback`, { payload: 'TRACK_ORDER', title: 'Track' })
  assert.equal((await sentMessage(5)).body.message.text, 'Your order #1042 is on its way and arrives tomorrow.')

  const twice = await control(`customers/${ADA}/text`, { text: 'once', delivery: 'duplicate' })
  assert.equal(twice.delivery.attempts, 2)
  await sentMessage(6)
  await sleep(500)
  assert.equal((await pageMessages()).filter((m) => m.body.message?.text === 'You said: once').length, 1)

  await control('clock', { advance_hours: 25 })
  const notified = await (await fetch(`${botUrl}/notify/${ADA}`, { method: 'POST' })).json()
  assert.deepEqual(notified, { sent: [], error: 'graph_outside_window' })
  const refused = (await thread()).at(-1)
  assert.equal(refused.status, 'refused')
  assert.deepEqual([refused.error.error.code, refused.error.error.error_subcode], [10, 2018278])
})
