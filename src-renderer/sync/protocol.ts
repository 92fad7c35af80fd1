import type { CrmChannel } from '../../shared/contract';
import type { Activity, SyncStatus, SyncTrigger } from '../../shared/sync';

/**
 * The messages between the main thread and the sync worker. CRM requests do not pass here:
 * `start` hands the worker its own line to the host (a transferred MessagePort in Electron,
 * the web host's address and secret in a browser), so a large pull never queues behind the UI.
 */
export type ToWorker =
  | { type: 'start'; dbName?: string; online: boolean; crm: CrmChannel }
  | { type: 'trigger'; reason: SyncTrigger }
  | { type: 'online'; online: boolean }
  /** Window in use, battery, types on screen: the coordinator's schedule follows (plain data, cloned). */
  | { type: 'activity'; activity: Activity }
  | { type: 'stop' };

export type FromWorker = { type: 'status'; status: SyncClientStatus };

/** The sync status plus whether this window runs the loop (only one does, by Web Lock). */
export interface SyncClientStatus extends SyncStatus {
  leader: boolean;
}

/** The two ends of a message channel (a Worker, its global scope, or a test's fake). */
export interface Endpoint<In, Out> {
  /** `transfer`: objects moved, not copied, with the message (the CRM channel's MessagePort). */
  post(message: Out, transfer?: Transferable[]): void;
  onMessage(listener: (message: In) => void): void;
}
