// Client.send and Client.call over the core's send engine with fetch and timers: sends
// waiting out 613s leave libuv's thread pool free, one recipient's sends keep their order,
// and a dead token fails the waiting sends once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { Client } from '../index.mjs'
import { standIn, graphError, SENT } from './standin.mjs'

const TOKEN = 'EAAG-driver-test-token'
const send = (psid, text = 'Hi') => ({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text } })

test('sends waiting out 613s leave the thread pool free', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'msgrkit-')), 'small.txt')
  await writeFile(file, 'hello')
  const limited = { status: 400, body: graphError(613), headers: { 'retry-after': '1' } }
  const graph = await standIn(...Array(8).fill(limited), {})
  try {
    const client = new Client({ token: TOKEN, baseUrl: graph.url })
    const started = Date.now()
    const sends = Array.from({ length: 8 }, (_, n) => client.send(send(`65000000000000${String(n).padStart(2, '0')}`)))
    await new Promise((resolve) => setTimeout(resolve, 200)) // every send has had its 613
    const reading = Date.now()
    assert.equal(await readFile(file, 'utf8'), 'hello')
    const readTook = Date.now() - reading
    const results = await Promise.all(sends)
    assert.ok(readTook < 100, `a small readFile took ${readTook} ms while eight sends backed off`)
    assert.ok(Date.now() - started >= 1000, "the sends waited out Meta's Retry-After")
    assert.deepEqual(results.map((r) => r.attempts), Array(8).fill(2))
    assert.ok(results.every((r) => r.message_id === SENT.message_id))
    assert.equal(graph.seen.length, 16)
  } finally {
    await graph.close()
  }
})

test("one recipient's sends go one at a time, in order", async () => {
  const graph = await standIn({ delay: 100 }, {})
  try {
    const client = new Client({ token: TOKEN, baseUrl: graph.url })
    const texts = ['first', 'second', 'third']
    await Promise.all(texts.map((text) => client.send(send('6500000000000001', text))))
    assert.deepEqual(graph.seen.map((s) => JSON.parse(s.body).message.text), texts)
  } finally {
    await graph.close()
  }
})

test('a dead token fails the waiting sends with one request', async () => {
  const graph = await standIn({ status: 400, body: graphError(190, 460), delay: 50 })
  try {
    const client = new Client({ token: TOKEN, baseUrl: graph.url })
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => client.send(send('6500000000000001', `m${n}`))))
    assert.deepEqual(outcomes.map((o) => o.reason?.code), ['graph_auth', 'graph_auth', 'graph_auth'])
    assert.deepEqual(outcomes.map((o) => o.reason?.graph?.attempts ?? o.reason?.attempts), [1, 0, 0])
    assert.equal(graph.seen.length, 1)
    assert.deepEqual(client.events.map((e) => e.type), ['stopped'])
  } finally {
    await graph.close()
  }
})
