// The benchmark: the real bundled action (dist/index.js, or KVPLD_DIST) on Node 24 against the
// emulator with ARM's read throttling on (a bucket of 250 per subscription, 25 per second back),
// ARM-like page sizes and a per-request latency, over estates of N healthy vaults (one VNet, one
// shared privatelink zone), discovered over the whole subscription as a nightly drift run does.
//
//   npm run bench                                   # sweep 1, 10, 100, 500 vaults, 25 ms
//   npm run bench -- --vaults 1,10 --latency 50
//   npm run bench -- --crossover                    # bulk vs targeted at small N
//   npm run bench -- --node /path/to/node           # default: npx -y node@24
//
// A benchmark, not a test: it prints numbers and checks them against the README's targets, but CI
// asserts no times. Peak RSS is the child's own (process.resourceUsage().maxRSS at exit, via a
// tiny wrapper that imports the bundle).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator } from '../emulator/server.js'
import scaleEstate, { SCALE_SUBSCRIPTION_ID } from '../emulator/estates/scale.js'
import { runAction } from './run-action.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function args() {
  const out = { vaults: [1, 10, 100, 500], latency: 25, node: '', crossover: false }
  const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--vaults') out.vaults = argv[++i].split(',').map(Number)
    else if (a === '--latency') out.latency = Number(argv[++i])
    else if (a === '--node') out.node = argv[++i]
    else if (a === '--crossover') out.crossover = true
    else throw new Error(`unknown argument ${a}`)
  }
  return out
}

function node24(given) {
  if (given) return given
  const path = execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  }).trim()
  return path.split('\n').pop()
}

const opts = args()
const node = node24(opts.node)
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
const entry = process.env.KVPLD_DIST ?? join(root, 'dist', 'index.js')
const work = mkdtempSync(join(tmpdir(), 'kvpld-bench-'))
const wrapper = join(work, 'measure.mjs')
writeFileSync(
  wrapper,
  [
    "import { writeFileSync } from 'node:fs'",
    "import { pathToFileURL } from 'node:url'",
    // maxRSS is in kilobytes; written at exit, whatever the exit code. timeOrigin: process start.
    "process.on('exit', () => writeFileSync(process.env.KVPLD_BENCH_RSS, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, timeOrigin: performance.timeOrigin })))",
    'await import(pathToFileURL(process.env.KVPLD_BENCH_ENTRY).href)',
    ''
  ].join('\n')
)
// run-action.mjs spawns whatever KVPLD_DIST names: the wrapper, which imports the bundle.
process.env.KVPLD_DIST = wrapper

/** One run of the action over `vaults` vaults. */
async function measure(vaults, { latencyMs, threshold } = {}) {
  const estate = scaleEstate({ vaults })
  const emu = await startEmulator({ estate, latencyMs: latencyMs ?? opts.latency, throttle: true })
  const rssFile = join(work, `rss-${vaults}-${Date.now()}`)
  try {
    const run = await runAction({
      node,
      timeoutMs: 600_000,
      inputs: { 'subscription-id': SCALE_SUBSCRIPTION_ID, probe: 'off' },
      env: {
        ...emu.env(),
        KVPLD_BENCH_ENTRY: entry,
        KVPLD_BENCH_RSS: rssFile,
        ...(threshold !== undefined ? { KVPLD_BULK_THRESHOLD: String(threshold) } : {})
      }
    })
    const armRequests = emu.armRequestCount()
    const throttled = emu.throttle?.events.length ?? 0
    const ok =
      run.report?.vaults?.length === vaults &&
      run.outputs.result === 'pass' &&
      run.report.vaults.every((v) => v.result === 'pass')
    if (!ok) {
      process.stderr.write(run.stdout.slice(-3000) + run.stderr.slice(-3000))
      throw new Error(`the run over ${vaults} vault(s) did not give a passing report`)
    }
    const bulk = /in bulk/.test(run.stdout)
    const child = JSON.parse(readFileSync(rssFile, 'utf8'))
    const rssMb = child.maxRSS / 1024
    // Node's start, the bundle's load and the input parsing: until the first request arrives.
    const first = emu.requests[0]
    const startupMs = first ? Math.round(emu.logEpochMs + first.at - child.timeOrigin) : NaN
    const progressLines = run.stdout.split('\n').filter((l) => l.startsWith('Reading Azure:'))
    // The collector's own time, from its last line ("… with N ARM request(s) in 1.2 s").
    const collectMs = Math.round(
      Number(/ARM request\(s\) in ([\d.]+) s/.exec(run.stdout)?.[1] ?? NaN) * 1000
    )
    return {
      vaults,
      armRequests,
      throttled,
      wallMs: run.wallMs,
      rssMb,
      bulk,
      progressLines,
      startupMs,
      collectMs
    }
  } finally {
    await emu.stop()
  }
}

/**
 * Longest chain of dependent ARM/Entra round trips: sign-in (GitHub ID token, Entra metadata,
 * token), then the vault listing's pages (25 vaults each, one after the other). Targeted: each
 * vault's PE GET, then its NIC / zone groups / VNet. Bulk: the PE/NIC/VNet listings (100 a page)
 * start after the vault listing's first page and run alongside it; a healthy estate needs no zone
 * group afterwards.
 */
function chain(vaults, bulk) {
  const signIn = 3
  const vaultPages = Math.max(1, Math.ceil(vaults / 25))
  if (vaults === 0) return signIn + 1
  if (!bulk) return signIn + vaultPages + 2
  return signIn + Math.max(vaultPages, 1 + Math.ceil(vaults / 100))
}

const fmt = (n, d = 0) => n.toFixed(d)

console.log(`kv-private-link-doctor benchmark: ${entry}`)
console.log(
  `Node ${version}; emulator latency ${opts.latency} ms per request; ARM read bucket 250, +25/s per subscription`
)
const colds = []
for (let i = 0; i < 3; i++) colds.push(await measure(0))
const cold = colds.sort((a, b) => a.wallMs - b.wallMs)[1]
const load = colds.map((c) => c.startupMs).sort((a, b) => a - b)[1]
console.log(
  `cold start (a run with 0 vaults, median of 3): ${cold.wallMs} ms, of which ${load} ms from process start to its first request (Node start, bundle load, inputs); peak RSS ${fmt(cold.rssMb)} MB`
)
console.log('')

if (opts.crossover) {
  console.log(
    '| vaults | targeted: requests | targeted: wall ms | bulk: requests | bulk: wall ms |'
  )
  console.log('|---:|---:|---:|---:|---:|')
  for (const n of [1, 2, 3, 5, 8, 13]) {
    const t = await measure(n, { threshold: 1e9 })
    const b = await measure(n, { threshold: 1 })
    console.log(`| ${n} | ${t.armRequests} | ${t.wallMs} | ${b.armRequests} | ${b.wallMs} |`)
  }
  console.log('')
}

const rows = []
for (const n of opts.vaults) rows.push(await measure(n))
console.log(
  '| vaults | mode | ARM requests | requests / vault | 429s | wall ms | round trips (wall ÷ latency) | chain round trips | wall target (2 × chain × latency + cold start) | of the wall: collect ms | peak RSS MB |'
)
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
let allMet = true
for (const r of rows) {
  const c = chain(r.vaults, r.bulk)
  const target = 2 * c * opts.latency + cold.wallMs
  const perVault = r.armRequests / r.vaults
  allMet &&= r.wallMs <= target && r.rssMb <= 200 && (r.vaults < 500 || perVault <= 0.1)
  console.log(
    `| ${r.vaults} | ${r.bulk ? 'bulk' : 'targeted'} | ${r.armRequests} | ${fmt(perVault, 3)} | ${r.throttled} | ${r.wallMs} | ${fmt(r.wallMs / opts.latency, 1)} | ${c} | ${target} | ${r.collectMs} | ${fmt(r.rssMb)} |`
  )
}
const longest = rows.reduce((a, b) => (b.vaults > a.vaults ? b : a), rows[0])
if (longest?.progressLines.length) {
  console.log('')
  console.log(`Progress lines of the ${longest.vaults}-vault run:`)
  for (const line of longest.progressLines) console.log(`  ${line}`)
}
console.log('')
console.log(
  `Targets: <= 0.1 requests per vault at 500, no 429 left unhandled (every run's report passed), wall within target, start to first request <= 300 ms (${load} ms), peak RSS <= 200 MB: ${allMet && load <= 300 ? 'met' : 'NOT met'}`
)
rmSync(work, { recursive: true, force: true })
