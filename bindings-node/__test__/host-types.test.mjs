// The hand-written declarations (types.d.ts, the head of index.d.ts) against the committed
// JSON Schema of the core's outputs (schema/outputs.schema.json), read with the TypeScript
// compiler: every key, whether it is always present, and the JSON kinds of every value,
// recursively. A declaration may be coarser than the schema (`Record<string, unknown>`,
// `unknown`) but never claim a key, a kind, a literal or a presence the core does not write.
// The option objects a host passes are checked against schema/inputs.schema.json (at the end).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import ts from 'typescript'

const HERE = dirname(fileURLToPath(import.meta.url))
const schemaFile = (name) => JSON.parse(readFileSync(join(HERE, '..', '..', 'schema', `${name}.schema.json`), 'utf8'))
const SCHEMA = schemaFile('outputs')

// Every output declaration, by the schema root it describes; nested ones are reached
// through their fields.
const DECLARATIONS = {
  Notification: 'Notification',
  Event: 'Event',
  EventError: 'EventError',
  EntryWarning: 'EntryWarning',
  Received: 'Received',
  Verified: 'Verified',
  HandshakeAnswer: 'HandshakeAnswer',
  Violation: 'Violation',
  Decision: 'Decision',
  Refusal: 'Refusal',
  Warning: 'TranscodeWarning',
  Transcoded: 'Transcoded',
  Composed: 'Composed',
  MenuComposed: 'MenuComposed',
  PreparedSend: 'PreparedSend',
  GraphRequest: 'GraphRequest',
  Usage: 'UsageReport',
  Finding: 'Finding',
  ChatLinkParts: 'ChatLinkParts',
  Emitted: 'Emitted',
  Callback: 'Callback',
  EmitWarning: 'EmitWarning',
}

const program = ts.createProgram([join(HERE, '..', 'index.d.ts')], { strict: true, noEmit: true })
const checker = program.getTypeChecker()
const exported = new Map()
for (const file of program.getSourceFiles()) {
  if (!file.fileName.endsWith('bindings-node/index.d.ts')) continue
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(file))) {
    exported.set(symbol.name, checker.getDeclaredTypeOfSymbol(symbol))
  }
}

function resolve(schema) {
  while (schema && typeof schema === 'object' && '$ref' in schema) {
    const [, table, name] = schema.$ref.split('/').slice(-3)
    schema = (table === 'roots' ? SCHEMA.roots : SCHEMA.$defs)[name]
  }
  return schema
}

function branches(schema) {
  schema = resolve(schema)
  for (const key of ['oneOf', 'anyOf']) {
    if (schema && typeof schema === 'object' && key in schema) return schema[key].flatMap(branches)
  }
  return [schema]
}

const jsonKind = (v) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v

/** The kinds a schema allows (`integer` is a `number` here); null when it does not say. */
function schemaKinds(schema) {
  const out = new Set()
  for (const b of branches(schema)) {
    if (b === true || !b || typeof b !== 'object') return null
    if ('const' in b) out.add(jsonKind(b.const))
    else if ('enum' in b) b.enum.forEach((v) => out.add(jsonKind(v)))
    else if ('type' in b) [b.type].flat().forEach((t) => out.add(t === 'integer' ? 'number' : t))
    else return null
  }
  return out
}

function schemaConstants(schema) {
  const out = new Set()
  for (const b of branches(schema)) {
    if (b && typeof b === 'object' && 'const' in b) out.add(b.const)
    else if (b && typeof b === 'object' && 'enum' in b) b.enum.forEach((v) => out.add(v))
    else if (b && typeof b === 'object' && b.type === 'null') out.add(null)
    else return null
  }
  return out
}

const members = (type) => (type.isUnion() ? type.types : [type])

/** The kinds a declared type allows (undefined is left to optionality); null for unknown. */
function declaredKinds(type) {
  const out = new Set()
  for (const t of members(type)) {
    const f = t.flags
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return null
    if (f & ts.TypeFlags.Undefined) continue
    if (f & ts.TypeFlags.Null) out.add('null')
    else if (f & ts.TypeFlags.StringLike) out.add('string')
    else if (f & ts.TypeFlags.NumberLike) out.add('number')
    else if (f & ts.TypeFlags.BooleanLike) out.add('boolean')
    else if (checker.isArrayType(t) || checker.isTupleType(t)) out.add('array')
    else if (f & ts.TypeFlags.Object) out.add('object')
    else throw new Error(`no JSON kind for ${checker.typeToString(t)}`)
  }
  return out
}

function declaredLiterals(type) {
  const out = new Set()
  for (const t of members(type)) {
    if (t.flags & ts.TypeFlags.Undefined) continue
    if (t.flags & ts.TypeFlags.Null) out.add(null)
    else if (t.isLiteral()) out.add(t.value)
    else if (t.flags & ts.TypeFlags.BooleanLiteral) out.add(checker.typeToString(t) === 'true')
    else return null
  }
  return out
}

function drift(type, root) {
  const problems = []
  const seen = new Set()
  const setEq = (a, b) => a.size === b.size && [...a].every((x) => b.has(x))

  function compare(type, schema, path) {
    schema = resolve(schema)
    const mark = `${type.id}|${JSON.stringify(schema)}`
    if (seen.has(mark)) return
    seen.add(mark)
    const ours = declaredKinds(type)
    const theirs = schemaKinds(schema)
    if (!ours || !theirs) return
    if (!setEq(ours, theirs)) {
      problems.push(`${path}: declared ${[...ours].sort()}, the core writes ${[...theirs].sort()}`)
      return
    }
    const literals = declaredLiterals(type)
    const constants = schemaConstants(schema)
    if (literals && constants) {
      const missing = [...constants].filter((c) => !literals.has(c))
      if (missing.length) problems.push(`${path}: the core writes ${JSON.stringify(missing)}, the declaration lacks them`)
    }
    const values = members(type).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
    const alternatives = branches(schema).filter((b) => !(b && b.type === 'null'))
    if (values.length === 1 && alternatives.length === 1) compareOne(values[0], alternatives[0], path)
    else if (values.length > 1 && values.every((t) => t.flags & ts.TypeFlags.Object)) {
      compareVariants(values, alternatives, path)
    }
  }

  function compareOne(type, schema, path) {
    if (checker.isArrayType(type) && schema.items) {
      compare(checker.getTypeArguments(type)[0], schema.items, `${path}[]`)
    } else if (type.flags & ts.TypeFlags.Object && !checker.isTupleType(type)) {
      compareObject(type, schema, path)
    }
  }

  function compareObject(type, schema, path) {
    const properties = schema.properties ?? {}
    const declared = checker.getPropertiesOfType(type)
    if (!Object.keys(properties).length || !declared.length) return
    const required = new Set(schema.required ?? [])
    const open = schema.additionalProperties !== false
    const names = new Set(declared.map((p) => p.name))
    for (const p of declared) {
      const where = `${path}.${p.name}`
      if (!(p.name in properties)) {
        if (!open) problems.push(`${where}: declared, but the core never writes it`)
        continue
      }
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0
      if (required.has(p.name) && optional) problems.push(`${where}: always written, but optional here`)
      if (!required.has(p.name) && !optional) problems.push(`${where}: left out when absent, but required here`)
      compare(checker.getTypeOfSymbol(p), properties[p.name], where)
    }
    for (const name of Object.keys(properties)) {
      if (!names.has(name)) problems.push(`${path}.${name}: the core writes it, the declaration lacks it`)
    }
  }

  function compareVariants(values, alternatives, path) {
    const tagOf = (t) => {
      const p = checker.getPropertyOfType(t, 'type')
      const literal = p && checker.getTypeOfSymbol(p)
      return literal && literal.isStringLiteral() ? literal.value : undefined
    }
    const declared = new Map(values.map((t) => [tagOf(t), t]))
    const written = new Map(alternatives.map((b) => [b.properties?.type?.const, b]))
    for (const [tag, b] of written) {
      if (!declared.has(tag)) problems.push(`${path}: the core writes a variant ${tag} the declaration lacks`)
      else compareObject(declared.get(tag), b, `${path}<${tag}>`)
    }
    for (const tag of declared.keys()) {
      if (!written.has(tag)) problems.push(`${path}: a declared variant ${tag} the core never writes`)
    }
  }

  compare(type, SCHEMA.roots[root], root)
  return problems
}

for (const [name, root] of Object.entries(DECLARATIONS)) {
  test(`${name} matches the schema's ${root}`, () => {
    assert.ok(exported.has(name), `index.d.ts exports no ${name}`)
    assert.deepEqual(drift(exported.get(name), root), [])
  })
}

// Inputs: the declared option objects against schema/inputs.schema.json. Keys may be
// given in either casing (the core reads camelCase as snake_case), so a declared key is
// compared by its snake_case name: every one must be a field the core reads, optional
// exactly where the core has a default, and every field the core reads must be declared.
const INPUTS = schemaFile('inputs')
const INPUT_DECLARATIONS = {
  PolicyInput: 'PolicyInput',
  SendInput: 'SendInput',
  DiagnoseAnswers: 'DiagnoseInput',
  DiagnoseAnswer: 'DiagnoseAnswer',
  GraphConfig: 'GraphConfig',
  ClientConfig: 'ClientConfig',
}
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

function inputDrift(type, root, propertiesOf = (t) => checker.getPropertiesOfType(t)) {
  // A root, or a definition reached through one.
  const schema = INPUTS.$defs[INPUTS.roots[root]?.$ref.split('/').pop() ?? root]
  return objectDrift(type, schema, root, propertiesOf)
}

function objectDrift(type, schema, path, propertiesOf = (t) => checker.getPropertiesOfType(t)) {
  const problems = []
  if (schema.additionalProperties !== false) problems.push(`${path}: the core does not refuse unknown keys`)
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const declared = new Set()
  for (const p of propertiesOf(type)) {
    const name = snake(p.name)
    declared.add(name)
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0
    if (!(name in properties)) problems.push(`${path}.${p.name}: declared, but the core refuses it`)
    else if (required.has(name) && optional) problems.push(`${path}.${p.name}: the core requires it, optional here`)
    else if (!required.has(name) && !optional) problems.push(`${path}.${p.name}: the core has a default, required here`)
  }
  for (const name of Object.keys(properties)) {
    if (!declared.has(name)) problems.push(`${path}.${name}: the core reads it, the declaration lacks it`)
  }
  return problems
}

for (const [name, root] of Object.entries(INPUT_DECLARATIONS)) {
  test(`${name} matches the inputs schema's ${root}`, () => {
    assert.ok(exported.has(name), `index.d.ts exports no ${name}`)
    assert.deepEqual(inputDrift(exported.get(name), root), [])
  })
}

test('a declared input with a misspelt key would be caught', () => {
  // The check itself: a stand-in declaration with one wrong and one missing key.
  const file = ts.createSourceFile('probe.ts', 'export interface Probe { lastUserActivty: number; now: number }', ts.ScriptTarget.ES2020, true)
  const host = ts.createCompilerHost({})
  const read = host.getSourceFile
  host.getSourceFile = (name, ...rest) => (name === 'probe.ts' ? file : read.call(host, name, ...rest))
  const probe = ts.createProgram(['probe.ts'], { noEmit: true }, host)
  const probeChecker = probe.getTypeChecker()
  const symbol = probeChecker.getExportsOfModule(probeChecker.getSymbolAtLocation(probe.getSourceFile('probe.ts')))[0]
  const problems = inputDrift(probeChecker.getDeclaredTypeOfSymbol(symbol), 'PolicyInput', (t) => probeChecker.getPropertiesOfType(t))
  assert.ok(problems.some((p) => p.includes('lastUserActivty: declared, but the core refuses it')), problems.join('\n'))
  assert.ok(problems.some((p) => p.includes('last_user_activity: the core reads it')), problems.join('\n'))
})

test('GraphCallArgs has every call of the core, with the arguments it reads', () => {
  const calls = Object.fromEntries(INPUTS.$defs.GraphCall.oneOf.map((b) => [b.required[0], b.properties[b.required[0]]]))
  const declared = exported.get('GraphCallArgs')
  const names = checker.getPropertiesOfType(declared).map((p) => p.name)
  assert.deepEqual([...names].sort(), Object.keys(calls).sort())
  const problems = []
  for (const p of checker.getPropertiesOfType(declared)) {
    const args = checker.getTypeOfSymbol(p)
    // A call without arguments is declared Record<string, never>: it has no properties.
    problems.push(...objectDrift(args, calls[p.name], `GraphCallArgs.${p.name}`))
  }
  assert.deepEqual(problems, [])
})
