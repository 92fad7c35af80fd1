// Placeholder: the contextBridge preload (issue 2).
export {};
