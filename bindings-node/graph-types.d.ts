/** The Graph API's side of the typings: calls and their arguments, requests as data,
 * answers, usage, diagnose, and the Graph and client configurations. Re-exported by
 * index.d.ts (its head is types.d.ts). */
import type { Platform } from './index.js'

/**
 * Every Graph call with its arguments (the core's `GraphCall`, checked against
 * schema/inputs.schema.json): top-level keys in either casing (camelCase here); what
 * goes to Meta inside them (a Send API request, a profile, batch items) as Meta spells it.
 */
export interface GraphCallArgs {
  send: { request: object | string }
  sender_action: { psid: string; action: 'typing_on' | 'typing_off' | 'mark_seen' | 'react' | 'unreact' | (string & {}) }
  react: { psid: string; messageId: string; emoji?: string | null }
  upload_url: { type: string; url: string; platform?: Platform | null }
  upload_bytes: { type: string; filename: string; mime: string; data: string; platform?: Platform | null }
  profile_get: { fields?: string[]; platform?: Platform | null }
  profile_set: { profile: Record<string, unknown>; platform?: Platform | null }
  profile_delete: { fields?: string[]; platform?: Platform | null }
  user_menu_set: { psid: string; menu: Array<Record<string, unknown>> }
  user_menu_get: { psid: string }
  user_menu_delete: { psid: string }
  thread_control: { call: 'pass' | 'take' | 'request' | 'release'; psid: string; targetAppId?: string | null; metadata?: string | null }
  thread_owner: { psid: string }
  secondary_receivers: Record<string, never>
  user_profile: { psid: string; fields?: string[] | null }
  persona_create: { name: string; profilePictureUrl: string }
  personas: Record<string, never>
  persona_delete: { personaId: string }
  accounts: Record<string, never>
  subscribed_apps: Record<string, never>
  subscribe: { fields?: string[] | null }
  permissions: Record<string, never>
  me: Record<string, never>
  debug_token: { inputToken: string }
  batch: { items: Array<{ method: 'GET' | 'POST' | 'DELETE'; relative_url: string; body?: unknown }> }
}
/** A Graph call `Graph.request` and `Client.call` know. */
export type GraphCallName = keyof GraphCallArgs
/** The arguments of `call`, which may be left out when it needs none. */
export type GraphCallParameters<C extends GraphCallName> =
  {} extends GraphCallArgs[C] ? [args?: GraphCallArgs[C]] : [args: GraphCallArgs[C]]

/** A request as data, for `fetch` or any HTTP client. */
export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE'
  url: string
  headers: Array<[string, string]>
  /** A JSON body as JSON, any other body as text; null for none. */
  body: unknown
}

/** Percentages of a usage header. */
export interface UsageCounters {
  call_count: number
  total_cputime: number
  total_time: number
}

/** One business use case of `X-Business-Use-Case-Usage`. */
export interface BusinessUsage {
  id: string
  type: string
  usage: UsageCounters
  /** Minutes until access is regained, when throttled. */
  estimated_time_to_regain_access?: number
}

export interface Usage {
  app?: UsageCounters
  page?: UsageCounters
  business?: BusinessUsage[]
  /** The highest percentage of any counter; null when no header was sent. */
  highest: number | null
  regain_after_seconds: number | null
}

export interface DiagnoseAnswer {
  status: number
  body: string
  headers?: Array<[string, string]>
}

export interface DiagnoseAnswers {
  debug_token: DiagnoseAnswer
  subscribed_apps: DiagnoseAnswer
  profile: DiagnoseAnswer
  /** The Graph version the connection is configured with, to judge it too. */
  version?: string | null
  /** The day to judge that version on (a date, or an instant meaning its UTC date). */
  as_of?: string | null
  /** The configuration's login: Instagram Login has other permissions and fields. */
  login?: 'facebook' | 'instagram' | null
}

export interface Finding {
  code: string
  severity: 'ok' | 'warning' | 'error'
  detail: string
  fix?: string
}

export interface SendResult {
  recipient_id: string
  message_id: string
  attachment_id?: string
  attempts: number
}

export interface CallResult {
  body: unknown
  attempts: number
  usage: Usage
}

/**
 * Where and as whom Graph requests go: the core's Graph configuration, in either casing.
 * A key the core does not know throws `invalid_input` at that key.
 */
export interface GraphConfig {
  /** The Page access token (sent only in the `Authorization` header). */
  token?: string
  /** The app secret, for `appsecret_proof`. */
  appSecret?: string
  /** The Graph API version, such as `v27.0` (the core's newest when absent). */
  version?: string
  /** The Graph base URL (a stand-in's, in tests). */
  baseUrl?: string
  /** The Page ID (`me` when absent); with Instagram Login, the Instagram account's ID. */
  pageId?: string
  /**
   * `facebook` (the default: a Page token on graph.facebook.com) or `instagram`
   * (Instagram Login: an Instagram user token on graph.instagram.com).
   */
  login?: 'facebook' | 'instagram'
}

/** The client's configuration: the Graph configuration plus the retry policy (the core's defaults for what is absent). */
export interface ClientConfig extends GraphConfig {
  /** At most this many requests per call, retries included. */
  maxAttempts?: number
  /** The total time a call may take, waits included. */
  budgetMs?: number
  /** The time one attempt may take. */
  timeoutMs?: number
  /** Resend a POST whose outcome is unknown (a timeout): may deliver twice. */
  retryUnknownOutcome?: boolean
}
