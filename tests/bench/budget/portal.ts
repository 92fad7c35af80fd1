import { SYNCED_TYPES, TYPE_INFO, type SyncedType } from '../../../shared/sync';
import { EDITED_PROPERTY, fakeResponse, kindOf, referenceAnswer, wireRecord } from './http';
import { RateWindows } from './rate-windows';
import { lowerBound, modIndex, type Rec, type TypeData } from './records';
import type { Sim } from './sim';

/**
 * A counting stand-in for one HubSpot portal, built from the same contract as the demo CRM
 * (src-main/demo-crm): the paths, bodies, paging and rate-limit headers the sync engine uses,
 * with the Professional tier's limits (`TIER_LIMITS`: 190 per rolling 10 s, search 5/s in its
 * own window, 650,000 a day; search answers carry only the daily headers; refused calls do
 * not count). Why not the demo CRM itself: the benchmark runs 30 laptops through 48
 * simulated hours in a couple of minutes, so time must be simulated, and the demo's rate
 * windows and search lag run on the real monotonic clock, its writes are fsynced, and each
 * call crosses HTTP. What the count depends on — which calls the engine makes, how many
 * records and associations each answer holds, how pages end — is modelled here; record
 * values are not (a few properties per record), nor the search index lag.
 */

const ENGAGEMENTS: readonly SyncedType[] = ['tasks', 'meetings', 'notes', 'calls', 'emails'];
const HELD = SYNCED_TYPES.filter((t) => !TYPE_INFO[t].optional);

export interface CallRecord {
  at: number;
  laptop: number;
  kind: string;
  search: boolean;
}

/** Per portal: the calls it answered (counted ones), refusals, and the rolling windows' peaks. */
export class Portal {
  private types = new Map<string, TypeData>();
  /** `${from}|${to}` → id → partner ids (both directions kept). */
  private assoc = new Map<string, Map<number, number[]>>();
  private nextId = 1_000_000;
  private readonly limits: RateWindows;
  readonly calls: CallRecord[] = [];
  /** When set, only calls at or after it are kept in `calls` (the measured day). */
  recordFrom = Infinity;
  companies: number[] = [];

  constructor(
    private readonly sim: Sim,
    private readonly random: () => number,
    /** A midnight of the portal's time zone: the daily count starts again every 24 h from it. */
    dayStart: number,
    private readonly latency: { standard: [number, number]; search: [number, number] } = { standard: [80, 250], search: [150, 400] },
  ) {
    for (const t of HELD) this.types.set(t, { byId: new Map(), live: [], byMod: [], archived: [] });
    this.limits = new RateWindows(dayStart);
  }

  /** Calls refused with a 429 (search ones included), since the start. */
  get refused(): number {
    return this.limits.refused;
  }

  get refusedSearch(): number {
    return this.limits.refusedSearch;
  }

  // ---- the dataset and the CRM-side activity ------------------------------------------------

  /** A portal of `companies` accounts with their contacts, deals, tickets and engagements, dated over the past year. */
  generate(companies: number): void {
    const r = this.random;
    const past = () => this.sim.now - Math.floor(r() * 365 * 86_400_000);
    for (let c = 0; c < companies; c++) {
      const company = this.insert('companies', past());
      this.companies.push(company);
      const contacts = Array.from({ length: 3 }, () => this.insert('contacts', past()));
      for (const k of contacts) this.link('contacts', k, 'companies', company);
      for (let d = 0; d < (r() < 0.5 ? 2 : 1); d++) {
        const deal = this.insert('deals', past());
        this.link('deals', deal, 'companies', company);
        this.link('deals', deal, 'contacts', contacts[0]!);
      }
      const ticket = this.insert('tickets', past());
      this.link('tickets', ticket, 'companies', company);
      this.link('tickets', ticket, 'contacts', contacts[1]!);
      const per: Record<string, number> = { tasks: 2, meetings: 1, notes: 2, calls: 1.5, emails: 3.5 };
      for (const type of ENGAGEMENTS) {
        const n = Math.floor(per[type]!) + (r() < per[type]! % 1 ? 1 : 0);
        for (let i = 0; i < n; i++) this.engagement(type, company, contacts[Math.floor(r() * 3)], past());
      }
    }
  }

  /** A new engagement on an account and one of its contacts (logged email, call, meeting…). */
  createEngagement(type: SyncedType): void {
    const company = this.pick(this.companies);
    const contact = this.partners('companies', company, 'contacts')[0];
    this.engagement(type, company, contact, this.sim.now);
  }

  /** Someone (a workflow, a user in HubSpot, an integration) changes a record. */
  touch(type: SyncedType): void {
    const data = this.types.get(type)!;
    const id = data.live[Math.floor(this.random() * data.live.length)];
    if (id !== undefined) this.modify(type, id, `crm-${Math.floor(this.random() * 1e9)}`);
  }

  /** A record is deleted (it goes to the recycle bin: `archived=true` lists it). */
  archive(type: SyncedType): void {
    const data = this.types.get(type)!;
    const id = data.live[Math.floor(this.random() * data.live.length)];
    if (id === undefined) return;
    const rec = data.byId.get(id)!;
    rec.archived = true;
    data.live.splice(lowerBound(data.live, id), 1);
    data.byMod.splice(modIndex(data, rec), 1);
    data.archived.push(id);
  }

  /** A record a user may edit, and its current value (what their screen shows). */
  editable(type: SyncedType): { id: string; value: string } | undefined {
    const data = this.types.get(type)!;
    const id = data.live[Math.floor(this.random() * data.live.length)];
    return id === undefined ? undefined : { id: String(id), value: data.byId.get(id)!.value };
  }

  count(type: SyncedType): number {
    return this.types.get(type)?.live.length ?? 0;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  private engagement(type: SyncedType, company: number, contact: number | undefined, at: number) {
    const id = this.insert(type, at);
    this.link(type, id, 'companies', company);
    if (contact !== undefined) this.link(type, id, 'contacts', contact);
  }

  private insert(type: string, at: number): number {
    const data = this.types.get(type)!;
    const id = ++this.nextId;
    const rec: Rec = { id, createdAt: at, mod: at, archived: false, value: '' };
    data.byId.set(id, rec);
    data.live.push(id);
    data.byMod.splice(modIndex(data, rec), 0, rec);
    return id;
  }

  private modify(type: string, id: number, value: string) {
    const data = this.types.get(type)!;
    const rec = data.byId.get(id);
    if (!rec || rec.archived) return;
    data.byMod.splice(modIndex(data, rec), 1);
    rec.mod = Math.max(this.sim.now, rec.mod + 1);
    rec.value = value;
    data.byMod.splice(modIndex(data, rec), 0, rec);
  }

  private link(a: string, aId: number, b: string, bId: number) {
    for (const [x, xId, y, yId] of [
      [a, aId, b, bId],
      [b, bId, a, aId],
    ] as const) {
      let m = this.assoc.get(`${x}|${y}`);
      if (!m) this.assoc.set(`${x}|${y}`, (m = new Map()));
      const list = m.get(xId);
      if (list) list.push(yId);
      else m.set(xId, [yId]);
    }
  }

  private partners(from: string, id: number, to: string): number[] {
    return this.assoc.get(`${from}|${to}`)?.get(id) ?? [];
  }

  // ---- HTTP, as the gateway sees it -----------------------------------------------------------

  /** `fetch` for one laptop: latency, metering, HubSpot's answer. */
  fetchFor(laptop: number): typeof fetch {
    return async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = (init?.method ?? 'GET').toUpperCase();
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      const search = url.pathname.endsWith('/search');
      const [lo, hi] = search ? this.latency.search : this.latency.standard;
      const latency = lo + this.random() * (hi - lo);
      await this.sim.sleep(latency / 2);
      const out = this.answer(laptop, method, url, body, search);
      await this.sim.sleep(latency / 2);
      return fakeResponse(out.status, out.headers, out.body);
    };
  }

  private answer(
    laptop: number,
    method: string,
    url: URL,
    body: Record<string, unknown>,
    search: boolean,
  ): { status: number; headers: Record<string, string>; body: unknown } {
    const path = url.pathname;
    const kind = kindOf(method, path, url.searchParams);
    const limit = this.limits.take(this.sim.now, search);
    if (limit.ok && this.sim.now >= this.recordFrom) this.calls.push({ at: this.sim.now, laptop, kind, search });
    if (!limit.ok) {
      const policy = search ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING';
      return {
        status: 429,
        headers: { ...limit.headers, ...(limit.retryAfterS ? { 'retry-after': String(limit.retryAfterS) } : {}) },
        body: { status: 'error', message: 'You have reached your limit.', policyName: policy, category: 'RATE_LIMITS' },
      };
    }
    const ok = (b: unknown, status = 200) => ({ status, headers: limit.headers, body: b });
    const notFound = () => ({
      status: 404,
      headers: limit.headers,
      body: { status: 'error', message: 'Unable to infer object type', category: 'OBJECT_NOT_FOUND' },
    });
    const reference = referenceAnswer(method, path, (t) => this.types.has(t));
    if (reference) return reference.status === 404 ? notFound() : ok(reference.body, reference.status);
    let m: RegExpExecArray | null;

    if ((m = /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/read$/.exec(path))) {
      const [from, to] = [m[1]!, m[2]!];
      const inputs = (body.inputs as Array<{ id: string; after?: string }>) ?? [];
      const results = inputs.flatMap((input) => {
        const all = this.partners(from, Number(input.id), to);
        const start = input.after ? Number(input.after) : 0;
        const page = all.slice(start, start + 500);
        if (!page.length) return [];
        return [
          {
            from: { id: input.id },
            to: page.map((toObjectId) => ({ toObjectId, associationTypes: [{ typeId: 1 }] })),
            ...(start + 500 < all.length ? { paging: { next: { after: String(start + 500) } } } : {}),
          },
        ];
      });
      return ok({ status: 'COMPLETE', results }, results.length < inputs.length ? 207 : 200);
    }

    if (!(m = /^\/crm\/v3\/objects\/([^/]+)(?:\/(search|batch\/read|batch\/update))?$/.exec(path))) throw new Error(`unexpected ${method} ${path}`);
    const type = m[1]!;
    const data = this.types.get(type);
    if (!data) return notFound();
    const prop = TYPE_INFO[type as SyncedType].cursorProperty;
    const wire = (r: Rec, history?: string[]) => wireRecord(r, prop, history);

    if (m[2] === 'search') {
      const filters = (body.filterGroups as Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>)?.[0]?.filters ?? [];
      const limitN = Number(body.limit ?? 10);
      if (!filters.length) {
        const newest = data.byMod.at(-1);
        return ok({ total: data.byMod.length, results: newest ? [wire(newest)] : [] });
      }
      const eq = filters.find((f) => f.operator === 'EQ');
      if (eq) {
        const gt = Number(filters.find((f) => f.operator === 'GT')?.value ?? 0);
        const t = Number(eq.value);
        const hits = data.byMod.filter((r) => r.mod === t && r.id > gt).sort((a, b) => a.id - b.id);
        return ok({ total: hits.length, results: hits.slice(0, limitN).map((r) => wire(r)) });
      }
      const lo = Number(filters.find((f) => f.operator === 'GTE')?.value ?? 0);
      const hiF = filters.find((f) => f.operator === 'LTE');
      const start = modIndex(data, { id: -1, mod: lo } as Rec);
      let hits = data.byMod.slice(start);
      if (hiF) hits = hits.filter((r) => r.mod <= Number(hiF.value));
      return ok({ total: hits.length, results: hits.slice(0, limitN).map((r) => wire(r)) });
    }
    if (m[2] === 'batch/read') {
      const history = body.propertiesWithHistory as string[] | undefined;
      const results = ((body.inputs as Array<{ id: string }>) ?? []).flatMap((i) => {
        const r = data.byId.get(Number(i.id));
        return r && !r.archived ? [wire(r, history)] : [];
      });
      return ok({ status: 'COMPLETE', results });
    }
    if (m[2] === 'batch/update') {
      const results = ((body.inputs as Array<{ id: string; properties: Record<string, string> }>) ?? []).flatMap((i) => {
        const id = Number(i.id);
        this.modify(type, id, String(i.properties[EDITED_PROPERTY] ?? ''));
        const r = data.byId.get(id);
        return r ? [wire(r)] : [];
      });
      return ok({ status: 'COMPLETE', results });
    }
    // The list: live (or archived) ids by id, `after` = the last id of the previous page.
    const q = url.searchParams;
    const ids = q.get('archived') === 'true' ? data.archived : data.live;
    const after = Number(q.get('after') ?? 0);
    const n = Number(q.get('limit') ?? 10);
    const from = lowerBound(ids, after + 1);
    const page = ids.slice(from, from + n).map((id) => data.byId.get(id)!);
    const more = from + n < ids.length;
    return ok({ results: page.map((r) => wire(r)), ...(more ? { paging: { next: { after: String(page.at(-1)!.id) } } } : {}) });
  }
}
