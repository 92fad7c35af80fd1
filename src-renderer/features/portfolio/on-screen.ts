import type { SyncedType } from '../../../shared/sync';

/** The accounts with their renewals and open tickets (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['companies', 'deals', 'tickets'];
