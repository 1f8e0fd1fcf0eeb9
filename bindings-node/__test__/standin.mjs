// A Graph API stand-in on 127.0.0.1 for the tests: it answers from a script of replies and
// records every request it receives. Never reaches the internet.
import { createServer } from 'node:http'

export const SENT = { recipient_id: '6500000000000001', message_id: 'm_standin' }

/** Starts a stand-in; replies are `{status, body, headers, delay, reflect}` (the last one repeats). */
export async function standIn(...replies) {
  const script = replies.length ? replies : [{}]
  const seen = []
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      seen.push({ method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks) })
      const reply = script.length > 1 ? script.shift() : script[0]
      const { status = 200, headers = {}, delay = 0, reflect = false } = reply
      // reflect: the request's headers answered back, as a misconfigured proxy would
      const body = reflect ? { path: req.url, headers: req.headers } : (reply.body ?? SENT)
      setTimeout(() => {
        if (res.destroyed) return
        const text = typeof body === 'string' ? body : JSON.stringify(body)
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(text)
      }, delay)
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve) }),
  }
}

export function graphError(code, subcode, message = 'stand-in') {
  const error = { message, type: 'OAuthException', code, fbtrace_id: 'AStandIn' }
  if (subcode !== undefined) error.error_subcode = subcode
  return { error }
}
