import type { SyncedType } from '../../shared/sync';

/**
 * Which synced types each tab shows, for the sync's schedule: those are pulled about every
 * minute while the window is in use, the others every 5–10 minutes. Each feature says it in
 * `features/<tab>/on-screen.ts` (`export const ON_SCREEN: readonly SyncedType[]`), found by
 * glob like its view, so tabs never edit a shared list. A screen without one (settings,
 * connect) shows no synced type that needs the minute.
 */
const modules = import.meta.glob<{ ON_SCREEN: readonly SyncedType[] }>('../features/*/on-screen.ts', { eager: true });

const byTab = new Map<string, readonly SyncedType[]>(
  Object.entries(modules).map(([path, mod]) => [/\.\.\/features\/([^/]+)\/on-screen\.ts$/.exec(path)?.[1] ?? '', mod.ON_SCREEN]),
);

/** The types the screen named `tab` (a route name) shows; a copy, so it can cross to the worker. */
export function typesOnScreen(tab: unknown): SyncedType[] {
  return typeof tab === 'string' ? [...(byTab.get(tab) ?? [])] : [];
}
