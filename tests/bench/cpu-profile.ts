/**
 * What a V8 CPU profile (Chrome DevTools Protocol `Profiler.stop`) says about the main thread's
 * longest busy stretches: runs of consecutive samples that are not idle approximate its long
 * tasks, and for each the functions with the most time inside them (inclusive, and by self
 * time: the frame on top of the stack when sampled). Pure, for the
 * profiling benchmark (profile-sync.spec.ts) and its unit test.
 */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface BusyStretch {
  ms: number;
  /** The frames with the most time in the stretch, inclusive, as `name file:line`, ms. */
  top: Array<[string, number]>;
  /** The frames with the most self time in the stretch (on top of the stack when sampled), ms. */
  self: Array<[string, number]>;
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

export function busyStretches(profile: CpuProfile, count = 3, frames = 12): BusyStretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)?.callFrame;
    return f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}` : '?';
  };
  const idle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
  // Sample i covers [at[i], at[i + 1]).
  const at: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) at.push((t += d));
  const runs: Array<[number, number]> = [];
  let start = -1;
  profile.samples.forEach((id, i) => {
    if (!idle(id) && start < 0) start = i;
    if ((idle(id) || i === profile.samples.length - 1) && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  });
  const length = ([a, b]: [number, number]) => (at[b] ?? 0) - (at[a] ?? 0);
  return runs
    .sort((x, y) => length(y) - length(x))
    .slice(0, count)
    .map(([a, b]) => {
      const total = new Map<string, number>();
      const own = new Map<string, number>();
      for (let i = a; i < b; i++) {
        const dt = ((at[i + 1] ?? at[i] ?? 0) - (at[i] ?? 0)) / 1000;
        const leaf = profile.samples[i];
        if (leaf !== undefined) own.set(label(leaf), (own.get(label(leaf)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
          const name = label(id);
          if (IDLE.has(byId.get(id)?.callFrame.functionName ?? '') || seen.has(name)) continue;
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + dt);
        }
      }
      const rank = (m: Map<string, number>) =>
        [...m]
          .sort((x, y) => y[1] - x[1])
          .slice(0, frames)
          .map(([n, ms]) => [n, Math.round(ms)] as [string, number]);
      return { ms: length([a, b]) / 1000, top: rank(total), self: rank(own) };
    });
}
