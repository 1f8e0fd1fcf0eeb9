// Example servers started as their own processes on 127.0.0.1, for the tests.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createServer, connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

export async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Polls `check` until it gives something truthy (10 s at most); `what` names it on timeout. */
export async function waitFor(check, what) {
  for (let i = 0; i < 200; i++) {
    const found = await check().catch(() => null)
    if (found) return found
    await sleep(50)
  }
  throw new Error(`timed out waiting for ${what}`)
}

const listening = (port) => new Promise((resolve) => {
  const socket = connect(port, '127.0.0.1', () => { socket.end(); resolve(true) })
  socket.on('error', () => resolve(false))
})

/** Runs `script` with `env` added until it listens on `port`; returns the child process. */
export async function serve(script, port, env) {
  const server = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (d) => { stderr += d })
  for (let i = 0; i < 200 && !(await listening(port)); i++) {
    assert.equal(server.exitCode, null, stderr)
    await sleep(50)
  }
  return server
}
