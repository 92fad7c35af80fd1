import { defineStore } from 'pinia';
import { computed } from 'vue';
import { can, toCrmUser } from '../../shared/domain/permissions';
import { ViewSchema, type View } from '../../shared/views';
import type { CsDatabase } from '../db';
import { getMeta, META, putMeta } from '../db/meta';
import { userById } from '../db/queries/catalog';
import type { UserRow } from '../db/rows';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import {
  parseSharedDoc,
  readSharedDocs,
  removeSharedDoc,
  sharedDocTables,
  useSharedDocsAvailability,
  writeSharedDoc,
  type SharedDocWriteResult,
} from './shared-docs';
import { useWorkspaceStore } from './workspace';

/**
 * Saved views. Private views are per user on this computer, in Dexie `meta` under
 * `views:<userId>`. Views shared with Everyone are shared workspace documents (shared-docs.ts),
 * one per view under the key `view:<viewId>`: records of the CRM object `cs_workspace_docs`,
 * so every client of the same CRM account sees them after its next sync. Where the CRM has
 * no such object they are kept on this computer (`sharedLocally`), and the UI says so.
 * `views:everyone` is where builds before the shared store kept them; those are still shown
 * and move to the shared store when next saved.
 */

/** Where Everyone views were kept before the shared store (read, never written again). */
export const EVERYONE_KEY = META.legacyTeamViews.key;
export const privateKey = (userId: string): string => META.privateViews(userId).key;
/** The shared-document key of an Everyone view. */
export const VIEW_DOC_PREFIX = 'view:';
export const viewDocKey = (viewId: string): string => VIEW_DOC_PREFIX + viewId;

/** May this user share, unshare or delete Everyone views? The workspace's one rule (shared/domain/permissions). */
export function mayShareWithEveryone(user: UserRow | undefined): boolean {
  return can(toCrmUser(user), 'views:shareEveryone');
}

export type ViewSaveError = { code: 'FORBIDDEN' | 'INVALID' | 'NOT_FOUND' | 'NO_USER'; message: string };
export type ViewSaveResult = { ok: true; view: View } | { ok: false; error: ViewSaveError };

const parseList = (raw: unknown): View[] =>
  (Array.isArray(raw) ? raw : []).flatMap((v) => {
    const parsed = ViewSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });

interface Lists {
  mine: View[];
  everyone: View[];
  /** Ids of Everyone views still in the pre-shared-store list (`views:everyone`). */
  legacy: string[];
}

/** Everyone views: the shared documents, then legacy local ones not (yet) among them. */
async function readLists(db: CsDatabase, userId: string): Promise<Lists> {
  const [mine, legacyRaw, docs] = await Promise.all([
    getMeta(db, META.privateViews(userId)),
    getMeta(db, META.legacyTeamViews),
    readSharedDocs(db, VIEW_DOC_PREFIX),
  ]);
  const everyone = docs.flatMap((row) => {
    const p = parseSharedDoc(row, ViewSchema);
    // A document under a view key that is not an Everyone view is not shown as one.
    return p.ok && p.doc.value.sharing === 'everyone' && viewDocKey(p.doc.value.id) === row.key ? [p.doc.value] : [];
  });
  const shared = new Set(everyone.map((v) => v.id));
  const legacy = parseList(legacyRaw).filter((v) => v.sharing === 'everyone' && !shared.has(v.id));
  return { mine: parseList(mine), everyone: [...everyone, ...legacy], legacy: legacy.map((v) => v.id) };
}

const docError = (r: SharedDocWriteResult): ViewSaveError | null => (r.ok ? null : { code: 'INVALID', message: r.error.message });

export const useViewsStore = defineStore('views', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const userId = computed(() => workspace.identity?.userId ?? null);

  const empty: Lists = { mine: [], everyone: [], legacy: [] };
  const lists = useLiveQuery(async () => (userId.value ? readLists(db, userId.value) : empty), empty, userId);
  const me = useLiveQuery(async () => (userId.value ? userById(db, userId.value) : undefined), undefined as UserRow | undefined, userId);
  const availability = useSharedDocsAvailability();

  /** Whether the current user may share with Everyone (the UI hides the option; `save` enforces it). */
  const canShareWithEveryone = computed(() => mayShareWithEveryone(me.value.value));
  /**
   * Null while Everyone views reach the CRM; else the CRM's reason why they stay on this
   * computer (no `cs_workspace_docs` object: custom objects need HubSpot Enterprise).
   */
  const sharedLocally = computed(() => (availability.value.available ? null : availability.value.message));
  const custom = computed(() => [...lists.value.value.everyone, ...lists.value.value.mine]);
  /** Everyone views featured on Summary, with their description (read by the Summary tab). */
  const featured = computed(() => lists.value.value.everyone.filter((v) => v.featured));

  function customFor(objectType: string): View[] {
    return custom.value.filter((v) => v.objectType === objectType);
  }
  function defaultFor(objectType: string): View | undefined {
    return lists.value.value.everyone.find((v) => v.objectType === objectType && v.isDefault);
  }

  /** Drops views from the pre-shared-store list once they live elsewhere. */
  async function retireLegacy(ids: readonly string[]) {
    if (!ids.length) return;
    const rest = parseList(await getMeta(db, META.legacyTeamViews)).filter((v) => !ids.includes(v.id));
    await putMeta(db, META.legacyTeamViews, rest);
  }

  /**
   * Creates or replaces a view. The permission is checked here, against the user row read in
   * the same transaction as the writes, so no caller (or a tampered form) can share without
   * it; touching an existing Everyone view needs it too.
   */
  async function save(input: View): Promise<ViewSaveResult> {
    const uid = userId.value;
    if (!uid) return { ok: false, error: { code: 'NO_USER', message: 'No signed-in user.' } };
    const parsed = ViewSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID', message: parsed.error.issues.map((i) => i.message).join('; ') } };
    const view = parsed.data;
    return db.transaction('rw', [db.users, ...sharedDocTables(db)], async (): Promise<ViewSaveResult> => {
      const { mine, everyone, legacy } = await readLists(db, uid);
      const allowed = mayShareWithEveryone(await db.users.get(uid));
      const wasEveryone = everyone.some((v) => v.id === view.id);
      if ((view.sharing === 'everyone' || wasEveryone) && !allowed) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Sharing views with Everyone needs a paid seat and the "Manage customer success settings" permission.' },
        };
      }
      const ownView = mine.find((v) => v.id === view.id);
      if (ownView === undefined && !wasEveryone && view.ownerUserId !== uid) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This view belongs to another user.' } };
      }
      if (view.sharing === 'everyone') {
        const written = await writeSharedDoc(db, viewDocKey(view.id), view);
        const failed = docError(written);
        // Nothing else was written yet: a refused document leaves every list as it was.
        if (failed) return { ok: false, error: failed };
        // One default per object type: the newest choice wins.
        const demoted = view.isDefault ? everyone.filter((v) => v.id !== view.id && v.objectType === view.objectType && v.isDefault) : [];
        for (const v of demoted) {
          const r = await writeSharedDoc(db, viewDocKey(v.id), { ...v, isDefault: false });
          if (!r.ok) throw new Error(r.error.message);
        }
        await retireLegacy(legacy.filter((id) => id === view.id || demoted.some((v) => v.id === id)));
        if (ownView)
          await putMeta(
            db,
            META.privateViews(uid),
            mine.filter((v) => v.id !== view.id),
          );
      } else {
        await putMeta(db, META.privateViews(uid), [...mine.filter((v) => v.id !== view.id), view]);
        if (wasEveryone) await unshare(view.id, legacy);
      }
      return { ok: true, view };
    });
  }

  /** Takes an Everyone view away from everyone (the shared document, or the legacy entry). */
  async function unshare(id: string, legacy: readonly string[]) {
    if (legacy.includes(id)) return retireLegacy([id]);
    const r = await removeSharedDoc(db, viewDocKey(id));
    if (!r.ok) throw new Error(r.error.message);
  }

  async function rename(id: string, name: string): Promise<ViewSaveResult> {
    const view = custom.value.find((v) => v.id === id);
    if (!view) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such view.' } };
    return save({ ...view, name });
  }

  async function remove(id: string): Promise<ViewSaveResult> {
    const uid = userId.value;
    if (!uid) return { ok: false, error: { code: 'NO_USER', message: 'No signed-in user.' } };
    return db.transaction('rw', [db.users, ...sharedDocTables(db)], async (): Promise<ViewSaveResult> => {
      const { mine, everyone, legacy } = await readLists(db, uid);
      const view = [...mine, ...everyone].find((v) => v.id === id);
      if (!view) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such view.' } };
      if (view.sharing === 'everyone') {
        if (!mayShareWithEveryone(await db.users.get(uid)))
          return { ok: false, error: { code: 'FORBIDDEN', message: 'Deleting an Everyone view needs a paid seat and the settings permission.' } };
        await unshare(id, legacy);
      } else
        await putMeta(
          db,
          META.privateViews(uid),
          mine.filter((v) => v.id !== id),
        );
      return { ok: true, view };
    });
  }

  return { userId, custom, featured, canShareWithEveryone, sharedLocally, customFor, defaultFor, save, rename, remove, loading: lists.loading };
});
