// The ESM entry: the exports of the CommonJS entry (index.js, over native.js from napi build).
// __test__/package.test.mjs checks the two lists stay equal.
import { createRequire } from 'node:module'

const native = createRequire(import.meta.url)('./index.js')

export const {
  Client,
  Graph,
  chatLink,
  checkWebhookHead,
  codes,
  compose,
  decidePolicy,
  decidePrivateReply,
  emit,
  emitOutcome,
  eventsCovered,
  eventsOwnEcho,
  graphDiagnose,
  graphParseResponse,
  graphParseUserProfile,
  graphUsage,
  menu,
  normalize,
  parseChatLink,
  parseWebhook,
  prepareSend,
  qrSvg,
  receiveWebhook,
  recordDelivery,
  sign,
  transcode,
  validate,
  verifyCallback,
  verifyHandshake,
  verifySignature,
  verifySignatureAny,
  verifySignatureHeaders,
  version,
} = native
export default native
// The entries made from the table (entries.mjs, generated).
export * from './entries.mjs'
