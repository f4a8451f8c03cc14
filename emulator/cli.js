#!/usr/bin/env node
// Starts the emulator for manual use and runs until killed:
//   node emulator/cli.js --estate sample [--page-size N] [--latency MS]
// Prints the env to run the action against it as JSON on one line, e.g.
//   node emulator/cli.js --estate sample > /tmp/emu.json &
//   env $(jq -r 'to_entries[] | "\(.key)=\(.value)"' /tmp/emu.json) node dist/index.js
// --estate is a file name in emulator/estates/ (sample, healthy) or a path to a module whose
// default export returns an estate.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { startEmulator } from './server.js'

const here = dirname(fileURLToPath(import.meta.url))

const { values } = parseArgs({
  options: {
    estate: { type: 'string', default: 'sample' },
    'page-size': { type: 'string' },
    latency: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  }
})

if (values.help) {
  console.log(
    'usage: node emulator/cli.js --estate sample|healthy|<path.js> [--page-size N] [--latency MS]'
  )
  process.exit(0)
}

const builtIn = join(here, 'estates', `${values.estate}.js`)
const modulePath = existsSync(builtIn) ? builtIn : resolve(String(values.estate))
if (!existsSync(modulePath)) {
  console.error(`no estate '${values.estate}' (looked for ${builtIn} and ${modulePath})`)
  process.exit(2)
}
const makeEstate = (await import(pathToFileURL(modulePath).href)).default
const emu = await startEmulator({
  estate: typeof makeEstate === 'function' ? makeEstate() : makeEstate,
  ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
  ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
  idleTimeoutMs: 0,
  maxLifetimeMs: 0
})
emu.server.ref() // the emulator unrefs itself; here it is the whole point of the process
console.log(JSON.stringify(emu.env()))

const shutdown = () => void emu.stop().then(() => process.exit(0))
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
