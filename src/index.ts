/**
 * The entry point, kept to Node's start: the bundle's code (main and everything it loads) is in
 * chunks imported from here, so whether their source maps are read is decided before any of it
 * is compiled. Only with step debug logging on does Node map stack traces to our TypeScript
 * (dist/*.map): on the normal path no map is parsed, and formatting a stack costs what V8's own
 * formatting costs.
 */
import { capYoungGeneration } from './young-generation.js'

// RUNNER_DEBUG is what @actions/core's isDebug() reads; core itself is not loaded yet here.
if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true)

// The young generation grows to 16 MiB, no further (young-generation.ts). The old generation grows
// as V8 decides: holding it to 10 % past what survived saved about 40 MB at 2,000 vaults but cost
// a quarter of a second in full collections. (V8's Maglev tier stays on: turning it off saved
// about 10 MB at 500 vaults but slowed the rules and the report at 2,000.)
capYoungGeneration()

const { run } = await import('./main.js')
await run()
