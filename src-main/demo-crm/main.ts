// Placeholder until the demo CRM lands (issue 3).
console.log('demo CRM not built yet');
