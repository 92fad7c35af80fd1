/**
 * The unsent edit in a local store this version cannot upgrade: an outbox row keyed by `seq`
 * (ours has another primary key), as an older or damaged version could leave it. The e2e test
 * writes it from a page, the host's integration test into fake IndexedDB.
 */
export const STRANDED_OUTBOX_ROW = {
  seq: 1,
  recordKey: 'deals:1',
  intent: {
    kind: 'update',
    label: 'Rename',
    objectType: 'deals',
    recordId: '1',
    base: { dealname: 'Deal 1' },
    desired: { dealname: 'Renamed before it broke' },
  },
  status: 'pending',
  attempts: 0,
  createdAt: 5,
};
