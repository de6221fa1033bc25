/**
 * A @web/test-runner reporter for the end of a (non-watch) run: the plain closing line CI reads,
 * `browser: N passed, N failed, N skipped`, and a failed exit for a run that ran no test (the runner itself
 * passes a run whose files hold no test).
 */
import { writeSync } from 'node:fs';
import type { Reporter, TestSession, TestSuiteResult } from '@web/test-runner';

/** Counts every test of every file; a file that failed to load counts as one failure. */
function tally(sessions: readonly TestSession[]): { passed: number; failed: number; skipped: number } {
  const count = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite: TestSuiteResult) => {
    for (const t of suite.tests) count[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed'] += 1;
    suite.suites.forEach(walk);
  };
  for (const session of sessions) {
    if (session.testResults) walk(session.testResults);
    if (session.errors.length) count.failed += 1;
  }
  return count;
}

export function summaryLineReporter(): Reporter {
  return {
    stop({ sessions }) {
      const { passed, failed, skipped } = tally(sessions);
      // Written at exit, after the runner's own summary, so that it is the last line; the runner exits with
      // process.exit(code), and an 'exit' listener can still change the code.
      process.once('exit', () => {
        writeSync(1, `\nbrowser: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
        if (passed === 0 && failed === 0) {
          writeSync(2, 'No test ran: a run that ran nothing is no pass.\n');
          process.exitCode = 1;
        }
      });
    },
  };
}
