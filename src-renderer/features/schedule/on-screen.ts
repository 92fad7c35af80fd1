import type { SyncedType } from '../../../shared/sync';

/** The calendar: meetings and tasks (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['meetings', 'tasks'];
