import { describe, expect, it, vi } from 'vitest';
import { trayModel } from '../../../src-main/desktop/tray-model';
import { createTray } from '../../../src-main/electron/tray';
import { createFakeElectron } from '../../support/fake-electron';

const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const ZONE = 'Europe/Warsaw';

function setup(locale: string) {
  const electron = createFakeElectron();
  const onShow = vi.fn();
  const onQuit = vi.fn();
  const onSync = vi.fn();
  const onOpen = vi.fn();
  const tray = createTray({
    Tray: electron.Tray,
    Menu: electron.Menu,
    nativeImage: electron.nativeImage,
    locale,
    onShow,
    onQuit,
    onSync,
    onOpen,
    now: () => NOW,
  });
  const fake = electron.trays[0];
  if (!fake?.menu) throw new Error('no tray with a menu was created');
  const menu = () => {
    if (!fake.menu) throw new Error('the tray lost its menu');
    return fake.menu;
  };
  return { tray, fake, menu, onShow, onQuit, onSync, onOpen };
}

describe('the tray model (pure)', () => {
  it('before the page reports, only the actions', () => {
    const m = trayModel(null, { locale: 'en-US', timeZone: ZONE, now: NOW });
    expect(m.groups.map((g) => g.map((i) => i.label))).toEqual([['Sync now', 'Open CS Workspace', 'Quit']]);
    expect(m.tooltip).toBe('CS Workspace');
  });

  it('the pending count (greyed) and the next due task (which opens it), then the actions', () => {
    const m = trayModel({ pendingEdits: 3, nextDue: { id: '42', subject: 'Call Acme', dueAt: NOW + 90 * 60_000 } }, { locale: 'en', timeZone: ZONE, now: NOW });
    expect(m.groups[0]).toEqual([
      { id: 'pending', label: '3 edits waiting to sync', enabled: false },
      { id: 'next', label: 'Next: Call Acme (10:30)', enabled: true, target: '/tasks?task=42' },
    ]);
    expect(m.tooltip).toBe('CS Workspace — 3 edits waiting to sync');
  });

  it('a task on another day names the day; none upcoming says so; one edit is singular', () => {
    const later = trayModel({ pendingEdits: 1, nextDue: { id: '7', subject: 'QBR', dueAt: NOW + 3 * 86_400_000 } }, { locale: 'en', timeZone: ZONE, now: NOW });
    expect(later.groups[0]?.map((i) => i.label)).toEqual(['1 edit waiting to sync', 'Next: QBR (Mon 30 Nov, 09:00)']);
    const none = trayModel({ pendingEdits: 0, nextDue: null }, { locale: 'en', timeZone: ZONE, now: NOW });
    expect(none.groups[0]).toEqual([
      { id: 'pending', label: 'No pending edits', enabled: false },
      { id: 'next', label: 'No upcoming tasks', enabled: false },
    ]);
    expect(none.tooltip).toBe('CS Workspace');
  });

  it('speaks Polish, with Polish plurals', () => {
    const opts = { locale: 'pl-PL', timeZone: ZONE, now: NOW };
    const labels = (n: number) => trayModel({ pendingEdits: n, nextDue: null }, opts).groups[0]?.[0]?.label;
    expect([0, 1, 2, 5, 12, 22].map(labels)).toEqual([
      'Brak zmian do wysłania',
      '1 zmiana czeka na wysłanie',
      '2 zmiany czekają na wysłanie',
      '5 zmian czeka na wysłanie',
      '12 zmian czeka na wysłanie',
      '22 zmiany czekają na wysłanie',
    ]);
    const m = trayModel({ pendingEdits: 0, nextDue: { id: '1', subject: 'Telefon', dueAt: NOW + 60_000 } }, opts);
    expect(m.groups.flat().map((i) => i.label)).toEqual([
      'Brak zmian do wysłania',
      'Następne: Telefon (09:01)',
      'Synchronizuj teraz',
      'Otwórz CS Workspace',
      'Zakończ',
    ]);
  });

  it('clips a long subject', () => {
    const m = trayModel({ pendingEdits: null, nextDue: { id: '1', subject: 'x'.repeat(300), dueAt: NOW } }, { locale: 'en', timeZone: ZONE, now: NOW });
    expect(m.groups[0]?.map((i) => i.id)).toEqual(['next']);
    expect(m.groups[0]?.[0]?.label.length).toBeLessThan(90);
  });
});

describe('the tray (Electron glue)', () => {
  it('has Sync now, Open and Quit, wired to the page, the window and quitting', () => {
    const { menu, onShow, onQuit, onSync } = setup('en-US');
    expect(menu().labels()).toEqual(['Sync now', 'Open CS Workspace', 'Quit']);
    menu().item('Sync now').click();
    expect(onSync).toHaveBeenCalledOnce();
    menu().item('Open CS Workspace').click();
    expect(onShow).toHaveBeenCalledOnce();
    expect(onQuit).not.toHaveBeenCalled();
    menu().item('Quit').click();
    expect(onQuit).toHaveBeenCalledOnce();
  });

  it("redraws on the page's status: the pending count, a separator, the next task that opens it", () => {
    const { tray, fake, menu, onOpen } = setup('en-US');
    tray.update({ pendingEdits: 2, nextDue: { id: '42', subject: 'Call Acme', dueAt: NOW + 30 * 60_000 } }, ZONE);
    expect(menu().labels()).toEqual(['2 edits waiting to sync', 'Next: Call Acme (09:30)', '---', 'Sync now', 'Open CS Workspace', 'Quit']);
    expect(menu().item('2 edits waiting to sync').enabled).toBe(false);
    expect(fake.toolTip).toBe('CS Workspace — 2 edits waiting to sync');
    menu().item('Next: Call Acme (09:30)').click();
    expect(onOpen).toHaveBeenCalledWith('/tasks?task=42');
    expect(tray.pendingEdits()).toBe(2);
  });

  it('speaks Polish on a Polish system', () => {
    const { menu } = setup('pl-PL');
    expect(menu().labels()).toEqual(['Synchronizuj teraz', 'Otwórz CS Workspace', 'Zakończ']);
  });

  it('shows the window on a click on the icon and has an icon and a tooltip', () => {
    const { fake, onShow } = setup('en');
    fake.emit('click');
    expect(onShow).toHaveBeenCalledOnce();
    expect(fake.toolTip).toBe('CS Workspace');
    expect(String(fake.image)).toMatch(/^data:image\/png;base64,/);
  });
});
