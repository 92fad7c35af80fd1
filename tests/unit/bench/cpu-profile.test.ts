import { describe, expect, it } from 'vitest';
import { busyStretches, type CpuProfile } from '../../bench/cpu-profile';

const frame = (functionName: string, lineNumber = 0) => ({ functionName, url: 'http://127.0.0.1/assets/app.js', lineNumber });

/** root → (idle); root → render → format; root → query. One sample a millisecond. */
const profile = (samples: number[]): CpuProfile => ({
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 5] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('render', 10), children: [4] },
    { id: 4, callFrame: frame('format', 20) },
    { id: 5, callFrame: frame('query', 30) },
  ],
  startTime: 0,
  samples,
  timeDeltas: samples.map(() => 1000),
});

describe("the profiling benchmark's reading of a CPU profile", () => {
  it('finds the longest runs of busy samples, longest first, with their functions inclusive', () => {
    const stretches = busyStretches(profile([2, 3, 4, 4, 5, 2, 5, 2]));
    expect(stretches.map((s) => s.ms)).toEqual([4, 1]);
    expect(stretches[0]?.top).toEqual([
      ['render app.js:10', 3],
      ['format app.js:20', 2],
      ['query app.js:30', 1],
    ]);
    expect(stretches[1]?.top).toEqual([['query app.js:30', 1]]);
  });

  it('ranks the frames of a stretch by self time too: the frame on top of each sample', () => {
    const [longest] = busyStretches(profile([2, 3, 4, 4, 5, 2]));
    expect(longest?.self).toEqual([
      ['format app.js:20', 2],
      ['render app.js:10', 1],
      ['query app.js:30', 1],
    ]);
  });

  it('finds none in an idle profile', () => {
    expect(busyStretches(profile([2, 2, 2]))).toEqual([]);
  });
});
