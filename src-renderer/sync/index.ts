export { startSyncClient, type SyncClient, type SyncClientOptions, type SyncClientStatus } from './sync-client';
