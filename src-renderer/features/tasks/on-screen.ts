import type { SyncedType } from '../../../shared/sync';

/** The task list (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['tasks'];
