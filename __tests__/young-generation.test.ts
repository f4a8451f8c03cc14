// The young generation grows to its cap and no further. Run in a fresh Node each (type stripping
// runs the module as it is): this process's heap has a history of its own.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CAP_BYTES } from '../src/young-generation.js'

const MODULE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'young-generation.ts')
const MiB = 2 ** 20

/**
 * The young generation's median size over `rounds` rounds of churn (what a run does:
 * mostly short-lived objects, some kept), each round of about 0.4 MB ending with a turn of the
 * event loop, as a run's work comes between its reads.
 */
function medianSize(setUp: string, rounds = 600): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8'
    const m = await import(${JSON.stringify(MODULE)})
    ${setUp}
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size
    const kept = []
    const sizes = []
    for (let round = 0; round < ${rounds}; round++) {
      for (let i = 0; i < 2048; i++) {
        const piece = { text: ('finding ' + i).repeat(20), i }
        if (i % 4 === 0) kept.push(piece)
      }
      await new Promise((resolve) => setImmediate(resolve))
      sizes.push(young())
    }
    sizes.sort((a, b) => a - b)
    console.log(sizes[Math.floor(sizes.length / 2)])`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8'
  })
  expect(child.stderr.replace(/.*(ExperimentalWarning|--trace-warnings).*\n?/g, '')).toBe('')
  return Number(child.stdout)
}

describe('the young generation', () => {
  test('grows to 16 MiB and is held there', () => {
    expect(CAP_BYTES).toBe(16 * MiB)
    // The median: while a full collection runs, V8 may lend it more for a moment.
    expect(medianSize('m.capYoungGeneration()')).toBe(CAP_BYTES)
  })

  test('another cap holds as well; left alone, V8 grows it past the cap', () => {
    expect(medianSize('m.capYoungGeneration(4 * 2 ** 20)')).toBe(4 * MiB)
    expect(medianSize('')).toBeGreaterThanOrEqual(4 * CAP_BYTES)
  })
})
