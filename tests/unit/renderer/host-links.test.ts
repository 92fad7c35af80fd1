// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { EventName, EventPayload, HostApi, UpdateState } from '../../../shared/contract';
import UpdatesSection from '../../../src-renderer/features/settings/UpdatesSection.vue';
import { createAppI18n } from '../../../src-renderer/i18n';
import { followHostLinks } from '../../../src-renderer/lib/host-links';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';

/** A host whose events the test sends, as the Electron host would. */
function fakeHost(calls: Record<string, unknown> = {}) {
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  const host = {
    ...calls,
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
    },
  } as unknown as HostApi;
  const send = <E extends EventName>(event: E, payload: EventPayload<E>) => (listeners.get(event) ?? []).forEach((l) => l(payload));
  return { host, send };
}

const Empty = defineComponent({ template: '<div />' });
const routerAt = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/portfolio', '/tasks'].map((path) => ({ path, component: Empty })),
  });

describe('links from the host open their route (one path for clicks and deep links)', () => {
  it('a record link opens the Portfolio tab with its preview; a tasks link the Tasks view', async () => {
    const router = routerAt();
    const { host, send } = fakeHost();
    followHostLinks(host, router);
    send('onDidOpenLink', { kind: 'record', objectType: 'companies', recordId: '123' });
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/portfolio');
    expect(router.currentRoute.value.query).toEqual({ record: 'companies/123' });
    send('onDidOpenLink', { kind: 'tasks', view: 'overdue' });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/tasks?view=overdue');
  });

  it("a notification's click opens its task the same way; a click without a target stays put", async () => {
    const router = routerAt();
    const { host, send } = fakeHost();
    const stop = followHostLinks(host, router);
    send('onDidClickNotification', { id: 'task:5', target: '/tasks?task=5' });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/tasks?task=5');
    send('onDidClickNotification', { id: 'hidden-to-tray' });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/tasks?task=5');
    stop();
    send('onDidOpenLink', { kind: 'tasks', view: 'overdue' });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/tasks?task=5');
  });
});

describe('Settings → Updates', () => {
  function mountWith(initial: UpdateState, locale: 'en' | 'pl' = 'en') {
    const check = vi.fn(async () => ({ ok: true as const, data: { phase: 'checking' } }));
    const install = vi.fn(async () => ({ ok: true as const, data: initial }));
    const { host, send } = fakeHost({ 'updates:status': async () => ({ ok: true, data: initial }), 'updates:check': check, 'updates:install': install });
    const wrapper = mount(UpdatesSection, { global: { plugins: [createPinia(), createAppI18n(locale)], provide: { [HOST_KEY as symbol]: host } } });
    return { wrapper, check, install, send };
  }

  it('is hidden where the host cannot update itself (the web host)', async () => {
    const { wrapper } = mountWith({ phase: 'unavailable', reason: 'host' });
    await flushPromises();
    expect(wrapper.find('[data-testid=updates-settings]').exists()).toBe(false);
  });

  it('says updates are off in a development run, with no button', async () => {
    const { wrapper } = mountWith({ phase: 'unavailable', reason: 'development' });
    await flushPromises();
    expect(wrapper.text()).toContain('Updates are off in a development run.');
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it('checks on request and follows the host through downloading to ready', async () => {
    const { wrapper, check, send } = mountWith({ phase: 'up-to-date', version: '0.1.0' });
    await flushPromises();
    expect(wrapper.get('[data-testid=update-state]').text()).toBe('CS Workspace 0.1.0 is up to date.');
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(check).toHaveBeenCalledOnce();
    expect(wrapper.get('[data-testid=update-state]').text()).toBe('Checking for updates…');
    send('onDidChangeUpdate', { phase: 'downloading', version: '0.2.0', percent: 40 });
    await flushPromises();
    expect(wrapper.get('[data-testid=update-state]').text()).toBe('Downloading version 0.2.0… 40%');
    send('onDidChangeUpdate', { phase: 'ready', version: '0.2.0', waitingForEdits: 0 });
    await flushPromises();
    expect(wrapper.get('[data-testid=update-state]').text()).toBe('Version 0.2.0 is ready: restart to install it.');
  });

  it('while edits wait to reach the CRM, says the update waits and Restart to install is off', async () => {
    const { wrapper, install } = mountWith({ phase: 'ready', version: '0.2.0', waitingForEdits: 2 });
    await flushPromises();
    expect(wrapper.get('[data-testid=update-state]').text()).toContain('It installs once the edits waiting to sync have reached the CRM.');
    const restart = wrapper.findAll('button').find((b) => b.text() === 'Restart to install');
    expect(restart?.attributes('disabled')).toBeDefined();
    expect(install).not.toHaveBeenCalled();
  });

  it('speaks Polish', async () => {
    const { wrapper } = mountWith({ phase: 'error', message: 'offline' }, 'pl');
    await flushPromises();
    expect(wrapper.text()).toContain('Nie udało się zaktualizować: offline');
    expect(wrapper.text()).toContain('Sprawdź aktualizacje');
  });
});
