import { serveEngine } from '../lib/worker-engine';
import { searchEngine } from './protocol';

/**
 * The search worker: holds the full-text index of the local store off the UI thread. It opens
 * the app's Dexie database itself and follows its change events (engine.ts).
 */
serveEngine(searchEngine);
