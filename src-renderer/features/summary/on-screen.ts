import type { SyncedType } from '../../../shared/sync';

/** Today's tasks and meetings; the accounts around them change slowly (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['tasks', 'meetings'];
