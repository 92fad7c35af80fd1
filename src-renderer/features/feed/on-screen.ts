import type { SyncedType } from '../../../shared/sync';

/** Contact activity: emails, calls, meetings (src-renderer/sync/on-screen.ts). */
export const ON_SCREEN: readonly SyncedType[] = ['emails', 'calls', 'meetings'];
