// The package itself: one version with the workspace, the same exports from require and
// import, and a declaration for each of them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

import * as esm from '../index.mjs'

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..')
const cjs = createRequire(import.meta.url)('../index.js')
const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'))

test('package.json, the addon and the workspace have one version', () => {
  const cargo = readFileSync(join(PACKAGE, '..', 'Cargo.toml'), 'utf8')
  const workspace = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1]
  assert.equal(pkg.version, workspace)
  assert.equal(cjs.version(), workspace)
})

test('require and import give the same exports', () => {
  const names = (m) => Object.keys(m).filter((n) => n !== 'default' && n !== '__napiBindingTarget').sort()
  assert.deepEqual(names(esm), names(cjs))
  assert.equal(esm.default, cjs)
})

test('index.d.ts declares every export and ships in the package', () => {
  // index.d.ts re-exports entries.d.ts, the declarations of the entries made from the table.
  const dts = ['index.d.ts', 'entries.d.ts'].map((file) => readFileSync(join(PACKAGE, file), 'utf8')).join('\n')
  for (const name of Object.keys(cjs)) {
    assert.match(dts, new RegExp(`export declare (function|class|const) ${name}\\b`), name)
  }
  assert.match(dts, /export \* from '\.\/entries\.js'/)
  assert.ok(['index.d.ts', 'entries.js', 'entries.mjs', 'entries.d.ts'].every((file) => pkg.files.includes(file)))
  assert.ok(pkg.types === 'index.d.ts')
})
