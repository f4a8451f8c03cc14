/**
 * The entry point, kept to Node's start: the bundle's code (main and everything it loads) is in
 * chunks imported from here, so whether their source maps are read is decided before any of it
 * is compiled. Only with step debug logging on does Node map stack traces to our TypeScript
 * (dist/*.map): on the normal path no map is parsed, and formatting a stack costs what V8's own
 * formatting costs.
 */
import { setFlagsFromString } from 'node:v8'

// RUNNER_DEBUG is what @actions/core's isDebug() reads; core itself is not loaded yet here.
if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true)

// The young generation keeps its first size (2 MiB) instead of doubling up to 64 MiB while
// listings are deserialized and the report is built: most of a big run's allocations are
// short-lived text (messages, the report, the summary), so a small young generation is collected
// cheaply and the peak RSS at 500 vaults stays near 130 MB instead of 165 MB (README,
// Performance). The old generation grows as V8 decides: holding it to 10 % past what survived
// saved about 40 MB at 2,000 vaults but cost a quarter of a second in full collections. The
// runner starts the action as `node dist/index.js`, so V8 flags can only be set from here, and
// this is one that V8 still reads once the heap exists. (V8's Maglev tier stays on: turning it off
// saved about 10 MB at 500 vaults but slowed the rules and the report at 2,000.)
setFlagsFromString('--semi-space-growth-factor=1')

const { run } = await import('./main.js')
await run()
