import { contextBridge, ipcRenderer } from 'electron';
import { exposeHostApi } from './host-api';

// Sandboxed preload: runs before the page, in an isolated world; the page sees only `csHost`.
exposeHostApi(contextBridge, ipcRenderer);
