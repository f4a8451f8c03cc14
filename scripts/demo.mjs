// `npm run demo`: runs the real dist/index.js against the local Azure emulator with a built-in
// sample estate (one healthy vault, several broken ones, a managed HSM) and shows the job summary
// rendered for the terminal (summary-to-terminal.mjs); the Markdown file's path is printed last.
import { startEmulator } from '../emulator/server.js'
import sampleEstate from '../emulator/estates/sample.js'
import { runAction } from './run-action.mjs'
import { summaryToTerminal } from './summary-to-terminal.mjs'

const emu = await startEmulator({ estate: sampleEstate() })
try {
  console.log(`Azure emulator listening on ${emu.url} (sample estate)\n`)
  const run = await runAction({
    env: emu.env(),
    inputs: { probe: 'off', 'fail-on': 'error' }
  })
  if (!run.summary.trim()) {
    console.error(run.stdout)
    console.error(run.stderr)
    console.error('The action wrote no job summary.')
    process.exitCode = 1
  } else {
    console.log(summaryToTerminal(run.summary))
    console.log('─'.repeat(72))
    console.log(
      `result:   ${run.outputs.result}   errors: ${run.outputs.errors}   warnings: ${run.outputs.warnings}`
    )
    console.log(`exit code of the action: ${run.exitCode} (fail-on: error)`)
    console.log(`job summary (Markdown): ${run.summaryPath}`)
    console.log(`JSON report:            ${run.reportPath}`)
    console.log(`ARM requests served:    ${emu.armRequestCount()}`)
  }
} finally {
  await emu.stop()
}
