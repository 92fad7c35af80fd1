import { serveEngine } from '../lib/worker-engine';
import { healthEngine } from './protocol';

/**
 * The health worker: computes every account's score off the UI thread. It opens the app's
 * Dexie database itself, follows its change events (this window's commits and the sync
 * worker's reach it over Dexie's BroadcastChannel) and posts results back to the store.
 */
serveEngine(healthEngine);
