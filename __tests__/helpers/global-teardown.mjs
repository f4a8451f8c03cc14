// Removes the test run's temporary folder (global-setup.mjs).
import { rmSync } from 'node:fs'

export default function globalTeardown() {
  const root = process.env.KVPLD_TEST_TMPDIR
  if (root) rmSync(root, { recursive: true, force: true })
}
