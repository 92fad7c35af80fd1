import { describe, expect, it } from 'vitest';
import { mainThreadTasks, type TraceEvent } from '../../bench/chrome-trace';

const MAIN = { pid: 1, tid: 1 };
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
/** A complete event on the main thread, times in ms. */
const x = (name: string, at: number, ms: number, data?: { type?: string; functionName?: string }): TraceEvent => ({
  name,
  ph: 'X',
  ts: at * 1000,
  dur: ms * 1000,
  ...MAIN,
  ...(data ? { args: { data } } : {}),
});

describe("the drop profile's reading of a Chromium trace", () => {
  it("lists the main thread's tasks from the event on, with what is inside them", () => {
    const trace = {
      traceEvents: [
        meta(9, 9, 'CrRendererMain'),
        meta(1, 1, 'CrRendererMain'),
        x('RunTask', 90, 2),
        x('RunTask', 100, 8),
        x('EventDispatch', 100.1, 7.5, { type: 'drop' }),
        x('FunctionCall', 100.2, 1.5, { functionName: 'handleEvent' }),
        x('RunTask', 108.4, 30),
        x('Layout', 109, 1.8),
        x('Paint', 118, 14),
        x('Paint', 118.1, 13.9),
        x('RunTask', 140, 0.1),
        x('RunTask', 200, 5),
      ],
    };
    expect(mainThreadTasks(trace, 'drop', 50)).toEqual([
      '-0.1 task 8.0 ms: EventDispatch(drop) 7.5, FunctionCall(handleEvent) 1.5',
      '+8.3 task 30.0 ms: Layout 1.8, Paint 14.0',
    ]);
  });

  it('says so when no main thread saw the event', () => {
    expect(mainThreadTasks({ traceEvents: [meta(1, 1, 'CrRendererMain'), x('RunTask', 0, 1)] }, 'drop', 50)).toEqual([
      'no drop event on a renderer main thread',
    ]);
  });
});
