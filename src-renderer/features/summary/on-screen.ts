import type { SyncedType } from '../../../shared/sync';

/** Today's tasks and meetings and the accounts they belong to (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['tasks', 'meetings', 'companies'];
