// Placeholder: the web host entry (issue 2).
export {};
