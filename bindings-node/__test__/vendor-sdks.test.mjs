// emit() output read by the vendors' own Node SDKs (pinned devDependencies): Sinch's
// @sinch/sdk-core checks each callback's signature, names its trigger, and its TypeScript
// declarations type-check every body as that trigger's event (no missing, unknown or
// mistyped field); the Sunshine Conversations client's models read every Sunshine event.
// Every input of the emit vectors is emitted afresh.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { ConversationCallbackWebhooks } from '@sinch/sdk-core'
import Sunshine from 'sunshine-conversations-client'

import { emit, emitOutcome } from '../index.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const SECRET = 'sinch-callback-secret'
const CASES = JSON.parse(readFileSync(join(HERE, '..', '..', 'tests', 'vectors', 'emit.json'), 'utf8')).cases
  .filter(({ input, expect }) => ['sinch', 'sunshine'].includes(input.vendor) && expect.ok?.callbacks?.length)
const camel = (object) =>
  Object.fromEntries(Object.entries(object).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]))

function emitted({ input }, extra = {}) {
  const config = { ...camel(input.config), ...extra }
  return input.call === 'outcome' ? emitOutcome(input.vendor, input.outcome, config) : emit(input.vendor, input.body, config)
}

// Sinch's trigger for each key of a callback, and the SDK's declared type for its body.
const SINCH = {
  message: ['MESSAGE_INBOUND', 'MessageInboundEvent'],
  message_delivery_report: ['MESSAGE_DELIVERY', 'MessageDeliveryReceiptEvent'],
  conversation_start_notification: ['CONVERSATION_START', 'ConversationStartEvent'],
  unsupported_callback: ['UNSUPPORTED', 'UnsupportedCallbackEvent'],
}
const sinchCases = CASES.filter(({ input }) => input.vendor === 'sinch')
const sinchBodies = [] // [case, the SDK's type, what parseEvent answered]

test('the Sinch SDK verifies each callback and names the trigger msgrkit meant', () => {
  assert.ok(sinchCases.length >= 15)
  const receiver = new ConversationCallbackWebhooks(SECRET)
  const stranger = new ConversationCallbackWebhooks('another secret')
  for (const c of sinchCases) {
    const timestamp = c.input.config.timestamp ?? 1605514662
    for (const { headers, body_text: body } of emitted(c, { secret: SECRET, nonce: '01FJA8B4A7BM43YGWSG9GBV067', timestamp }).callbacks) {
      assert.ok(receiver.validateAuthenticationHeader(headers, body), c.id)
      assert.ok(!stranger.validateAuthenticationHeader(headers, body), c.id)
      const keys = Object.keys(SINCH).filter((key) => key in JSON.parse(body))
      assert.equal(keys.length, 1, `${c.id}: ${body}`)
      const parsed = receiver.parseEvent(body)
      assert.equal(parsed.trigger, SINCH[keys[0]][0], c.id)
      sinchBodies.push([c.id, SINCH[keys[0]][1], JSON.stringify(parsed)])
    }
  }
})

test("every Sinch callback type-checks as its event in the SDK's declarations", () => {
  assert.ok(sinchBodies.length >= 15)
  const source = ["import type { Conversation } from '@sinch/sdk-core'"]
  // The declarations type instants as Date: what the SDK's own reviveDates makes of the JSON.
  const revived = (body) => body.replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g, 'new Date("$1")')
  sinchBodies.forEach(([id, type, body], i) => source.push(`// ${id}`, `export const e${i}: Conversation.${type} = ${revived(body)}`))
  // Read as if it were a file of this folder, so the SDK resolves from node_modules; never written.
  const name = join(HERE, 'sinch-callbacks.virtual.ts')
  const options = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true }
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists } = host
  host.fileExists = (file) => file === name || fileExists.call(host, file)
  host.getSourceFile = (file, language) =>
    file === name ? ts.createSourceFile(file, source.join('\n'), language) : getSourceFile.call(host, file, language)
  const problems = ts.getPreEmitDiagnostics(ts.createProgram([name], options, host))
    .map((d) => `${d.file ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
  assert.deepEqual(problems, [])
})

const SUNSHINE = {
  'conversation:message': 'ConversationMessageEvent',
  'conversation:postback': 'ConversationPostbackEvent',
  'conversation:read': 'ConversationReadEvent',
  'conversation:typing': 'ConversationTypingEvent',
  'conversation:referral': 'ConversationReferralEvent',
  'conversation:message:delivery:user': 'ConversationMessageDeliveryUserEvent',
  'conversation:message:delivery:channel': 'ConversationMessageDeliveryChannelEvent',
  'conversation:message:delivery:failure': 'ConversationMessageDeliveryFailureEvent',
}
// Read by the PyPI client (v17, test_vendor_sdks.py) but not by this npm client, the newest
// published (14.1.0), whose delivery-failure model predates the `error` object.
const SUNSHINE_BEYOND_CLIENT = new Set(['.payload.error'])

function notRead(sent, read, path = '') {
  if (sent && typeof sent === 'object') {
    if (!read || typeof read !== 'object') return [`${path}: read as ${JSON.stringify(read)}`]
    return Object.entries(sent).flatMap(([k, v]) => (k in read ? notRead(v, read[k], `${path}.${k}`) : [`${path}.${k}`]))
  }
  return sent === read ? [] : [`${path}: ${JSON.stringify(sent)} read as ${JSON.stringify(read)}`]
}

test("the Sunshine Conversations client's models read every emitted event in full", () => {
  const cases = CASES.filter(({ input }) => input.vendor === 'sunshine')
  assert.ok(cases.length >= 3)
  for (const c of cases) {
    for (const { body_text: body } of emitted(c).callbacks) {
      const envelope = JSON.parse(body)
      assert.equal(envelope.webhook.version, 'v2')
      for (const event of envelope.events) {
        const read = JSON.parse(JSON.stringify(Sunshine[SUNSHINE[event.type]].constructFromObject(event)))
        assert.deepEqual(notRead(event, read).filter((path) => !SUNSHINE_BEYOND_CLIENT.has(path)), [], c.id)
      }
    }
  }
})
