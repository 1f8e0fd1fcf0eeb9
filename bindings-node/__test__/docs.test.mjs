// The README's Node snippets, run in order as one module, as a reader would paste them.
// The names they assume (a signed delivery, a token) come from the preamble below, and
// `from 'msgrkit'` becomes readme-shim.mjs, which points the client at a stand-in.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync, rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

import { sign } from '../index.mjs'
import { standIn } from './standin.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const README = join(HERE, '..', '..', 'README.md')

function snippets() {
  const section = readFileSync(README, 'utf8').split('\n## Node\n')[1].split('\n## ')[0]
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1])
}

test('the README has Node snippets', () => {
  assert.ok(snippets().length >= 4)
})

test('the README snippets run', async () => {
  const secret = 'readme-app-secret'
  const psid = '6500000000000001'
  const body = JSON.stringify({ object: 'page', entry: [{ id: '106000000000001', time: 1, messaging: [
    { sender: { id: psid }, recipient: { id: '106000000000001' }, timestamp: 1, message: { mid: 'm_readme', text: 'hello' } }] }] })
  const preamble = [
    `const APP_SECRET = ${JSON.stringify(secret)}`,
    `const PAGE_TOKEN = 'EAAG-readme'`,
    `const PSID = ${JSON.stringify(psid)}`,
    `const rawBody = Buffer.from(${JSON.stringify(body)})`,
    `const headers = { 'content-type': 'application/json', 'x-hub-signature-256': ${JSON.stringify(sign(secret, body))} }`,
  ].join('\n')
  const code = snippets().join('\n').replaceAll("from 'msgrkit'", "from './readme-shim.mjs'")
  // Imports first: the snippets' own import line must lead the module.
  const imports = code.split('\n').filter((l) => l.startsWith('import '))
  const rest = code.split('\n').filter((l) => !l.startsWith('import '))
  const file = join(HERE, `.readme-${process.pid}.mjs`)
  writeFileSync(file, [...imports, preamble, ...rest].join('\n'))

  const graph = await standIn()
  const printed = []
  const log = console.log
  process.env.MSGRKIT_README_GRAPH_URL = graph.url
  console.log = (...args) => printed.push(args.map(String).join(' '))
  try {
    await import(pathToFileURL(file).href)
  } finally {
    console.log = log
    rmSync(file)
    await graph.close()
  }
  const out = printed.join('\n')
  assert.match(out, /6500000000000001 hello message:m_readme/)
  assert.match(out, /m_standin after 1 attempt\(s\)/)
  const [sent] = graph.seen.map((s) => JSON.parse(s.body))
  assert.equal(sent.tag, 'HUMAN_AGENT')
  assert.deepEqual(sent.recipient, { id: psid })
})
