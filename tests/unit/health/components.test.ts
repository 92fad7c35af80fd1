// @vitest-environment happy-dom
// Dexie's liveQuery compares keys with the global IndexedDB, so the fake one is installed globally.
import 'fake-indexeddb/auto';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../shared/contract';
import { compileScore, setupTemplate } from '../../../shared/health';
import HealthBadge from '../../../src-renderer/components/health/HealthBadge.vue';
import HealthBreakdown from '../../../src-renderer/components/health/HealthBreakdown.vue';
import { CsDatabase } from '../../../src-renderer/db';
import { loadScoreModel } from '../../../src-renderer/db/repositories/health-model';
import HealthSettingsSection from '../../../src-renderer/features/health/HealthSettingsSection.vue';
import { createAppI18n } from '../../../src-renderer/i18n';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { CTX, DAY, NOW, iso, rec } from './fixtures';

/** The machines running tests are shared; live queries may take a while under load. */
const waitFor = <T>(fn: () => T | Promise<T>) => vi.waitFor(fn, { timeout: 10_000, interval: 50 });

async function mountSettings(user: Record<string, unknown>) {
  const db = new CsDatabase(`health-ui-${Math.random().toString(36).slice(2)}`);
  await db.users.put(user as { id: string });
  await db.properties.bulkPut([
    { objectType: 'companies', name: 'name', type: 'string' },
    { objectType: 'companies', name: 'csm_sentiment', type: 'enumeration', options: ['Good', 'Neutral', 'Bad'].map((v) => ({ label: v, value: v })) },
    { objectType: 'companies', name: 'nps_score', type: 'number' },
    { objectType: 'tickets', name: 'hs_ticket_priority', type: 'enumeration' },
  ]);
  const host = { 'crm:whoami': async () => ({ ok: true, data: { userId: user.id, ownerId: 'o1', email: null } }) } as unknown as HostApi;
  const wrapper = mount(HealthSettingsSection, {
    global: { plugins: [createPinia(), createAppI18n('en')], provide: { [DB_KEY as symbol]: db, [HOST_KEY as symbol]: host } },
  });
  return { db, wrapper };
}

const button = (w: Awaited<ReturnType<typeof mountSettings>>['wrapper'], text: string) => {
  const b = w.findAll('button').find((x) => x.text() === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
};

describe('health settings section', () => {
  it('builds a score from "Take me to setup" and saves it', async () => {
    const { db, wrapper } = await mountSettings({ id: 'u1', seatNames: ['CS'], 'x-demo-permissions': ['manage-customer-success-settings'] });
    await waitFor(() => expect(wrapper.text()).toContain('No health score yet.'));
    await button(wrapper, 'Take me to setup').trigger('click');
    expect(wrapper.findAll('[data-testid="group-editor"]')).toHaveLength(5);
    await waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[data-testid="health-problems"]').exists()).toBe(false);
    });
    expect(wrapper.text()).toContain('Maxima add up to 100 of 100');
    await wrapper.find('form').trigger('submit');
    await waitFor(async () => {
      await flushPromises();
      expect(wrapper.text()).toContain('Customer health');
    });
    expect(((await loadScoreModel(db)) as Array<{ name: string }>).map((s) => s.name)).toEqual(['Customer health']);
    wrapper.unmount();
  });

  it('names the problem when the maxima stop adding up to 100', async () => {
    const { wrapper } = await mountSettings({ id: 'u1', seatNames: ['CS'], superAdmin: true });
    await waitFor(() => expect(wrapper.text()).toContain('No health score yet.'));
    await button(wrapper, 'Take me to setup').trigger('click');
    await waitFor(() => expect(wrapper.find('[data-testid="health-read-only"]').exists()).toBe(false));
    await wrapper.find('[data-testid="group-max"]').setValue('15');
    await waitFor(() => expect(wrapper.find('[data-testid="health-problems"]').text()).toContain('Group maxima must add up to 100, but they add up to 90'));
    wrapper.unmount();
  });

  it('refuses a super admin without a seat', async () => {
    const { db, wrapper } = await mountSettings({ id: 'u2', superAdmin: true, seatNames: [] });
    await waitFor(() => expect(wrapper.text()).toContain('No health score yet.'));
    await button(wrapper, 'Take me to setup').trigger('click');
    await waitFor(() => expect(wrapper.find('[data-testid="health-read-only"]').text()).toContain('Refused: editing health scores needs a paid seat.'));
    await wrapper.find('form').trigger('submit');
    await waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[data-testid="health-save-message"]').text()).toBe('Refused: editing health scores needs a paid seat.');
    });
    expect(await loadScoreModel(db)).toBeUndefined();
    wrapper.unmount();
  });
});

describe('health display components', () => {
  const i18n = () => ({ global: { plugins: [createAppI18n('en')] } });
  const result = compileScore(setupTemplate('t', 'T'), CTX).evaluate({
    account: rec('1', { csm_sentiment: 'Bad', nps_score: '3' }),
    related: (t) => (t === 'meetings' ? [rec('m1', { hs_meeting_start_time: iso(NOW - DAY) }), rec('m2', { hs_meeting_start_time: iso(NOW - 3 * DAY) })] : []),
  });

  it('the badge shows the score and status, and names them for screen readers', () => {
    const w = mount(HealthBadge, { props: { result }, ...i18n() });
    expect(w.text()).toBe('50 · Neutral');
    expect(w.attributes('aria-label')).toBe('Health 50 of 100, Neutral');
    expect(mount(HealthBadge, { props: { result: null }, ...i18n() }).text()).toBe('–');
  });

  it('the breakdown explains every group and criterion', () => {
    const w = mount(HealthBreakdown, { props: { result }, ...i18n() });
    const text = w.text();
    expect(text).toContain('1:1 engagement');
    expect(text).toContain('25 of 25');
    expect(text).toContain('+15at least 2 meetings in 30 days');
    expect(text).toContain('+20no open tickets where hs_ticket_priority is any of HIGH, URGENT');
  });
});
