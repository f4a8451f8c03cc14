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

// The young generation keeps its first size (2 MiB) instead of doubling up to 64 MiB while the
// SDKs deserialize listings and the report is built: peak RSS at 500 vaults drops by about
// 50 MB (README, Performance) at no measurable cost below 1,000 vaults. The runner starts the
// action as `node dist/index.js`, so V8 flags can only be set from here; growth is the one
// young-generation setting V8 still honours once the heap exists.
setFlagsFromString('--semi-space-growth-factor=1')

const { run } = await import('./main.js')
await run()
