import { describe, expect, it } from 'vitest';
import { firstLine, playwrightFailures, vitestFailures } from '../../scripts/test-failures.mjs';

// What `npm test` prints last when something failed: the tail of a CI log must name the test.

describe('the failures npm test prints last', () => {
  it('name each failed Vitest test with the first line of its error, and a file that failed to load', () => {
    const report = {
      testResults: [
        {
          name: `${process.cwd()}/tests/a.test.ts`,
          status: 'failed',
          message: '',
          assertionResults: [
            {
              fullName: 'sync costs little',
              status: 'failed',
              failureMessages: ['\u001b[31mAssertionError: expected 14 to be less than or equal to 13\u001b[39m\n    at x.ts:1'],
            },
            { fullName: 'sync is right', status: 'passed', failureMessages: [] },
            { fullName: 'sync is slow', status: 'failed', duration: 30012.4, failureMessages: ['Error: STACK_TRACE_ERROR\n    at task (runner.js:1:1)'] },
          ],
        },
        { name: `${process.cwd()}/tests/b.test.ts`, status: 'failed', message: '\nError: Cannot find module ./x', assertionResults: [] },
        { name: `${process.cwd()}/tests/c.test.ts`, status: 'passed', message: '', assertionResults: [{ fullName: 'fine', status: 'passed' }] },
      ],
    };
    expect(vitestFailures(report)).toEqual([
      'tests/a.test.ts › sync costs little: AssertionError: expected 14 to be less than or equal to 13',
      'tests/a.test.ts › sync is slow: no message (as Vitest reports a timeout) after 30012 ms',
      'tests/b.test.ts: Error: Cannot find module ./x',
    ]);
  });

  it('name each Playwright test that ended unexpectedly, by its last attempt, and errors outside tests', () => {
    const report = {
      suites: [
        {
          specs: [],
          suites: [
            {
              specs: [
                {
                  title: 'drags a deal',
                  file: 'pipelines.spec.ts',
                  line: 12,
                  tests: [{ status: 'unexpected', results: [{ errors: [{ message: 'first try' }] }, { errors: [{ message: 'Error: timed out\nmore' }] }] }],
                },
                { title: 'flaky one', file: 'tasks.spec.ts', line: 3, tests: [{ status: 'flaky', results: [] }] },
              ],
            },
          ],
        },
      ],
      errors: [{ message: 'Error: webServer exited early' }],
    };
    expect(playwrightFailures(report)).toEqual(['pipelines.spec.ts:12 › drags a deal: Error: timed out', 'playwright: Error: webServer exited early']);
  });

  it('cut a long first line and survive a missing report', () => {
    expect(firstLine('x'.repeat(500), 10)).toBe('xxxxxxxxxx');
    expect(vitestFailures(null)).toEqual([]);
    expect(playwrightFailures(undefined)).toEqual([]);
  });
});
