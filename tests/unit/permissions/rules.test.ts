import { describe, expect, it } from 'vitest';
import { decideHealthEdit } from '../../../shared/health';
import { assertCan, can, decide, lockedTabs, PermissionError, toCrmUser, WORKSPACE_TABS, type Action, type CrmUser } from '../../../shared/domain/permissions';

/** The demo CRM's user shapes (src-main/demo-crm/schema/users.ts), as /settings/v3/users returns them. */
const SEAT = ['service-hub-professional'];
const MANAGE = ['manage-customer-success-settings'];
const USERS: Record<string, CrmUser> = {
  csmWithSettings: { id: '1000001', superAdmin: false, seatNames: SEAT, roleIds: ['9001'], 'x-demo-permissions': MANAGE },
  csm: { id: '1000002', superAdmin: false, seatNames: SEAT, roleIds: ['9002'], 'x-demo-permissions': [] },
  superAdminWithSeat: { id: '1000005', superAdmin: true, seatNames: SEAT, roleIds: ['9003'], 'x-demo-permissions': MANAGE },
  superAdminNoSeat: { id: '1000006', superAdmin: true, seatNames: [], roleIds: ['9004'], 'x-demo-permissions': MANAGE },
  noSeat: { id: '1000099', superAdmin: false, seatNames: [], roleIds: ['9002'], 'x-demo-permissions': [] },
};

const ALL: Action[] = [
  ...WORKSPACE_TABS.map((t) => `tab:${t}` as const),
  'reports:view',
  'reports:add',
  'health:edit',
  'views:shareEveryone',
  'views:feature',
  'workspace:configure',
  'summary:switchUser',
];
const allowed = (u: CrmUser | null) => ALL.filter((a) => can(u, a));

describe('a paid seat opens everything', () => {
  it('a CSM with a seat and the settings permission may do everything but switch users', () => {
    expect(allowed(USERS.csmWithSettings!)).toEqual(ALL.filter((a) => a !== 'summary:switchUser'));
    expect(lockedTabs(USERS.csmWithSettings!)).toEqual([]);
  });

  it('a super admin with a seat may do everything, including switching users', () => {
    expect(allowed(USERS.superAdminWithSeat!)).toEqual(ALL);
  });
});

describe('a super admin without a paid seat', () => {
  const u = USERS.superAdminNoSeat!;
  it('sees Summary only; every other tab is locked for want of a seat', () => {
    expect(lockedTabs(u)).toEqual(WORKSPACE_TABS.filter((t) => t !== 'summary').map((tab) => ({ tab, reason: 'noSeat' })));
    expect(can(u, 'tab:summary')).toBe(true);
  });
  it('may view and add reports but may not edit health scores', () => {
    expect(can(u, 'reports:view')).toBe(true);
    expect(can(u, 'reports:add')).toBe(true);
    expect(decide(u, 'health:edit')).toEqual({ allowed: false, reason: 'noSeat' });
  });
  it('as a super admin may share with Everyone, feature views and switch users', () => {
    expect(can(u, 'views:shareEveryone')).toBe(true);
    expect(can(u, 'views:feature')).toBe(true);
    expect(can(u, 'summary:switchUser')).toBe(true);
  });
});

describe('"Manage customer success settings"', () => {
  it('without it, a CSM may not share views with Everyone, feature views or change the setup', () => {
    const u = USERS.csm!;
    for (const a of ['views:shareEveryone', 'views:feature', 'workspace:configure'] as const) {
      expect(decide(u, a)).toEqual({ allowed: false, reason: 'needsSettingsPermission' });
    }
    expect(can(u, 'tab:portfolio')).toBe(true);
    expect(decide(u, 'health:edit')).toEqual({ allowed: false, reason: 'needsSettingsPermission' });
  });
  it('editing health scores needs it and a paid seat, the same rule as the health module', () => {
    for (const u of [...Object.values(USERS), null]) expect(decideHealthEdit(u)).toEqual(decide(u, 'health:edit'));
    expect(can(USERS.csmWithSettings!, 'health:edit')).toBe(true);
    expect(can(USERS.superAdminWithSeat!, 'health:edit')).toBe(true);
    expect(decide(USERS.superAdminNoSeat!, 'health:edit')).toEqual({ allowed: false, reason: 'noSeat' });
  });
  it('with it (or as a super admin), they may', () => {
    for (const u of [USERS.csmWithSettings!, USERS.superAdminWithSeat!, USERS.superAdminNoSeat!]) {
      expect(can(u, 'views:shareEveryone') && can(u, 'views:feature') && can(u, 'workspace:configure')).toBe(true);
    }
  });
});

describe('the user dropdown on Summary', () => {
  it('is for super admins only', () => {
    expect(decide(USERS.csmWithSettings!, 'summary:switchUser')).toEqual({ allowed: false, reason: 'needsSuperAdmin' });
    expect(can(USERS.csm!, 'summary:switchUser')).toBe(false);
    expect(can(USERS.superAdminWithSeat!, 'summary:switchUser')).toBe(true);
  });
});

describe('no seat and no super admin, or no user at all', () => {
  it('locks every tab', () => {
    expect(allowed(USERS.noSeat!)).toEqual([]);
    expect(lockedTabs(USERS.noSeat!).map((l) => l.reason)).toEqual(WORKSPACE_TABS.map(() => 'noSeat'));
    expect(allowed(null)).toEqual([]);
    expect(lockedTabs(null).every((l) => l.reason === 'unknownUser')).toBe(true);
  });
});

describe('assertCan', () => {
  it('throws a PermissionError carrying the action and reason', () => {
    expect(() => assertCan(USERS.csm!, 'views:shareEveryone')).toThrow(PermissionError);
    try {
      assertCan(USERS.superAdminNoSeat!, 'health:edit');
    } catch (e) {
      expect(e).toMatchObject({ action: 'health:edit', reason: 'noSeat' });
    }
    expect(() => assertCan(USERS.superAdminNoSeat!, 'reports:add')).not.toThrow();
  });
});

describe('toCrmUser', () => {
  it('reads a stored user row as the rules see it, dropping fields of the wrong type', () => {
    expect(toCrmUser({ id: '7', email: 'a@b.c', superAdmin: 'yes', seatNames: ['s', 3], 'x-demo-permissions': MANAGE })).toEqual({
      id: '7',
      seatNames: ['s'],
      'x-demo-permissions': MANAGE,
    });
    expect(toCrmUser(undefined)).toBeNull();
    expect(toCrmUser({ email: 'no-id@b.c' })).toBeNull();
    // The settings permission without a paid seat does not open Everyone views.
    expect(can(toCrmUser({ id: '8', seatNames: [], 'x-demo-permissions': MANAGE }), 'views:shareEveryone')).toBe(false);
  });
});
