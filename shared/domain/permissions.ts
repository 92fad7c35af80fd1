/**
 * Who may do what in the workspace, mirroring HubSpot's Customer Success workspace rules
 * (docs/product.md §1). Pure functions of the CRM user (`/settings/v3/users/{id}`), so the
 * same rules guard the buttons and the stores that carry out the actions.
 */

/** The fields of HubSpot's PublicUser the rules read; `x-demo-permissions` is the demo CRM's extension. */
export interface CrmUser {
  id: string;
  superAdmin?: boolean;
  seatNames?: string[];
  roleIds?: string[];
  'x-demo-permissions'?: string[];
}

export const MANAGE_CS_SETTINGS = 'manage-customer-success-settings';

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/**
 * A stored or fetched user record as the rules read it: fields of the wrong type are
 * dropped (a malformed `superAdmin` is not a super admin), null without an id.
 */
export function toCrmUser(row: unknown): CrmUser | null {
  if (!row || typeof row !== 'object') return null;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string') return null;
  const seatNames = strings(r.seatNames);
  const roleIds = strings(r.roleIds);
  const perms = strings(r['x-demo-permissions']);
  return {
    id: r.id,
    ...(r.superAdmin === true ? { superAdmin: true } : {}),
    ...(seatNames ? { seatNames } : {}),
    ...(roleIds ? { roleIds } : {}),
    ...(perms ? { 'x-demo-permissions': perms } : {}),
  };
}

export const WORKSPACE_TABS = ['summary', 'portfolio', 'pipelines', 'schedule', 'tasks', 'feed'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export type Action =
  | `tab:${WorkspaceTab}`
  | 'reports:view'
  | 'reports:add'
  | 'health:edit'
  | 'views:shareEveryone'
  | 'views:feature'
  | 'workspace:configure'
  | 'summary:switchUser';

/** Why an action is refused; the UI turns the reason into a sentence. */
export type DenyReason = 'noSeat' | 'needsSettingsPermission' | 'needsSuperAdmin' | 'unknownUser';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

export const hasSeat = (u: CrmUser): boolean => (u.seatNames ?? []).length > 0;
export const isSuperAdmin = (u: CrmUser): boolean => u.superAdmin === true;
/** Super admins hold every permission in HubSpot, including this one. */
export const managesCsSettings = (u: CrmUser): boolean => isSuperAdmin(u) || (u['x-demo-permissions'] ?? []).includes(MANAGE_CS_SETTINGS);

/**
 * A paid seat opens everything; a super admin without one gets Summary and its reports
 * only; settings-level actions need "manage customer success settings" (or super admin).
 * Without a user record (never synced and offline) everything is refused.
 */
export function decide(user: CrmUser | null, action: Action): Decision {
  if (!user) return deny('unknownUser');
  const seat = hasSeat(user);
  const summaryOnly = !seat && isSuperAdmin(user);
  switch (action) {
    case 'tab:summary':
    case 'reports:view':
    case 'reports:add':
      return seat || summaryOnly ? ALLOW : deny('noSeat');
    case 'summary:switchUser':
      return isSuperAdmin(user) ? ALLOW : deny('needsSuperAdmin');
    case 'views:shareEveryone':
    case 'views:feature':
    case 'workspace:configure':
      if (!seat && !isSuperAdmin(user)) return deny('noSeat');
      return managesCsSettings(user) ? ALLOW : deny('needsSettingsPermission');
    case 'health:edit':
      // A score changes what every user of the CRM account sees: a paid seat (even for a
      // super admin) and the settings permission (docs/product.md §1, §8; issue 10).
      if (!seat) return deny('noSeat');
      return managesCsSettings(user) ? ALLOW : deny('needsSettingsPermission');
    default:
      // Every tab but Summary needs a paid seat.
      return seat ? ALLOW : deny('noSeat');
  }
}

export const can = (user: CrmUser | null, action: Action): boolean => decide(user, action).allowed;

/** The tabs this user may not open, with the reason to show on each lock. */
export function lockedTabs(user: CrmUser | null): Array<{ tab: WorkspaceTab; reason: DenyReason }> {
  const out: Array<{ tab: WorkspaceTab; reason: DenyReason }> = [];
  for (const tab of WORKSPACE_TABS) {
    const d = decide(user, `tab:${tab}`);
    if (!d.allowed) out.push({ tab, reason: d.reason });
  }
  return out;
}

/** Thrown by a store asked to carry out a refused action (the button should not have been there). */
export class PermissionError extends Error {
  constructor(
    readonly action: Action,
    readonly reason: DenyReason,
  ) {
    super(`Not allowed: ${action} (${reason})`);
    this.name = 'PermissionError';
  }
}

export function assertCan(user: CrmUser | null, action: Action): void {
  const d = decide(user, action);
  if (!d.allowed) throw new PermissionError(action, d.reason);
}
