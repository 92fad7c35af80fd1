import { describe, expect, it } from 'vitest';
import { deepLinkRoute, parseDeepLink, recordFromQuery } from '../../../shared/contract';
import { fakeEvent } from '../../support/fake-electron';
import { useTempDir } from '../../support/temp-dir';
import { bootRunning } from './shell-harness';

/**
 * `cs-workspace://` links (issue 20): the one parser, then the shell on the typed fake —
 * registered with the OS, received from `open-url` (macOS) and from the command line of the
 * first and of a second launch, and handed to the page through the contract.
 */

useTempDir('cs-links-');

const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the deep link parser', () => {
  it.each([
    ['cs-workspace://record/companies/123', { kind: 'record', objectType: 'companies', recordId: '123' }],
    ['cs-workspace://record/tickets/9/', { kind: 'record', objectType: 'tickets', recordId: '9' }],
    ['CS-Workspace://record/deals/42', { kind: 'record', objectType: 'deals', recordId: '42' }],
    ['cs-workspace://tasks/overdue', { kind: 'tasks', view: 'overdue' }],
    [`cs-workspace://tasks/view%3A${UUID}`, { kind: 'tasks', view: `view:${UUID}` }],
  ])('reads %s', (url, link) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, link });
  });

  it.each([
    ['cs-workspace://record/notes/1', 'unknown record type'],
    ['cs-workspace://record/companies/abc', 'the record id is not a number'],
    ['cs-workspace://record/companies/0', 'the record id is not a number'],
    ['cs-workspace://record/companies/1/edit', 'a record link is record/<type>/<id>'],
    ['cs-workspace://record/companies', 'a record link is record/<type>/<id>'],
    ['cs-workspace://tasks/someday', 'unknown task view'],
    ['cs-workspace://tasks/overdue/more', 'a tasks link is tasks/<view>'],
    ['cs-workspace://settings/crm', 'unknown link host'],
    ['cs-workspace://user@record/companies/1', 'unknown link host'],
    ['cs-workspace://record:80/companies/1', 'unknown link host'],
    ['cs-workspace://record/companies/1?x=1', 'has a query or fragment'],
    ['cs-workspace://record//companies/1', 'has an empty or malformed path segment'],
    ['cs-workspace://record/companies%2F1/2', 'has an empty or malformed path segment'],
    ['cs-workspace://record/companies/%E0%A4%A', 'has an empty or malformed path segment'],
    ['https://record/companies/1', 'not a cs-workspace:// link'],
    ['cs-workspace://record/companies/1 2', 'contains spaces or control characters'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(parseDeepLink(url)).toEqual({ ok: false, reason });
  });

  it("gives each link its workspace route, and the Portfolio tab's ?record= reads back only a valid record", () => {
    expect(deepLinkRoute({ kind: 'record', objectType: 'contacts', recordId: '77' })).toBe('/portfolio?record=contacts/77');
    expect(deepLinkRoute({ kind: 'tasks', view: `view:${UUID}` })).toBe(`/tasks?view=view%3A${UUID}`);
    expect(recordFromQuery('contacts/77')).toEqual({ objectType: 'contacts', recordId: '77' });
    expect(recordFromQuery('contacts/77/x')).toBeNull();
    expect(recordFromQuery(['contacts/77'])).toBeNull();
  });
});

describe('deep links in the running shell', () => {
  it('a packaged app registers the scheme with the OS; a development run does not', async () => {
    expect((await bootRunning({ packaged: true })).electron.app.protocolClients).toEqual(['cs-workspace']);
    const dev = await bootRunning();
    expect(dev.electron.app.protocolClients).toEqual([]);
    expect(dev.logs).toContain('cs-workspace:// is not registered with the OS in a development run');
  });

  it("a second launch's link brings the window forward and goes to the page as onDidOpenLink", async () => {
    const { electron, win, sent } = await bootRunning();
    win().hide();
    electron.app.emit('second-instance', fakeEvent(), ['/usr/bin/cs-workspace', 'cs-workspace://record/companies/123'], '/home/user', {});
    expect(win().visible).toBe(true);
    expect(sent('onDidOpenLink')).toEqual([{ kind: 'record', objectType: 'companies', recordId: '123' }]);
  });

  it('macOS: open-url is taken (not left to the OS) and opens the Tasks view', async () => {
    const { electron, sent } = await bootRunning({ platform: 'darwin' });
    const event = fakeEvent();
    electron.app.emit('open-url', event, 'cs-workspace://tasks/due-today');
    expect(event.defaultPrevented).toBe(true);
    expect(sent('onDidOpenLink')).toEqual([{ kind: 'tasks', view: 'due-today' }]);
  });

  it('a refused link opens nothing and the log says why, without the link', async () => {
    const { electron, sent, logs } = await bootRunning();
    electron.app.emit('open-url', fakeEvent(), 'cs-workspace://record/companies/123/../../secret');
    electron.app.emit('second-instance', fakeEvent(), ['/usr/bin/cs-workspace', 'cs-workspace://record/notes/5'], '/home/user', {});
    expect(sent('onDidOpenLink')).toEqual([]);
    expect(logs.filter((l) => l.startsWith('deep link'))).toEqual([
      'deep link refused (open-url): a record link is record/<type>/<id>',
      'deep link refused (second launch): unknown record type',
    ]);
  });

  it('the link the app was started with waits for the page, which takes it when it starts', async () => {
    const { call, sent } = await bootRunning({ argv: ['/usr/bin/cs-workspace', 'cs-workspace://record/deals/42'] });
    expect(sent('onDidOpenLink')).toEqual([]);
    expect(await call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: '/portfolio?record=deals/42' } });
    expect(await call('reminders:takeActions', {})).toEqual({ ok: true, data: { actions: [], open: null } });
  });

  it('a link that comes while the window is gone waits for the new page', async () => {
    const { electron, win, call, sent } = await bootRunning();
    win().destroyed = true;
    electron.app.emit('open-url', fakeEvent(), 'cs-workspace://tasks/overdue');
    expect(electron.windows).toHaveLength(2);
    expect(sent('onDidOpenLink')).toEqual([]);
    expect(await call('reminders:takeActions', {})).toMatchObject({ ok: true, data: { open: '/tasks?view=overdue' } });
  });
});
