// The CommonJS entry. native.js (written by `napi build`) loads the platform package's
// .node file; when none loads, this says which package is missing, instead of napi's
// generic message (the attempts stay in `cause`).
'use strict'

function missingPackages(error) {
  const names = new Set()
  const pending = [error]
  while (pending.length > 0) {
    const e = pending.pop()
    if (!e || typeof e !== 'object') continue
    const found = /Cannot find module '(msgrkit-[a-z0-9-]+)'/.exec(String(e.message))
    if (found && !found[1].includes('wasi')) names.add(found[1])
    if (Array.isArray(e.errors)) pending.push(...e.errors)
    pending.push(e.cause)
  }
  return [...names]
}

let native
try {
  native = require('./native.js')
} catch (error) {
  const names = missingPackages(error)
  const what = names.length > 0 ? `the package ${names.join(' or ')}` : 'a platform package'
  throw new Error(
    `msgrkit: no native binding for ${process.platform}-${process.arch}: install ${what} ` +
      '(npm installs it with msgrkit as an optional dependency, unless optional dependencies ' +
      'are omitted); prebuilt packages exist for x86_64 Linux with glibc',
    { cause: error },
  )
}

// The native functions, and the entries made from the table (entries.js, generated) over
// the one native call they share, which stays off the exports.
const { callEntry, ...surface } = native
const entries = require('./entries.js')(callEntry)
// Client.send and Client.call run the core's send engine over fetch and timers (driver.js).
require('./driver.js').drivenClient(surface.Client, entries.sendEngineStep, entries.clientFinish)
module.exports = { ...surface, ...entries }

// util.inspect (console.log) shows what toString shows: the configuration, secrets redacted.
for (const name of ['Graph', 'Client']) {
  Object.defineProperty(module.exports[name].prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value() {
      return this.toString()
    },
  })
}
