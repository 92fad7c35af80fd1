/**
 * What a Chromium performance trace (Playwright's `browser.startTracing`, devtools.timeline
 * categories) says about the renderer's main thread from one event on: the tasks in order, each
 * (0.5 ms or more) with its duration and the main things inside it (events, scripts, style,
 * layout, paint), each 0.2 ms or more and not inside one of the same name.
 * Pure, for the drop profile (pipelines-drop.spec.ts, BENCH_PROFILE=1).
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; url?: string; functionName?: string } };
}

export function mainThreadTasks(trace: { traceEvents: TraceEvent[] }, eventType: string, windowMs: number): string[] {
  const events = trace.traceEvents;
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((d) => d.pid === e.pid && d.tid === e.tid && d.name === 'EventDispatch' && d.args?.data?.type === eventType),
  );
  if (!main) return [`no ${eventType} event on a renderer main thread`];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const start = onMain.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === eventType);
  if (!start) return [];
  const t0 = start.ts;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 500 && e.ts + (e.dur ?? 0) >= t0 && e.ts <= t0 + windowMs * 1000);
  const out: string[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 200);
    const what = inside
      .filter((e) => !inside.some((p) => p !== e && p.name === e.name && p.ts <= e.ts && p.ts + (p.dur ?? 0) >= e.ts + (e.dur ?? 0) && p.dur !== e.dur))
      .map(
        (e) =>
          `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
      )
      .slice(0, 12);
    const rel = (task.ts - t0) / 1000;
    out.push(`${rel < 0 ? '' : '+'}${rel.toFixed(1)} task ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${what.join(', ')}`);
  }
  return out;
}
