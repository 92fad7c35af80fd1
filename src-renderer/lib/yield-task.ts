/**
 * Ends the current main-thread task and resumes in a new one, so that long work done in steps
 * (read, merge, evaluate, render) never makes one long task (docs/performance.md, P5).
 * `scheduler.yield` where the browser has it (the continuation runs ahead of other queued
 * tasks), else a zero-delay timeout.
 */
export function yieldTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
