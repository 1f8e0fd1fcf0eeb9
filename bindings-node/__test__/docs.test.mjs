// The Node code blocks of the README and of docs/node.md, run as a reader would paste them.
// The README's example stands alone. The page's blocks run in order as one module; the
// names they assume (a signed delivery, a token) come from the preamble below, and
// `from 'msgrkit'` becomes docs-shim.mjs, which points the client at a stand-in.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync, rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

import { sign } from '../index.mjs'
import { standIn } from './standin.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const README = join(HERE, '..', '..', 'README.md')
const PAGE = join(HERE, '..', '..', 'docs', 'node.md')

function jsBlocks(path) {
  return [...readFileSync(path, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1])
}

// Runs `code` as a module beside this file, `from 'msgrkit'` resolved to `target`, and
// returns what it printed.
async function run(code, target) {
  const source = code.replaceAll("from 'msgrkit'", `from '${target}'`)
  // Imports first: the blocks' own import lines must lead the module.
  const lines = source.split('\n')
  const file = join(HERE, `.docs-${process.pid}-${Math.random().toString(16).slice(2)}.mjs`)
  writeFileSync(file, [...lines.filter((l) => l.startsWith('import ')), ...lines.filter((l) => !l.startsWith('import '))].join('\n'))
  const printed = []
  const log = console.log
  console.log = (...args) => printed.push(args.map(String).join(' '))
  try {
    await import(pathToFileURL(file).href)
  } finally {
    console.log = log
    rmSync(file)
  }
  return printed.join('\n')
}

test('the README example runs on its own', async () => {
  const [example] = jsBlocks(README)
  assert.equal(await run(example, '../index.mjs'), 'message hello message:m_1')
})

test('the page has Node blocks', () => {
  assert.ok(jsBlocks(PAGE).length >= 4)
})

test('the page blocks run', async () => {
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
  const graph = await standIn()
  process.env.MSGRKIT_DOCS_GRAPH_URL = graph.url
  let out
  try {
    out = await run([preamble, ...jsBlocks(PAGE)].join('\n'), './docs-shim.mjs')
  } finally {
    await graph.close()
  }
  assert.match(out, /6500000000000001 hello message:m_readme/)
  assert.match(out, /m_standin after 1 attempt\(s\)/)
  assert.match(out, /MESSAGE_TAG HUMAN_AGENT Your ticket is answered/) // prepareSend
  const [sent] = graph.seen.map((s) => JSON.parse(s.body))
  assert.equal(sent.tag, 'HUMAN_AGENT')
  assert.deepEqual(sent.recipient, { id: psid })
})
