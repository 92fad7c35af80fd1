/**
 * A discrete-event clock for the budget benchmark: timers wait in a heap and fire in time
 * order, the clock jumping to each. Everything the simulated laptops do between two events
 * runs on promises only (the portal and the stores are in memory), so one macrotask turn
 * (`setImmediate`) lets every chain run until it waits on a simulated timer again.
 */
export class Sim {
  now: number;
  private heap: Array<{ at: number; seq: number; id: number }> = [];
  private fns = new Map<number, () => void>();
  private nextId = 0;
  private seq = 0;
  /** Events fired so far (for the report). */
  fired = 0;

  constructor(start: number) {
    this.now = start;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.nextId;
    this.fns.set(id, fn);
    this.push({ at: this.now + Math.max(0, ms), seq: ++this.seq, id });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.fns.delete(id as number);
  }

  sleep = (ms: number): Promise<void> => new Promise((resolve) => this.setTimeout(resolve, ms));

  /** Run until simulated time `until`, firing timers in order. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const top = this.heap[0];
      if (!top || top.at > until) break;
      this.now = Math.max(this.now, top.at);
      // Everything due at this instant fires together, then the chains it woke settle.
      while (this.heap[0] && (this.heap[0].at ?? Infinity) <= this.now) {
        const e = this.pop();
        const fn = this.fns.get(e.id);
        if (!fn) continue;
        this.fns.delete(e.id);
        this.fired++;
        fn();
      }
    }
    this.now = Math.max(this.now, until);
  }

  private push(e: { at: number; seq: number; id: number }) {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private pop(): { at: number; seq: number; id: number } {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

const less = (a: { at: number; seq: number }, b: { at: number; seq: number }) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A seeded PRNG (the demo CRM's mulberry32): the same run every time. */
export { createRng as rng } from '../../../src-main/demo-crm/prng';

/** Exponential waiting time of a Poisson process with `perDay` events a day, in ms. */
export const poissonGap = (random: () => number, perDay: number): number => (-Math.log(1 - random()) * 86_400_000) / perDay;
