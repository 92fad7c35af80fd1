import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { canonicalZone, isAway, zoneChangeToState, type ZonePair } from '../../shared/time';
import { getMeta, META, putMeta } from '../db/meta';
import { useDb } from '../lib/db-key';
import { useWorkspaceStore } from './workspace';

/** How often the system zone is read again while the app runs (also on focus and when the window is shown). */
export const ZONE_CHECK_MS = 60_000;

/** The system's zone now: the current (travel) zone. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Home and local time (docs/product.md §11). The current zone is the system's, read again
 * every minute and when the window gets focus or is shown, and handed to the workspace
 * (`workspace.timeZone`, the zone the app shows: Tasks, Schedule, the reminders handed to the
 * host follow it). The home zone is a setting (`meta` `timeZones`; the system zone when first
 * run). While the two differ the app is "away": the change is stated once (`notice`, kept in
 * `meta` `timeZones:stated`) and times can show home time beside them (`homeZone`).
 */
export const useTimeZonesStore = defineStore('time-zones', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const home = ref<string | null>(null);
  /** The user's "Show home time too"; null follows the default (on). */
  const showHomeTimeChoice = ref<boolean | null>(null);
  /** The zone change to state in the frame, until dismissed. */
  const notice = ref<ZonePair | null>(null);
  let started = false;
  let stated: ZonePair | null = null;

  const current = computed(() => workspace.timeZone);
  const away = computed(() => home.value !== null && isAway(current.value, home.value));
  const showHomeTime = computed(() => showHomeTimeChoice.value ?? true);
  /** The zone whose time is shown beside local times, or null (at home, or switched off). */
  const homeZone = computed(() => (away.value && showHomeTime.value ? home.value : null));

  async function save() {
    if (home.value) await putMeta(db, META.timeZones, { home: home.value, showHomeTime: showHomeTimeChoice.value });
  }

  /** States a zone change not stated yet; remembers it, so a restart does not state it again. */
  async function stateChange() {
    if (!home.value) return;
    const { state, record } = zoneChangeToState(current.value, home.value, stated);
    if (state) notice.value = state;
    else if (!away.value) notice.value = null;
    if (JSON.stringify(record) !== JSON.stringify(stated)) {
      stated = record;
      await putMeta(db, META.timeZonesStated, record);
    }
  }

  /** Reads the system zone again; a change (a flight landed, the OS moved the clock) is noticed here. */
  async function check(readZone: () => string = systemZone) {
    const zone = canonicalZone(readZone()) ?? readZone();
    if (zone !== workspace.timeZone) workspace.timeZone = zone;
    await stateChange();
  }

  async function load() {
    const [saved, savedStated] = await Promise.all([getMeta(db, META.timeZones), getMeta(db, META.timeZonesStated)]);
    stated = savedStated ?? null;
    showHomeTimeChoice.value = saved?.showHomeTime ?? null;
    home.value = saved?.home ?? workspace.timeZone;
    // First run: home is where the computer is now, kept so a later trip is noticed.
    if (!saved) await save();
  }

  async function start(readZone: () => string = systemZone) {
    if (started) return;
    started = true;
    await load();
    await check(readZone);
    const again = () => void check(readZone);
    window.setInterval(again, ZONE_CHECK_MS);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
  }

  async function setHome(zone: string) {
    const known = canonicalZone(zone);
    if (!known) return;
    home.value = known;
    await save();
    await stateChange();
  }

  async function setShowHomeTime(on: boolean) {
    showHomeTimeChoice.value = on;
    await save();
  }

  const dismiss = () => (notice.value = null);

  return { home, current, away, showHomeTime, homeZone, notice, start, check, setHome, setShowHomeTime, dismiss };
});
