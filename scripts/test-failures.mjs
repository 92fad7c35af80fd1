// Which tests failed, and the first line of why, from the JSON reports of Vitest and
// Playwright. `npm test` prints these last, so the tail of a long CI log names the failure.

/** The first non-empty line of an error text, without ANSI colours, cut to `max` characters. */
export function firstLine(text, max = 300) {
  // eslint-disable-next-line no-control-regex
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, max);
}

/** `file › test name: first line of the error`, one per failed Vitest test or suite that failed to load. */
export function vitestFailures(report) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const name = relative(file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.push(`${name} › ${a.fullName}: ${vitestReason(a)}`);
    if (failed.length === 0 && file.status === 'failed') out.push(`${name}: ${firstLine(file.message)}`);
  }
  return out;
}

/**
 * Why a Vitest test failed, in a line. Vitest's JSON report gives a timeout as a bare
 * "Error: STACK_TRACE_ERROR" stack; the test's duration then says what happened.
 */
function vitestReason(assertion) {
  const line = firstLine(assertion.failureMessages?.[0]);
  if (line !== 'Error: STACK_TRACE_ERROR') return line;
  return `no message (as Vitest reports a timeout) after ${Math.round(assertion.duration ?? 0)} ms`;
}

/** `file:line › title: first line of the error`, one per Playwright test that ended unexpectedly. */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.[test.results.length - 1];
        out.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(last?.errors?.[0]?.message ?? last?.error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report?.suites ?? []) walk(suite);
  for (const error of report?.errors ?? []) out.push(`playwright: ${firstLine(error.message)}`);
  return out;
}

function relative(path) {
  const cwd = `${process.cwd()}/`;
  return String(path ?? '').startsWith(cwd) ? path.slice(cwd.length) : String(path ?? '');
}
