// Type-checked (not run) by scripts/nodetest with tsc --strict: the declarations let a
// consumer narrow events on `type` and catch wrong arguments.
import { Client, parseWebhook, transcode, validate, type Event, type MsgrkitError } from 'msgrkit'
import * as msgrkit from 'msgrkit'

function describe(event: Event): string {
  switch (event.type) {
    case 'message':
      return event.message.text ?? `${event.message.attachments?.length ?? 0} attachment(s)`
    case 'reaction':
      return `${event.reaction.action} ${event.reaction.emoji ?? ''}`
    case 'unknown':
      return JSON.stringify(event.unknown.raw)
    default:
      return event.type
  }
}

const delivery = parseWebhook(Buffer.from('{}'))
const lines: string[] = delivery.events.map(describe)
const fields: string[] = validate({}).map((v) => v.field)
const warned: string[] = transcode({ text: 'hi' }, { dialect: 'sinch' }).warnings.map((w) => w.code)

// @ts-expect-error: a body is a Buffer or a string
parseWebhook(42)
// @ts-expect-error: an unknown dialect
transcode({ text: 'hi' }, { dialect: 'telegram' })

async function send(client: Client): Promise<string> {
  try {
    return (await client.send({})).message_id
  } catch (e) {
    return (e as MsgrkitError).code
  }
}

export { lines, fields, warned, send }

// Inbound transcoding: a webhook as Sinch callbacks, and a callback verified.
const emitted: msgrkit.Emitted = msgrkit.emit('sinch', '{"object":"page","entry":[]}', { appId: 'A', projectId: 'P' })
const firstCallback: msgrkit.Callback | undefined = emitted.callbacks[0]
if (firstCallback) msgrkit.verifyCallback('sinch', firstCallback.body_text, Object.entries(firstCallback.headers), 'secret')
const outcome: msgrkit.SendOutcome = { status: 200, body: {}, message_id: 'M', recipient: 'P' }
msgrkit.emitOutcome('smooch', outcome, { appId: 'a', integrationId: 'i' })

// Graph calls are the core's by name: a misspelt call does not type-check.
const graph = new msgrkit.Graph({ token: 'EAAG' })
const profileRequest: msgrkit.GraphRequest = graph.request('user_profile', { psid: '1' })
// @ts-expect-error: `user_profiles` is not a Graph call
graph.request('user_profiles', { psid: '1' })
export { profileRequest }
// Each call's arguments are typed: camelCase, required where the core requires them.
graph.request('me')
graph.request('react', { psid: '1', messageId: 'm_1', emoji: '❤️' })
graph.request('thread_control', { call: 'pass', psid: '1', targetAppId: '263902037430900' })
// @ts-expect-error: user_profile needs a psid
graph.request('user_profile')
// @ts-expect-error: `feilds` is not an argument of user_profile
graph.request('user_profile', { psid: '1', feilds: ['name'] })
// @ts-expect-error: me takes no arguments
graph.request('me', { fields: 'id' })

// An entry made from the table: its input and answer typed from the schema.
const status: msgrkit.EntryTypes.VersionStatus = msgrkit.graphVersionStatus({ version: 'v21.0', asOf: '2026-12-08' })
const state: 'current' | 'ending_soon' | 'ended' | 'unreleased' | 'unknown' = status.state
export { state }
// @ts-expect-error: asOf is required
msgrkit.graphVersionStatus({ version: 'v21.0' })
