import { contextBridge, ipcRenderer } from 'electron';
import { exposeHostApi, type PageWindowLike } from './host-api';

// Sandboxed preload: runs before the page, in an isolated world; the page sees only `csHost`
// (and, once asked for, the sync worker's CRM port as a message on its own window).
// `window` (typed here without the DOM library, which the main-process build does not load).
exposeHostApi(contextBridge, ipcRenderer, globalThis as unknown as PageWindowLike);
