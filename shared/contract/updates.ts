import { z } from 'zod';

/**
 * Where the desktop app's update stands (Settings → Check for updates). `unavailable`: a
 * development run (`!app.isPackaged`) or a host that cannot update itself (the web host).
 * `ready` with `waitingForEdits` other than 0 (null: the page has not said yet): downloaded, and
 * installing waits until the outbox is empty, since an update must never interrupt an edit that has not reached the CRM.
 */
export const UpdateState = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('unavailable'), reason: z.enum(['development', 'host']) }),
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('checking') }),
  z.object({ phase: z.literal('up-to-date'), version: z.string().max(100) }),
  z.object({ phase: z.literal('downloading'), version: z.string().max(100), percent: z.number().min(0).max(100) }),
  z.object({ phase: z.literal('ready'), version: z.string().max(100), waitingForEdits: z.number().int().nonnegative().nullable() }),
  z.object({ phase: z.literal('installing'), version: z.string().max(100) }),
  z.object({ phase: z.literal('error'), message: z.string().max(500) }),
]);
export type UpdateState = z.output<typeof UpdateState>;
