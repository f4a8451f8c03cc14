// Jest's global setup: one temporary folder for the whole test run. Set as TMPDIR, which the
// workers inherit and os.tmpdir() reads, it holds what tests and the action runs they start
// write (a run at 2,000 vaults leaves a 26 MB report); global-teardown.mjs removes it, so a test
// run leaves nothing behind in the machine's temporary folder.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function globalSetup() {
  const root = mkdtempSync(join(tmpdir(), 'kvpld-test-'))
  process.env.KVPLD_TEST_TMPDIR = root
  process.env.TMPDIR = root
}
