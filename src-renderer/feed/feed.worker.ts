import { serveEngine } from '../lib/worker-engine';
import { feedEngine } from './protocol';

/**
 * The feed worker: derives the Feed off the UI thread. It opens the app's Dexie database
 * itself, follows its change events and posts back the items the list shows (engine.ts).
 */
serveEngine(feedEngine);
