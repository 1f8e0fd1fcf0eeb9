// Thrown errors: `code`, `field`, `category` and the details of each kind; and how JS
// values (Buffers, strings, Dates, big integers) are taken or refused.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import * as msgrkit from '../index.mjs'

const SECRET = 'app-secret'
const BODY = Buffer.from('{"object":"page","entry":[]}')
const thrown = (f) => { try { f() } catch (e) { return e } assert.fail('nothing was thrown') }

test('a tampered body throws signature_mismatch', () => {
  const header = msgrkit.sign(SECRET, BODY)
  assert.equal(msgrkit.verifySignature(SECRET, BODY, header), 'sha256')
  const e = thrown(() => msgrkit.verifySignature(SECRET, Buffer.from('{"object":"page","entry":[ ]}'), header))
  assert.ok(e instanceof Error)
  assert.deepEqual([e.code, e.field, e.category], ['signature_mismatch', null, 'signature'])
})

test('each signature failure has its code', () => {
  const cases = [
    ['', 'sha256=' + '0'.repeat(64), 'app_secret_empty'],
    [SECRET, '', 'signature_missing'],
    [SECRET, 'sha256=abc', 'signature_wrong_length'],
    [SECRET, 'sha1=' + '0'.repeat(40), 'signature_sha1_not_allowed'],
    [SECRET, 'md5=00', 'signature_unsupported_algorithm'],
  ]
  for (const [secret, header, code] of cases) {
    assert.equal(thrown(() => msgrkit.verifySignature(secret, BODY, header)).code, code)
  }
})

test('a string body is its UTF-8 bytes', () => {
  const text = '{"object":"page","entry":[],"note":"Grüße"}'
  assert.equal(msgrkit.verifySignature(SECRET, text, msgrkit.sign(SECRET, Buffer.from(text))), 'sha256')
})

test('headers come as req.headers, rawHeaders or pairs', () => {
  const header = msgrkit.sign(SECRET, BODY)
  assert.equal(msgrkit.verifySignatureHeaders(SECRET, BODY, { 'x-hub-signature-256': header }), 'sha256')
  assert.equal(msgrkit.verifySignatureHeaders(SECRET, BODY, ['Host', 'x', 'X-Hub-Signature-256', header]), 'sha256')
  const twice = ['X-Hub-Signature-256', header, 'x-hub-signature-256', header]
  assert.equal(thrown(() => msgrkit.verifySignatureHeaders(SECRET, BODY, twice)).code, 'signature_duplicate')
})

test('unreadable bodies throw parse errors', () => {
  for (const [body, code] of [[Buffer.from([0xff, 0x7b, 0x7d]), 'invalid_utf8'], ['{nope', 'invalid_json'], ['{"entry": []}', 'invalid_envelope']]) {
    const e = thrown(() => msgrkit.parseWebhook(body))
    assert.deepEqual([e.code, e.category], [code, 'parse'])
  }
})

test('a bad event is reported beside its siblings', () => {
  const item = (mid, text, t) => ({ sender: { id: '2' }, recipient: { id: '1' }, timestamp: t, message: { mid, text } })
  const body = JSON.stringify({ object: 'page', entry: [{ id: '1', time: 1, messaging: [item('m_1', 'hi', 1), item('m_2', 12, 2)] }] })
  const parsed = msgrkit.parseWebhook(body)
  assert.deepEqual(parsed.events.map((e) => e.type), ['message'])
  assert.deepEqual([parsed.errors[0].code, parsed.errors[0].field], ['invalid_event', 'entry[0].messaging[1]'])
  assert.equal(parsed.errors[0].raw.message.mid, 'm_2')
})

test('timestamps and big IDs survive the trip both ways', () => {
  const now = 1763712000123
  const body = JSON.stringify({ object: 'page', entry: [{ id: '106000000000001', time: now, messaging: [
    { sender: { id: '6500000000000001' }, recipient: { id: '106000000000001' }, timestamp: now, message: { mid: 'm_1', text: 'hi' } }] }] })
  assert.equal(msgrkit.parseWebhook(body).events[0].timestamp, now)
  const sticker = { recipient: { id: '1' }, messaging_type: 'RESPONSE', message: { sticker_id: 369239263222822 } }
  assert.deepEqual(msgrkit.validate(sticker), [])
})

test('an unknown dialect is an input error at dialect', () => {
  const e = thrown(() => msgrkit.transcode({ text: 'hi' }, { dialect: 'telegram' }))
  assert.deepEqual([e.code, e.field, e.category], ['invalid_input', 'dialect', 'input'])
})

test('an invalid raw override throws validation_failed with every violation', () => {
  const replies = Array.from({ length: 14 }, (_, i) => ({ content_type: 'text', title: `q${i}`, payload: 'P' }))
  const e = thrown(() => msgrkit.compose({ messenger: { text: 'x'.repeat(2001), quick_replies: replies } }))
  assert.deepEqual([e.code, e.category], ['validation_failed', 'validation'])
  assert.deepEqual(e.violations.map((v) => [v.code, v.field, v.max, v.actual]),
    [['limit_exceeded', 'text', 2000, 2001], ['limit_exceeded', 'quick_replies', 13, 14]])
})

test('validate returns violations, judged at the date given', () => {
  const request = { recipient: { id: '1' }, messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE', message: { text: 'shipped' } }
  assert.deepEqual(msgrkit.validate(request, { asOf: new Date(Date.UTC(2026, 0, 15)) }), [])
  const [retired] = msgrkit.validate(request, { asOf: '2026-11-21' })
  assert.deepEqual([retired.code, retired.retired_on], ['retired', '2026-04-27'])
})

test('a refused send throws with the whole refusal', () => {
  const now = Date.UTC(2026, 10, 21, 12)
  const e = thrown(() => msgrkit.decidePolicy({ lastUserActivity: new Date(now - 30 * 3600e3), now: new Date(now) }))
  assert.deepEqual([e.code, e.field], ['outside_window', null])
  assert.equal(e.refusal.window_closed_at, now - 6 * 3600e3)
})

test('Dates and milliseconds decide alike', () => {
  const now = Date.UTC(2026, 10, 21, 12)
  const input = { author: 'human', mode: 'auto_human_agent' }
  const byDate = msgrkit.decidePolicy({ ...input, lastUserActivity: new Date(now - 30 * 3600e3), now: new Date(now) })
  const byMs = msgrkit.decidePolicy({ ...input, lastUserActivity: now - 30 * 3600e3, now })
  assert.deepEqual(byDate, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })
  assert.deepEqual(byMs, byDate)
})

test('a time that is not a time is an input error at its field', () => {
  const e = thrown(() => msgrkit.decidePolicy({ lastUserActivity: 'yesterday', now: 0 }))
  // The core names the field as in every language: the input's key under `input`.
  assert.deepEqual([e.code, e.field], ['invalid_input', 'input.last_user_activity'])
})

test('a key the core does not know is refused at its field, in either casing', () => {
  const cases = [
    [() => msgrkit.validate({ text: 'x' }, { asof: '2026-04-27' }), 'options.asof'],
    [() => msgrkit.decidePolicy({ lastUserActivity: 0, now: 1, tagg: 'HUMAN_AGENT' }), 'input.tagg'],
    [() => msgrkit.decidePolicy({ now: 1 }), 'input.last_user_activity'],
    [() => msgrkit.decidePrivateReply({ commentCreated: 0, now: 1, replied: true }), 'input.replied'],
    [() => new msgrkit.Graph({ token: 'EAAG-token', apSecret: 's' }), 'ap_secret'],
    [() => new msgrkit.Client({ token: 'EAAG-token', maxAttempt: 2 }), 'max_attempt'],
  ]
  for (const [call, field] of cases) {
    const e = thrown(call)
    assert.equal(e.field, field)
    assert.ok(['invalid_input', 'required'].includes(e.code), e.code)
  }
})

test('a time may be an ISO instant, and means that instant', () => {
  const now = Date.UTC(2026, 10, 21, 12)
  const byText = msgrkit.decidePolicy({ lastUserActivity: '2026-11-20T06:00:00Z', now: '2026-11-21T13:00:00+01:00', author: 'human', mode: 'auto_human_agent' })
  const byDate = msgrkit.decidePolicy({ lastUserActivity: new Date(now - 30 * 3600e3), now: new Date(now), author: 'human', mode: 'auto_human_agent' })
  assert.deepEqual(byText, byDate)
})

test('Graph errors carry what Meta said', () => {
  const body = JSON.stringify({ error: { message: '(#613) rate limited', type: 'OAuthException', code: 613, fbtrace_id: 'AbC' } })
  const e = thrown(() => msgrkit.graphParseResponse(400, { 'retry-after': '7' }, body))
  assert.deepEqual([e.code, e.status, e.graphCode, e.subcode], ['graph_rate_limited', 400, 613, null])
  assert.deepEqual([e.fbtraceId, e.retryable, e.retryAfter, e.transport], ['AbC', true, 7, null])
  assert.equal(e.graph.type, 'OAuthException')
})

test('a withheld profile is null', () => {
  const body = JSON.stringify({ error: { message: 'withheld', type: 'OAuthException', code: 100, error_subcode: 2018218 } })
  assert.equal(msgrkit.graphParseUserProfile(400, {}, body), null)
})

test('the token stays out of URLs and toString', () => {
  const graph = new msgrkit.Graph({ token: 'EAAG-secret-token', appSecret: 'shh' })
  const request = graph.request('user_profile', { psid: '6500000000000001' })
  assert.equal(request.method, 'GET')
  assert.ok(!request.url.includes('EAAG-secret-token') && request.url.includes('appsecret_proof='))
  assert.deepEqual(request.headers[0], ['Authorization', 'Bearer EAAG-secret-token'])
  assert.ok(!String(graph).includes('EAAG-secret-token') && !String(graph).includes('shh'))
  assert.match(String(graph), /^Graph graph_version='v27\.0' page_id='me' login='facebook' .* token=\[redacted\] app_secret=\[redacted\]$/)
})

test('hostile input gets clean codes', () => {
  const body = Buffer.from('{"object":"page","entry":[]}')
  const large = thrown(() => msgrkit.parseWebhook(body, { maxBodyBytes: body.length - 1 }))
  assert.deepEqual([large.code, large.category], ['body_too_large', 'parse'])
  assert.equal(thrown(() => msgrkit.parseWebhook('['.repeat(10000) + ']'.repeat(10000))).code, 'nesting_too_deep')
  let deep = []
  for (let i = 0; i < 10000; i++) deep = [deep]
  const e = thrown(() => msgrkit.validate({ recipient: { id: '1' }, message: { text: deep } }))
  assert.equal(e.code, 'nesting_too_deep')
})

test('a JS structure nests as deep as JSON text (more than 128 levels is too deep)', () => {
  const nested = (levels) => {
    let value = []
    for (let i = 1; i < levels; i++) value = [value]
    return value
  }
  for (const [levels, tooDeep] of [[128, false], [129, true]]) {
    const fromText = thrown(() => msgrkit.parseWebhook(JSON.stringify(nested(levels))))
    assert.equal(fromText.code === 'nesting_too_deep', tooDeep, `text of ${levels}`)
    // The request and its message are two levels; the text's lists the rest.
    const request = { recipient: { id: '1' }, message: { text: nested(levels - 2) } }
    const fromValue = thrown(() => msgrkit.validate(request))
    assert.equal(fromValue.code === 'nesting_too_deep', tooDeep, `value of ${levels}`)
  }
})

test('without options.dialect a message is neutral', () => {
  const message = { text: 'Hi', actions: [{ type: 'reply', title: 'Yes' }] }
  assert.deepEqual(msgrkit.transcode(message), msgrkit.transcode(message, { dialect: 'neutral' }))
})

test('every core error code has a category the typings name', () => {
  const categories = ['signature', 'parse', 'input', 'validation', 'graph']
  const failing = msgrkit.codes().filter((e) => e.kind === 'error' || e.kind === 'graph_class')
  assert.ok(failing.length > 30)
  assert.deepEqual(failing.filter((e) => !categories.includes(e.category)).map((e) => e.code), [])
})

test('validate options: one casing rule, instants as UTC dates, unknown keys refused', () => {
  const tagged = { recipient: { id: '1' }, messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE', message: { text: 'x' } }
  const retired = (options) => msgrkit.validate(tagged, options).map((v) => v.code)
  assert.deepEqual(retired({ asOf: '2026-04-26' }), [])
  assert.deepEqual(retired({ as_of: '2026-04-27' }), ['retired'])
  assert.deepEqual(retired({ asOf: new Date('2026-04-26T23:30:00-01:00') }), ['retired'])
  assert.deepEqual(retired({ asOf: Date.UTC(2026, 3, 26, 23, 59) }), [])
  assert.throws(() => msgrkit.validate(tagged, { asof: '2026-04-27' }),
    (e) => e.code === 'invalid_input' && e.field === 'options.asof')
})

test('a Graph call reads its arguments in either casing and refuses a misspelt one', () => {
  const graph = new msgrkit.Graph({ token: 'EAAG-test-token' })
  const camel = graph.request('react', { psid: '6500000000000001', messageId: 'm_1', emoji: '❤️' })
  const snake = graph.request('react', { psid: '6500000000000001', message_id: 'm_1', emoji: '❤️' })
  assert.deepEqual(camel, snake)
  const misspelt = thrown(() => graph.request('user_profile', { psid: '6500000000000001', feilds: ['name'] }))
  assert.deepEqual([misspelt.code, misspelt.field], ['invalid_input', 'args.feilds'])
  const missing = thrown(() => graph.request('user_profile', {}))
  assert.deepEqual([missing.code, missing.field], ['required', 'args.psid'])
  const unknown = thrown(() => graph.request('user_profiles', { psid: '6500000000000001' }))
  assert.deepEqual([unknown.code, unknown.field], ['invalid_input', 'call'])
})

test('a lone surrogate is invalid_utf8, never a silent U+FFFD', () => {
  const lone = 'a\ud800b' // JS allows it; UTF-8 cannot hold it
  for (const attempt of [
    () => msgrkit.parseWebhook(lone),
    () => msgrkit.sign('secret', lone),
    () => msgrkit.verifySignature(lone, BODY, 'sha256=' + '0'.repeat(64)),
    () => msgrkit.validate('{"message": {"text": "' + lone + '"}}'),
  ]) {
    const e = thrown(attempt)
    assert.equal(e.code, 'invalid_utf8', String(attempt))
  }
  // Inside an object, JSON.stringify escapes it and the core refuses the escape.
  assert.equal(thrown(() => msgrkit.validate({ message: { text: lone } })).code, 'invalid_json')
})

test('NaN and infinity are refused where they stand, not read as null', () => {
  const request = { recipient: { id: '1' }, messaging_type: 'RESPONSE', message: { text: 'hi' } }
  for (const bad of [Infinity, -Infinity, NaN]) {
    const e = thrown(() => msgrkit.validate({ ...request, x: bad }))
    assert.deepEqual([e.code, e.field], ['invalid_input', 'request.x'])
    const nested = thrown(() => msgrkit.validate({ ...request, message: { text: 'hi', list: [1, bad] } }))
    assert.deepEqual([nested.code, nested.field], ['invalid_input', 'request.message.list[1]'])
  }
  // A null of its own is still a null.
  assert.ok(Array.isArray(msgrkit.validate({ ...request, x: null })))
})
