// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../shared/contract';
import DesktopSettingsSection from '../../../src-renderer/features/settings/DesktopSettingsSection.vue';
import DiagnosticsSection from '../../../src-renderer/features/settings/DiagnosticsSection.vue';
import { CsDatabase } from '../../../src-renderer/db';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { createAppI18n } from '../../../src-renderer/i18n';
import { nextDue, reminderTasks } from '../../../src-renderer/stores/desktop';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { notifyTask } from '../../support/notify-tasks';

const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const DAY = 86_400_000;
const t = notifyTask;

describe('what the page hands the desktop host', () => {
  it('reminders: open tasks with a time, nearest first, no completed or long-past ones, only id, subject and times', () => {
    const list = [
      t('late', NOW + 2 * DAY),
      t('done', NOW + DAY, { completed: true }),
      t('none', null),
      t('old', NOW - 30 * DAY),
      t('soon', NOW + 60_000, { reminders: [NOW + 30_000] }),
    ];
    expect(reminderTasks(list, NOW)).toEqual([
      { id: 'soon', subject: 'Task soon', dueAt: NOW + 60_000, reminders: [NOW + 30_000] },
      { id: 'late', subject: 'Task late', dueAt: NOW + 2 * DAY, reminders: [] },
    ]);
  });

  it('the next due task for the tray: the nearest open one still ahead', () => {
    expect(nextDue([t('past', NOW - 1), t('b', NOW + 2 * DAY), t('a', NOW + DAY), t('done', NOW + 1, { completed: true })], NOW)).toEqual({
      id: 'a',
      subject: 'Task a',
      dueAt: NOW + DAY,
    });
    expect(nextDue([], NOW)).toBeNull();
  });
});

describe('Settings → Desktop: open at login', () => {
  function mountWith(state: { supported: boolean; enabled: boolean }, locale: 'en' | 'pl' = 'en') {
    const setLoginItem = vi.fn(async ({ enabled }: { enabled: boolean }) => ({ ok: true as const, data: { supported: true, enabled } }));
    const host = { 'desktop:loginItem': async () => ({ ok: true, data: state }), 'desktop:setLoginItem': setLoginItem } as unknown as HostApi;
    const wrapper = mount(DesktopSettingsSection, { global: { plugins: [createAppI18n(locale)], provide: { [HOST_KEY as symbol]: host } } });
    return { wrapper, setLoginItem };
  }

  it('is an opt-in checkbox where the host supports it, and sets it through the host', async () => {
    const { wrapper, setLoginItem } = mountWith({ supported: true, enabled: false });
    await flushPromises();
    const box = wrapper.get('input[type=checkbox]');
    expect((box.element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.text()).toContain('Open CS Workspace when I log in');
    await box.setValue(true);
    await flushPromises();
    expect(setLoginItem).toHaveBeenCalledWith({ enabled: true });
  });

  it('is not shown where the host cannot (web host, Linux)', async () => {
    const { wrapper } = mountWith({ supported: false, enabled: false });
    await flushPromises();
    expect(wrapper.find('[data-testid=desktop-settings]').exists()).toBe(false);
  });

  it('speaks Polish', async () => {
    const { wrapper } = mountWith({ supported: true, enabled: true }, 'pl');
    await flushPromises();
    expect(wrapper.text()).toContain('Otwieraj CS Workspace po zalogowaniu');
  });
});

describe('Settings → Diagnostics', () => {
  function mountWith(copied: boolean) {
    const copy = vi.fn(async () => ({ ok: true as const, data: { text: 'CS Workspace 0.1.0 (web host)\n', copied } }));
    const host = { on: () => () => {}, 'net:status': async () => ({ ok: true, data: { online: true } }), 'app:copyDiagnostics': copy } as unknown as HostApi;
    const wrapper = mount(DiagnosticsSection, {
      global: {
        plugins: [createPinia(), createAppI18n('en')],
        provide: { [HOST_KEY as symbol]: host, [DB_KEY as symbol]: new CsDatabase(`diag-${Math.random()}`) },
      },
    });
    return { wrapper, copy };
  }

  it('asks the host for the report with the sync state and outbox size only, and says it was copied', async () => {
    const { wrapper, copy } = mountWith(true);
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(copy).toHaveBeenCalledWith({
      sync: { phase: 'idle', running: false, lastSyncedAt: null, lastError: null },
      outbox: { pending: null, attention: 0, conflicts: 0 },
    });
    expect(wrapper.text()).toContain('Copied to the clipboard.');
  });

  it('where neither host nor page can copy, shows the text to copy by hand', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    const { wrapper } = mountWith(false);
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('Select the text below and copy it.');
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('CS Workspace 0.1.0 (web host)\n');
  });
});
