// Placeholder: the Electron shell is wired here (issue 2).
export {};
