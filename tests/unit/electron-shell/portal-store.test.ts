import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPersistentPortalStore, PORTALS_DIR } from '../../../src-main/electron/portal-store';
import { createFakeSafeStorage } from '../../support/fake-electron';

/** The desktop app's kept HubSpot portals: one keychain-encrypted credential per portal, the rest in plain JSON. */
describe('createPersistentPortalStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'portals-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const portal = (portalId: number, token: string) => ({
    kind: 'hubspot' as const,
    baseUrl: 'https://api.hubapi.com',
    token,
    portalId,
    auth: 'service-key' as const,
  });

  it('keeps each portal’s credential apart, encrypted, and across restarts; remove forgets one', () => {
    const store = createPersistentPortalStore({ safeStorage: createFakeSafeStorage(), dataDir });
    store.put(portal(9000001, 'key-of-portal-a'));
    store.put(portal(9000002, 'key-of-portal-b'));
    for (const name of readdirSync(join(dataDir, PORTALS_DIR))) {
      const text = readFileSync(join(dataDir, PORTALS_DIR, name)).toString();
      expect(text).not.toContain('key-of-portal');
    }
    const again = createPersistentPortalStore({ safeStorage: createFakeSafeStorage(), dataDir });
    expect(again.list().sort((x, y) => x.portalId - y.portalId)).toEqual([
      expect.objectContaining({ portalId: 9000001, token: 'key-of-portal-a' }),
      expect.objectContaining({ portalId: 9000002, token: 'key-of-portal-b' }),
    ]);
    again.remove(9000001);
    expect(again.list()).toEqual([expect.objectContaining({ portalId: 9000002, token: 'key-of-portal-b' })]);
    expect(readdirSync(join(dataDir, PORTALS_DIR)).sort()).toEqual(['9000002.bin', '9000002.json']);
  });

  it('refuses to keep a credential without a keychain (Linux basic_text), writing nothing', () => {
    const safeStorage = createFakeSafeStorage();
    safeStorage.backend = 'basic_text';
    const store = createPersistentPortalStore({ safeStorage, dataDir, platform: 'linux' });
    expect(() => store.put(portal(9000001, 'key-of-portal-a'))).toThrow(/no keyring/);
    expect(store.list()).toEqual([]);
  });
});
