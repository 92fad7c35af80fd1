import { z } from 'zod';
import { HttpError, notFound, validation } from '../http/errors';
import type { Router } from '../http/router';
import { FaultPatch } from '../faults';
import { defaultAssocType } from '../schema/association-types';
import { findObjectType } from '../schema/object-types';
import { DEFAULT_USER_ID, findUser } from '../schema/users';
import { resolveObjectType } from '../schema/object-types';
import { writeSource, type Ctx } from './context';
import { recordJson } from './serialize';

const Whoami = z.object({ userId: z.union([z.string(), z.number()]).transform(String) });
const Clock = z.object({ set: z.union([z.number(), z.string()]).optional(), advanceMs: z.number().optional() }).strict();
const Restore = z.object({ type: z.string().min(1), id: z.union([z.string(), z.number()]).transform(String) }).strict();
const Tick = z.object({ count: z.number().int().min(1).max(1000).optional() }).strict();
const Id = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String);
const Reassociate = z
  .object({ fromType: z.string(), fromId: Id, toType: z.string(), toId: Id, count: z.number().int().min(1).max(100_000).optional() })
  .strict();

const ENGAGEMENT_TYPES = ['tasks', 'notes', 'meetings', 'calls', 'emails'];

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw validation(`Invalid demo control body: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The demo-only control surface under /__demo/ (README.md documents each body). */
export function demoRoutes(router: Router, ctx: Ctx): void {
  const faults = (): { status: number; body: unknown } => ({ status: 200, body: ctx.faults.state });
  router.on('GET', /^\/__demo\/faults$/, faults);
  router.on('PUT', /^\/__demo\/faults$/, (req) => {
    const patch = parse(FaultPatch, req.body);
    ctx.faults.update(patch);
    ctx.limiter.enabled = ctx.faults.state.rateLimits;
    return faults();
  });

  const whoami = (): { status: number; body: unknown } => {
    const user = findUser(ctx.whoami.userId) ?? findUser(DEFAULT_USER_ID);
    return { status: 200, body: { userId: user?.id, ownerId: user?.ownerId, email: user?.email } };
  };
  router.on('GET', /^\/__demo\/whoami$/, whoami);
  router.on('POST', /^\/__demo\/whoami$/, (req) => {
    const { userId } = parse(Whoami, req.body);
    if (!findUser(userId)) throw validation(`Unknown user ${userId}`);
    ctx.whoami.userId = userId;
    ctx.store.meta.set('whoami', userId);
    ctx.store.scheduleFlush();
    return whoami();
  });

  router.on('GET', /^\/__demo\/clock$/, () => ({ status: 200, body: { now: new Date(ctx.now()).toISOString(), offsetMs: ctx.clockOffset.ms } }));
  router.on('POST', /^\/__demo\/clock$/, (req) => {
    const body = parse(Clock, req.body);
    if (body.set !== undefined) {
      const target = typeof body.set === 'number' ? body.set : Date.parse(body.set);
      if (Number.isNaN(target)) throw validation(`Invalid clock value ${String(body.set)}`);
      ctx.clockOffset.ms += target - ctx.now();
    }
    if (body.advanceMs !== undefined) ctx.clockOffset.ms += body.advanceMs;
    // Moving the clock past 90 days empties the recycle bin at once, as HubSpot would have.
    ctx.store.purgeExpired(ctx.now());
    return { status: 200, body: { now: new Date(ctx.now()).toISOString(), offsetMs: ctx.clockOffset.ms } };
  });

  // HubSpot's public API has no restore: this plays a user restoring a record from the recycle
  // bin in HubSpot's UI (same id, associations back, modified date bumped).
  router.on('POST', /^\/__demo\/restore$/, (req) => {
    const { type: t, id } = parse(Restore, req.body);
    const type = resolveObjectType(t);
    ctx.store.purgeExpired(ctx.now());
    const record = ctx.store.get(type.name, id);
    if (!record || !record.archived) throw notFound(`No archived ${type.singular} with ID ${id} (never archived, or purged after 90 days)`);
    const { taken } = ctx.store.restore(record, writeSource(req), ctx.now());
    if (taken) throw new HttpError(409, 'CONFLICT', `Cannot restore ${type.singular} ${id}: another record now holds its unique value for ${taken}`);
    return { status: 200, body: recordJson(ctx.store, record, { properties: Object.keys(record.props) }) };
  });

  router.on('POST', /^\/__demo\/tick$/, (req) => ({ status: 200, body: ctx.tick(parse(Tick, req.body).count ?? 5) }));

  // Moves the oldest engagements of one record to another, as a user re-filing activity in
  // HubSpot's UI: association changes only, so no record's modified date moves.
  router.on('POST', /^\/__demo\/reassociate$/, (req) => {
    const body = parse(Reassociate, req.body);
    const from = findObjectType(body.fromType);
    const to = findObjectType(body.toType);
    if (!from || !to) throw validation(`Unknown object type ${!from ? body.fromType : body.toType}`);
    for (const [type, id] of [
      [from, body.fromId],
      [to, body.toId],
    ] as const) {
      if (ctx.store.get(type.name, id)?.archived !== false) throw notFound(`No ${type.singular} with ID ${id} exists`);
    }
    if (from.name === to.name && body.fromId === body.toId) throw validation('fromId and toId name the same record');
    const candidates = ENGAGEMENT_TYPES.filter((e) => defaultAssocType(e, from.name) && defaultAssocType(e, to.name)).flatMap((e) =>
      ctx.store.assoc.list(from.name, body.fromId, e).flatMap(([id]) => {
        const record = ctx.store.get(e, id);
        return record && !record.archived ? [record] : [];
      }),
    );
    if (candidates.length === 0) throw validation(`${from.singular} ${body.fromId} has no engagements that can move to a ${to.singular}`);
    candidates.sort((a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id));
    const moved = candidates.slice(0, body.count ?? candidates.length).map((r) => {
      ctx.store.assoc.remove(r.type, r.id, from.name, body.fromId);
      ctx.store.assoc.add(r.type, r.id, to.name, body.toId, []);
      return { type: r.type, id: r.id };
    });
    return { status: 200, body: { moved } };
  });

  router.on('GET', /^\/__demo\/health$/, () => ({ status: 200, body: { ok: true, now: new Date(ctx.now()).toISOString() } }));
}
