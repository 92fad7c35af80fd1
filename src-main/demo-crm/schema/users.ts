/**
 * The demo account's users, owners and roles. A HubSpot private-app token belongs to one
 * user; `DEFAULT_USER_ID` is that user unless `POST /__demo/whoami` picks another.
 */
export const MANAGE_CS_SETTINGS = 'manage-customer-success-settings';

export interface DemoRole {
  id: string;
  name: string;
  requiresBillingWrite: boolean;
  /** Extension: permissions this role grants (HubSpot's API does not expose permission sets). */
  'x-demo-permissions': string[];
}

export interface DemoUser {
  id: string;
  ownerId: string;
  email: string;
  firstName: string;
  lastName: string;
  roleId: string;
  superAdmin: boolean;
  seatNames: string[];
  isCsm: boolean;
}

export const ROLES: readonly DemoRole[] = [
  { id: '9001', name: 'CS Lead', requiresBillingWrite: true, 'x-demo-permissions': [MANAGE_CS_SETTINGS] },
  { id: '9002', name: 'Customer Success Manager', requiresBillingWrite: true, 'x-demo-permissions': [] },
  { id: '9003', name: 'CS Director', requiresBillingWrite: true, 'x-demo-permissions': [MANAGE_CS_SETTINGS] },
  { id: '9004', name: 'Account Administrator', requiresBillingWrite: false, 'x-demo-permissions': [MANAGE_CS_SETTINGS] },
];

const SEAT = 'service-hub-professional';

const u = (id: string, first: string, last: string, roleId: string, superAdmin: boolean, seat: boolean, isCsm: boolean): DemoUser => ({
  id,
  ownerId: String(Number(id) + 59_000_000),
  email: `${first}.${last}@demo-crm.test`.toLowerCase(),
  firstName: first,
  lastName: last,
  roleId,
  superAdmin,
  seatNames: seat ? [SEAT] : [],
  isCsm,
});

export const USERS: readonly DemoUser[] = [
  u('1000001', 'Alex', 'Morgan', '9001', false, true, true),
  u('1000002', 'Sam', 'Kowalski', '9002', false, true, true),
  u('1000003', 'Jordan', 'Lee', '9002', false, true, true),
  u('1000004', 'Priya', 'Nair', '9002', false, true, true),
  u('1000005', 'Taylor', 'Brooks', '9003', true, true, false),
  u('1000006', 'Riley', 'Chen', '9004', true, false, false),
];

export const DEFAULT_USER_ID = '1000001';
export const CSM_USERS = USERS.filter((x) => x.isCsm);

export const findUser = (id: string): DemoUser | undefined => USERS.find((x) => x.id === id);
export const findOwner = (ownerId: string): DemoUser | undefined => USERS.find((x) => x.ownerId === ownerId);
export const permissionsOf = (user: DemoUser): string[] => ROLES.find((r) => r.id === user.roleId)?.['x-demo-permissions'] ?? [];

/** HubSpot's `PublicUser` plus the documented extension `x-demo-permissions`. */
export function publicUser(user: DemoUser): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    roleId: user.roleId,
    roleIds: [user.roleId],
    primaryTeamId: '7001',
    secondaryTeamIds: [],
    seatNames: user.seatNames,
    superAdmin: user.superAdmin,
    sendWelcomeEmail: false,
    'x-demo-permissions': permissionsOf(user),
  };
}

/** HubSpot's `PublicOwner`. Owner timestamps are fixed: owners predate the dataset. */
export function publicOwner(user: DemoUser): Record<string, unknown> {
  return {
    id: user.ownerId,
    email: user.email,
    type: 'PERSON',
    firstName: user.firstName,
    lastName: user.lastName,
    userId: Number(user.id),
    userIdIncludingInactive: Number(user.id),
    teams: [{ id: '7001', name: 'Customer Success', primary: true }],
    archived: false,
    createdAt: '2024-01-02T09:00:00.000Z',
    updatedAt: '2024-01-02T09:00:00.000Z',
  };
}
