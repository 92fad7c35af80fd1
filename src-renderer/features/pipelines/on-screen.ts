import type { SyncedType } from '../../../shared/sync';

/** Deals and tickets by stage (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['deals', 'tickets'];
