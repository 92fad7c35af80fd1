// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import type { HostApi } from '../../../shared/contract';
import { useWorkspaceStore } from '../../../src-renderer/stores/workspace';
import { mountInApp } from '../../support/mount-in-app';

describe('the workspace store', () => {
  it('asks the host who the user is once when several stores load it at the same time, and again on a later load', async () => {
    let asked = 0;
    const host = {
      on: () => () => {},
      'crm:whoami': async () => (asked++, { ok: true, data: { userId: '1000001', ownerId: '60000001', email: 'alex@example.com' } }),
    } as unknown as HostApi;
    const { pinia } = mountInApp(defineComponent({ render: () => null }), { host });
    const workspace = useWorkspaceStore(pinia);
    await Promise.all([workspace.load(), workspace.load(), workspace.load()]);
    expect(asked).toBe(1);
    expect(workspace.loaded).toBe(true);
    expect(workspace.ownerId).toBe('60000001');
    await workspace.load();
    expect(asked).toBe(2);
  });
});
