/** Proposed changes (`plan`): PLAN-UNRESOLVED. */
import { defineRule } from '../rule.js'

export const PLAN_RULES = [
  defineRule({
    id: 'PLAN-UNRESOLVED',
    severity: 'info',
    title: 'Known only after apply',
    summary:
      'A check of the proposed state needs a value the plan knows only after apply (e.g. a new PE’s dynamic IP without a zone group that makes the outcome certain); it runs on the next live check.',
    section: 'reading',
    needs: [],
    scope: 'target',
    // Nothing to look at in a snapshot by itself: the proposed snapshot holds a stand-in for each
    // value Azure assigns at apply, and src/plan/settle.ts turns each finding that rests on one
    // into this rule, once every other check of the proposed state has run.
    check() {}
  })
]
