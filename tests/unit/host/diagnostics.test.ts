import { describe, expect, it } from 'vitest';
import { createDiagnostics, createLogTail, redact } from '../../../src-main/host/diagnostics';

const input = {
  sync: {
    phase: 'idle',
    running: false,
    lastSyncedAt: Date.UTC(2026, 10, 27, 8, 0, 0),
    lastError: 'HTTP 400 for anna.nowak@acme.pl: value +48 601 234 567 rejected',
  },
  outbox: { pending: 3, attention: 1, conflicts: 0 },
};

describe('diagnostics', () => {
  it('redacts addresses, links, numbers and tokens', () => {
    expect(redact('mail anna.nowak@acme.pl, call +48 601 234 567, open https://app.hubspot.com/contacts/123/record?x=1')).toBe(
      'mail [email], call [number], open https://…',
    );
    expect(redact('Authorization: Bearer pat-na1-11111111-2222-3333-4444-555555555555')).toBe('Authorization: Bearer [redacted]');
    expect(redact('token=abcdefghijklmnopqrstuvwxyz0123')).toBe('token=[redacted]');
    expect(redact('the demo CRM did not start: port in use')).toBe('the demo CRM did not start: port in use');
  });

  it('keeps only the last lines logged', () => {
    const tail = createLogTail(2);
    for (const l of ['a', 'b', 'c']) tail.push(l);
    expect(tail.lines()).toEqual(['b', 'c']);
  });

  it('reports versions, OS, CRM kind, sync state and outbox size, and copies where the host has a clipboard', async () => {
    const clipboard = { text: '', writeText: (t: string) => void (clipboard.text = t) };
    const d = createDiagnostics({
      app: () => ({ name: 'CS Workspace', version: '0.1.0', platform: 'linux', host: 'electron', locale: 'pl-PL' }),
      crm: async () => ({ connected: true, kind: 'hubspot', baseUrl: 'https://api.hubapi.com' }),
      versions: { node: '22.1.0', electron: '45.5.0', chrome: '142.0.0.0' },
      os: { platform: 'linux', arch: 'x64', release: '6.8.0' },
      recentLog: () => ['open-external https', 'sync failed for jan@example.com'],
      clipboard,
      now: () => Date.UTC(2026, 10, 27, 9, 0, 0),
    });
    const r = await d.report(input);
    expect(r.copied).toBe(true);
    expect(clipboard.text).toBe(r.text);
    expect(r.text).toBe(
      [
        'CS Workspace 0.1.0 (electron host)',
        'OS: linux 6.8.0 x64; locale pl-PL',
        'Runtime: Electron 45.5.0, Chrome 142.0.0.0, Node 22.1.0',
        'CRM: hubspot',
        'Sync: idle (idle); last synced 2026-11-27T08:00:00.000Z',
        'Sync error: HTTP 400 for [email]: value [number] rejected',
        'Outbox: 3 pending, 1 need attention, 0 conflicts',
        'Report made: 2026-11-27T09:00:00.000Z',
        'Recent log:',
        '  open-external https',
        '  sync failed for [email]',
        '',
      ].join('\n'),
    );
  });

  it('without a clipboard (web host) hands the text to the page', async () => {
    const d = createDiagnostics({
      app: () => ({ name: 'CS Workspace', version: '0.1.0', platform: 'linux', host: 'web', locale: 'en' }),
      crm: async () => ({ connected: false, kind: null, baseUrl: null }),
      versions: { node: '22.1.0' },
      os: { platform: 'linux', arch: 'x64', release: '6.8.0' },
      recentLog: () => [],
    });
    const r = await d.report({ ...input, sync: { ...input.sync, lastError: null, lastSyncedAt: null } });
    expect(r.copied).toBe(false);
    expect(r.text).toContain('CRM: not connected');
    expect(r.text).toContain('Runtime: Node 22.1.0');
    expect(r.text).toContain('last synced never');
  });
});
