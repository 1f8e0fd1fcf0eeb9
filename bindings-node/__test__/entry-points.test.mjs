// The Node surface against the core's one table of entry points (schema/functions.json,
// generated from `api::ENTRY_POINTS`): every entry is exposed in camelCase (a function of
// the package, or a method of the class it names), and every function the package exports
// is an entry.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

import * as msgrkit from '../index.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const { functions: FUNCTIONS } = JSON.parse(readFileSync(join(HERE, '..', '..', 'schema', 'functions.json'), 'utf8'))
// Functions of the Node surface that are the host's own, not the core's.
const NODE_ONLY = { version: "the package's version (package.json), not a core entry point" }

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase())
const isClass = (value) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))
const methodName = ({ name, method_of: owner }) => {
  const prefix = `${owner.toLowerCase()}_`
  return camel(name.startsWith(prefix) ? name.slice(prefix.length) : name)
}

function exposed(entry) {
  if (entry.method_of) {
    const owner = msgrkit[entry.method_of]
    return typeof owner === 'function' && typeof owner.prototype[methodName(entry)] === 'function'
  }
  return typeof msgrkit[camel(entry.name)] === 'function'
}

test('every entry point is exposed in Node', () => {
  assert.deepEqual(FUNCTIONS.filter((entry) => !exposed(entry)).map((entry) => entry.name), [], 'not exposed in Node')
})

test('every function the package exports is an entry point', () => {
  const names = new Set(FUNCTIONS.filter((entry) => !entry.method_of).map((entry) => camel(entry.name)))
  const extra = Object.entries(msgrkit)
    .filter(([name, value]) => name !== 'default' && typeof value === 'function' && !isClass(value))
    .filter(([name]) => !names.has(name) && !(name in NODE_ONLY) && !['Client', 'Graph'].includes(name))
    .map(([name]) => name)
  assert.deepEqual(extra, [], 'exported by Node but not in the table (api::ENTRY_POINTS)')
})
