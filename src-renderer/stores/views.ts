import { defineStore } from 'pinia';
import { computed } from 'vue';
import { ViewSchema, type View } from '../../shared/views';
import type { CsDatabase } from '../db';
import { readMeta, userById, writeMeta } from '../db/queries/portfolio';
import type { UserRow } from '../db/rows';
import { useDb } from './db-key';
import { useLiveQuery } from './live-query';
import { useWorkspaceStore } from './workspace';

/**
 * Saved views. Private views live in Dexie `meta` under `views:<userId>`; views shared
 * with Everyone under `views:everyone`.
 * TODO(issue 6): HubSpot has no API for app views, so Everyone views are local to this
 * client for now; share them through a CRM custom object (schema `cs_workspace_view`,
 * one record per view holding its JSON) synced like the other types. See
 * features/portfolio/README.md.
 */

export const SETTINGS_PERMISSION = 'manage-customer-success-settings';
export const EVERYONE_KEY = 'views:everyone';
export const privateKey = (userId: string): string => `views:${userId}`;

/** "Manage customer success settings", or a super admin (product.md §1). */
export function maySettings(user: UserRow | undefined): boolean {
  if (!user) return false;
  const perms = user['x-demo-permissions'];
  return user.superAdmin === true || (Array.isArray(perms) && perms.includes(SETTINGS_PERMISSION));
}

export type ViewSaveError = { code: 'FORBIDDEN' | 'INVALID' | 'NOT_FOUND' | 'NO_USER'; message: string };
export type ViewSaveResult = { ok: true; view: View } | { ok: false; error: ViewSaveError };

const parseList = (raw: unknown): View[] =>
  (Array.isArray(raw) ? raw : []).flatMap((v) => {
    const parsed = ViewSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });

async function readLists(db: CsDatabase, userId: string): Promise<{ mine: View[]; everyone: View[] }> {
  const [mine, everyone] = await Promise.all([readMeta<unknown>(db, privateKey(userId), []), readMeta<unknown>(db, EVERYONE_KEY, [])]);
  return { mine: parseList(mine), everyone: parseList(everyone) };
}

export const useViewsStore = defineStore('views', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const userId = computed(() => workspace.identity?.userId ?? null);

  const lists = useLiveQuery(async () => (userId.value ? readLists(db, userId.value) : { mine: [], everyone: [] }), { mine: [] as View[], everyone: [] as View[] }, userId);
  const me = useLiveQuery(async () => (userId.value ? userById(db, userId.value) : undefined), undefined as UserRow | undefined, userId);

  /** Whether the current user may share with Everyone (the UI hides the option; `save` enforces it). */
  const canShareWithEveryone = computed(() => maySettings(me.value.value));
  const custom = computed(() => [...lists.value.value.everyone, ...lists.value.value.mine]);
  /** Everyone views featured on Summary, with their description (read by the Summary tab). */
  const featured = computed(() => lists.value.value.everyone.filter((v) => v.featured));

  function customFor(objectType: string): View[] {
    return custom.value.filter((v) => v.objectType === objectType);
  }
  function defaultFor(objectType: string): View | undefined {
    return lists.value.value.everyone.find((v) => v.objectType === objectType && v.isDefault);
  }

  /**
   * Creates or replaces a view. The permission is checked here, against the user row read in
   * the same transaction, so no caller (or a tampered form) can share without it; touching an
   * existing Everyone view needs it too.
   */
  async function save(input: View): Promise<ViewSaveResult> {
    const uid = userId.value;
    if (!uid) return { ok: false, error: { code: 'NO_USER', message: 'No signed-in user.' } };
    const parsed = ViewSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID', message: parsed.error.issues.map((i) => i.message).join('; ') } };
    const view = parsed.data;
    return db.transaction('rw', [db.meta, db.users], async (): Promise<ViewSaveResult> => {
      const { mine, everyone } = await readLists(db, uid);
      const allowed = maySettings(await db.users.get(uid));
      const wasEveryone = everyone.some((v) => v.id === view.id);
      if ((view.sharing === 'everyone' || wasEveryone) && !allowed) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Sharing views with Everyone needs the "Manage customer success settings" permission.' } };
      }
      const ownView = mine.find((v) => v.id === view.id);
      if (ownView === undefined && !wasEveryone && view.ownerUserId !== uid) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This view belongs to another user.' } };
      }
      const nextMine = mine.filter((v) => v.id !== view.id);
      let nextEveryone = everyone.filter((v) => v.id !== view.id);
      if (view.sharing === 'everyone') {
        // One default per object type: the newest choice wins.
        if (view.isDefault) nextEveryone = nextEveryone.map((v) => (v.objectType === view.objectType && v.isDefault ? { ...v, isDefault: false } : v));
        nextEveryone.push(view);
      } else nextMine.push(view);
      await writeMeta(db, privateKey(uid), nextMine);
      if (view.sharing === 'everyone' || wasEveryone) await writeMeta(db, EVERYONE_KEY, nextEveryone);
      return { ok: true, view };
    });
  }

  async function rename(id: string, name: string): Promise<ViewSaveResult> {
    const view = custom.value.find((v) => v.id === id);
    if (!view) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such view.' } };
    return save({ ...view, name });
  }

  async function remove(id: string): Promise<ViewSaveResult> {
    const uid = userId.value;
    if (!uid) return { ok: false, error: { code: 'NO_USER', message: 'No signed-in user.' } };
    return db.transaction('rw', [db.meta, db.users], async (): Promise<ViewSaveResult> => {
      const { mine, everyone } = await readLists(db, uid);
      const view = [...mine, ...everyone].find((v) => v.id === id);
      if (!view) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such view.' } };
      if (view.sharing === 'everyone') {
        if (!maySettings(await db.users.get(uid))) return { ok: false, error: { code: 'FORBIDDEN', message: 'Deleting an Everyone view needs the settings permission.' } };
        await writeMeta(db, EVERYONE_KEY, everyone.filter((v) => v.id !== id));
      } else await writeMeta(db, privateKey(uid), mine.filter((v) => v.id !== id));
      return { ok: true, view };
    });
  }

  return { userId, custom, featured, canShareWithEveryone, customFor, defaultFor, save, rename, remove, loading: lists.loading };
});
