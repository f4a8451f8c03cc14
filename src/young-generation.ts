/**
 * How big V8's young generation may get. The runner starts the action as `node dist/index.js`,
 * so V8 flags can only be set from the code, and the semi-spaces' maximum is not one of those V8
 * still reads once the heap exists; their growth factor is. So the young generation grows as V8
 * decides (doubling when much survives a minor collection) until it reaches `CAP_BYTES`, and is
 * then held there: set to 1, the growth factor stops further doubling.
 *
 * Measured at 2,000 vaults, 30 % broken (README, Performance): kept at its first size (2 MiB),
 * about 340 minor collections took 0.3 s; at 16 MiB, 48 took 0.17 s, at the same peak RSS; left
 * to grow (to 128 MiB there), 20 took 0.1 s, but peak RSS rose by 80 MB, and at 500 vaults it went
 * past the 150 MB target (16 MiB: 137 MB).
 */
import { PerformanceObserver } from 'node:perf_hooks'
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8'

/** The young generation's size (both semi-spaces) at which it stops growing. */
export const CAP_BYTES = 16 * 2 ** 20

const youngGenerationBytes = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0

/**
 * Lets the young generation grow until it holds `cap` bytes, then holds it there. It is looked at
 * after each collection: that is when V8 resizes it. The look comes a turn of the event loop
 * later, so a long stretch of work without one may take it a doubling or two past `cap`.
 */
export function capYoungGeneration(cap = CAP_BYTES): void {
  const hold = (): boolean => {
    if (youngGenerationBytes() < cap) return false
    setFlagsFromString('--semi-space-growth-factor=1')
    return true
  }
  setFlagsFromString('--semi-space-growth-factor=2')
  if (hold()) return
  const afterCollections = new PerformanceObserver(() => {
    if (hold()) afterCollections.disconnect()
  })
  afterCollections.observe({ entryTypes: ['gc'] })
}
