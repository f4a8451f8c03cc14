/**
 * The entry point, kept to Node's start: the bundle's code (main and everything it loads) is in
 * chunks imported from here, so whether their source maps are read is decided before any of it
 * is compiled. Only with step debug logging on does Node map stack traces to our TypeScript
 * (dist/*.map): on the normal path no map is parsed, and formatting a stack costs what V8's own
 * formatting costs.
 */
// RUNNER_DEBUG is what @actions/core's isDebug() reads; core itself is not loaded yet here.
if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true)

const { run } = await import('./main.js')
await run()
