// Every case of every file in tests/vectors/, through the Node API (one test per `id`).
// The call each case makes is chosen as in the other runners (tests/vectors/README.md);
// outputs are compared as JSON values, errors by code and field, never by message text.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

// MSGRKIT_NODE_PACKAGE runs the vectors against an installed package (scripts/install-test).
const msgrkit = await import(process.env.MSGRKIT_NODE_PACKAGE ?? '../index.mjs')

const VECTORS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'vectors')
const SUITES = ['signature', 'webhook', 'send', 'policy', 'compose', 'dialect', 'graph', 'link', 'emit', 'entries']

const bodyOf = (i) => ('body_hex' in i ? Buffer.from(i.body_hex, 'hex') : Buffer.from(i.body, 'utf8'))

/** `value` with every `key` removed, at any depth (free text is never compared). */
function without(value, key) {
  if (Array.isArray(value)) return value.map((v) => without(v, key))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key).map(([k, v]) => [k, without(v, key)]))
  }
  return value
}

/** A notification without the free-text messages of its errors and warnings. */
function comparable(parsed) {
  const out = { ...parsed, errors: parsed.errors.map(({ message, ...rest }) => rest) }
  if (parsed.warnings) out.warnings = parsed.warnings.map(({ message, ...rest }) => rest)
  return out
}

/** The vectors' snake_case option names as the JS API spells them. */
const camel = (object) =>
  Object.fromEntries(Object.entries(object).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]))

/** A policy answer in the vectors' form: the decision, or `{refusal}`. */
function decided(call) {
  try {
    return call()
  } catch (e) {
    if (!e.refusal) throw e
    assert.equal(e.code, e.refusal.code)
    assert.equal(e.field, null)
    return { refusal: e.refusal }
  }
}

const runners = {
  signature(i) {
    const options = { allowSha1: Boolean(i.allow_sha1) }
    switch (i.call ?? 'verify') {
      case 'verify': return msgrkit.verifySignature(i.app_secret, bodyOf(i), i.header, options)
      case 'sign': return msgrkit.sign(i.app_secret, bodyOf(i))
      case 'verify_headers': return msgrkit.verifySignatureHeaders(i.app_secret, bodyOf(i), i.headers, options)
      case 'verify_any': return msgrkit.verifySignatureAny(i.app_secrets, bodyOf(i), i.header, options)
      case 'head': return msgrkit.checkWebhookHead(i.headers, { ...options, maxBodyBytes: i.max_body_bytes })
      case 'record': return JSON.parse(msgrkit.recordDelivery(bodyOf(i), i.headers, i.app_secret, camel(i.delivery)))
    }
    throw new Error(`no Node runner for signature.${i.call}`)
  },
  webhook(i) {
    switch (i.call ?? 'parse') {
      case 'parse': return comparable(msgrkit.parseWebhook(bodyOf(i), { maxBodyBytes: i.max_body_bytes }))
      case 'receive': {
        const received = msgrkit.receiveWebhook(i.app_secrets, bodyOf(i), i.headers)
        return { ...received, notification: comparable(received.notification) }
      }
      case 'conversation_keys': return msgrkit.parseWebhook(bodyOf(i)).events.map((e) => e.conversation_key)
      case 'handshake': return msgrkit.verifyHandshake(i.query ?? i.params, i.verify_token)
      case 'is_own_echo': return msgrkit.eventsOwnEcho(bodyOf(i), i.app_id)
      case 'covered': return msgrkit.eventsCovered(bodyOf(i), i.sent)
    }
    throw new Error(`no Node runner for webhook.${i.call}`)
  },
  send(i) {
    switch (i.call ?? 'validate') {
      case 'validate': {
        // Every key but call and body is an option, a misspelt one too (the core refuses it).
        const { call: _call, body, ...options } = i
        return without(msgrkit.validate(body, camel(options)), 'detail')
      }
      case 'roundtrip': return msgrkit.normalize(i.body)
      case 'prepare': {
        const { call: _call, ...input } = i
        return without(decided(() => msgrkit.prepareSend(camel(input))), 'detail')
      }
    }
    throw new Error(`no Node runner for send.${i.call}`)
  },
  policy(i) {
    const { call = 'decide', ...input } = i
    switch (call) {
      case 'decide': return without(decided(() => msgrkit.decidePolicy(camel(input))), 'detail')
      case 'private_reply': return without(decided(() => msgrkit.decidePrivateReply(camel(input))), 'detail')
    }
    throw new Error(`no Node runner for policy.${call}`)
  },
  compose(i) {
    if (i.call === 'menu') return without(msgrkit.menu(i.menu, i.options), 'detail')
    return without(msgrkit.compose(i.message, i.options), 'detail')
  },
  dialect(i) {
    const options = { ...i.options, dialect: i.dialect }
    switch (i.call ?? 'transcode') {
      case 'transcode': {
        const fromObject = msgrkit.transcode(i.body, options)
        assert.deepStrictEqual(msgrkit.transcode(JSON.stringify(i.body), options), fromObject,
          'the JSON-text path differs from the object path')
        return without(fromObject, 'detail')
      }
      case 'menu': return without(msgrkit.menu(i.body, options), 'detail')
    }
    throw new Error(`no Node runner for dialect.${i.call}`)
  },
  graph(i) {
    switch (i.kind) {
      case 'request': return new msgrkit.Graph(camel(i.config)).request(i.call, i.args)
      case 'response':
        try {
          return { ok: msgrkit.graphParseResponse(i.status, i.headers, i.body) }
        } catch (e) {
          if (e.category !== 'graph') throw e
          assert.deepEqual([e.status, e.graphCode, e.subcode, e.fbtraceId, e.retryAfter],
            [e.graph.status, e.graph.code ?? null, e.graph.subcode ?? null, e.graph.fbtrace_id ?? null, e.graph.retry_after ?? null])
          return { error: { code: e.code, retryable: e.retryable, graph: e.graph } }
        }
      case 'usage': {
        const usage = msgrkit.graphUsage(i.headers)
        return { highest: usage.highest, regain_after_seconds: usage.regain_after_seconds }
      }
      case 'user_profile': return { profile: msgrkit.graphParseUserProfile(i.status, i.headers, i.body) }
      case 'diagnose': return msgrkit.graphDiagnose(i.answers).map(({ code, severity }) => ({ code, severity }))
    }
    throw new Error(`no Node runner for graph kind ${i.kind}`)
  },
  link(i) {
    switch (i.call ?? 'link') {
      case 'link': return msgrkit.chatLink(i.link)
      case 'parse': return msgrkit.parseChatLink(i.url)
      case 'round_trip': {
        const url = msgrkit.chatLink(i.link)
        const refs = msgrkit.parseWebhook(i.body).events.flatMap((e) =>
          e.type === 'postback' ? [e.postback.referral.ref] : e.type === 'referral' ? [e.referral.ref] : [])
        return { parsed: msgrkit.parseChatLink(url), refs }
      }
      case 'qr': {
        const svg = msgrkit.qrSvg(i.text, i.options)
        return svg.startsWith('<?xml') && svg.trimEnd().endsWith('</svg>')
      }
    }
    throw new Error(`no Node runner for link.${i.call}`)
  },
  entries(i) {
    // An entry made from the table, reached by its name (camelCased): one runner for all.
    const name = i.function.replace(/_([a-z])/g, (_, c) => c.toUpperCase())
    if (typeof msgrkit[name] !== 'function') throw new Error(`${i.function}: not exposed in Node`)
    return msgrkit[name](camel(i.args))
  },
  emit(i) {
    // The config's top-level keys as JS spells them (appId), by the one casing rule.
    const config = camel(i.config ?? {})
    switch (i.call) {
      case 'emit': return without(msgrkit.emit(i.vendor, i.body, config), 'detail')
      case 'outcome': return without(msgrkit.emitOutcome(i.vendor, i.outcome, config), 'detail')
      case 'verify': {
        msgrkit.verifyCallback(i.vendor, Buffer.from(i.body, 'utf8'), i.headers, i.secret)
        return true
      }
    }
    throw new Error(`no Node runner for emit.${i.call}`)
  },
}

test('every vector file is run', () => {
  const files = readdirSync(VECTORS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))
  assert.deepEqual(files.sort(), [...SUITES].sort())
})

for (const suite of SUITES) {
  const { cases } = JSON.parse(readFileSync(join(VECTORS, `${suite}.json`), 'utf8'))
  for (const c of cases) {
    test(c.id, () => {
      const { expect } = c
      assert.ok(('ok' in expect) !== ('error' in expect), 'expect holds exactly one of ok and error')
      let actual
      try {
        actual = runners[suite](c.input)
      } catch (e) {
        if (typeof e.code !== 'string' || !('field' in e)) throw e
        assert.ok('error' in expect, `got error ${e.code} at ${e.field}: ${e.message}`)
        assert.equal(e.code, expect.error.code, `${e.code} at ${e.field}: ${e.message}`)
        if ('field' in expect.error) assert.equal(e.field, expect.error.field)
        return
      }
      assert.ok('ok' in expect, `got ok ${JSON.stringify(actual)}, want error ${JSON.stringify(expect.error)}`)
      assert.deepStrictEqual(actual, expect.ok)
    })
  }
}
