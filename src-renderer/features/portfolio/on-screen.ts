import type { SyncedType } from '../../../shared/sync';

/** The accounts and their renewals (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['companies', 'deals'];
