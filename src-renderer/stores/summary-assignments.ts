import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { getMeta, META, putMeta } from '../db/meta';
import type { CsDatabase } from '../db';
import type { HostApi } from '../../shared/contract';
import { hubspot } from '../../shared/hubspot';
import { DAY_MS } from '../../shared/views';
import { hubspotVia } from './host-key';

const HISTORY_BATCH = 50; // HubSpot caps batch reads with property history at 50 inputs
type SetAtCache = Record<string, { updatedAt: string; setAt: number | null }>;

/**
 * When each owned account's CSM property was last set, for "recently assigned". The sync
 * keeps no property history, so it is read from the CRM (batch read with
 * `propertiesWithHistory`) for the accounts modified in the last 31 days only — setting a
 * property bumps the modification date — and cached in `meta`, so offline the last known
 * answer stands. A helper (not a store of its own) of the Summary store ("recently
 * assigned") and the Portfolio store ("Assigned in the last 30 days"), sharing one cache.
 */
export function useAssignmentDates(opts: {
  db: CsDatabase;
  host: HostApi;
  online: () => boolean;
  objectType: Ref<string>;
  csmProperty: Ref<string>;
  owned: Ref<Array<{ id: string; updatedAt: string }>>;
}) {
  const crm = hubspotVia(opts.host);
  const key = computed(() => META.summarySetAt(`${opts.objectType.value}:${opts.csmProperty.value}`));
  // Replaced whole, never edited in place: a shallow ref, so `setAt` (called once per account a
  // view tests, 12,500 times a count) reads a plain object, not a reactive proxy.
  const cache = shallowRef<SetAtCache>({});
  const unavailable = ref(false);

  async function refresh() {
    const known = (await getMeta(opts.db, key.value)) ?? {};
    cache.value = known;
    const since = Date.now() - 31 * DAY_MS;
    const missing = opts.owned.value.filter((c) => Date.parse(c.updatedAt) >= since && known[c.id]?.updatedAt !== c.updatedAt);
    if (missing.length === 0) return void (unavailable.value = false);
    if (!opts.online()) return void (unavailable.value = true);
    const next: SetAtCache = { ...known };
    const prop = opts.csmProperty.value;
    for (let i = 0; i < missing.length; i += HISTORY_BATCH) {
      const group = missing.slice(i, i + HISTORY_BATCH);
      const sent = await crm(
        hubspot.objects.batchRead(
          opts.objectType.value,
          group.map((c) => c.id),
          [prop],
          { withHistory: [prop] },
        ),
      );
      if (!sent.ok) return void (unavailable.value = true);
      for (const r of sent.value.results) {
        const stamps = (r.propertiesWithHistory?.[prop] ?? []).map((h) => Date.parse(h.timestamp)).filter((n) => !Number.isNaN(n));
        next[r.id] = { updatedAt: group.find((c) => c.id === r.id)?.updatedAt ?? '', setAt: stamps.length ? Math.max(...stamps) : null };
      }
    }
    await putMeta(opts.db, key.value, next);
    cache.value = next;
    unavailable.value = false;
  }

  // One refresh at a time; a change during one (the first sync adds owned accounts page by
  // page) runs another afterwards, so no account is left without its date.
  let running = false;
  let again = false;
  const trigger = () => {
    if (running) return void (again = true);
    running = true;
    again = false;
    void refresh()
      .catch(() => void (unavailable.value = true))
      .finally(() => {
        running = false;
        if (again) trigger();
      });
  };
  watch([opts.owned, key, opts.online], trigger, { immediate: true });

  /** When an account's CSM was last set (ms), if known; for the views engine's `setAt` target. */
  function setAt(id: string): number | undefined {
    return cache.value[id]?.setAt ?? undefined;
  }
  /** Bumped whenever the known dates change, for queries keyed on them. */
  const version = ref(0);
  watch(cache, () => version.value++);

  /** Owned accounts whose CSM was set within the last 30 days, newest first. */
  function recentIds(now: number): Array<{ id: string; setAt: number }> {
    const owned = new Set(opts.owned.value.map((o) => o.id));
    return Object.entries(cache.value)
      .flatMap(([id, v]) => (owned.has(id) && v.setAt !== null && v.setAt >= now - 30 * DAY_MS ? [{ id, setAt: v.setAt }] : []))
      .sort((a, b) => b.setAt - a.setAt);
  }
  return { recentIds, setAt, version, unavailable };
}
