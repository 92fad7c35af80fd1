import { hasSeat, managesCsSettings, type CrmUser, type Decision } from '../domain/permissions';

/**
 * Editing health scores changes what every user of the CRM account sees, so it needs both a
 * paid seat and "Manage customer success settings" (super admins hold every permission, but
 * still need a seat: product.md §1, §8). Shared by the editor's buttons and the store's save.
 */
export function decideHealthEdit(user: CrmUser | null | undefined): Decision {
  if (!user) return { allowed: false, reason: 'unknownUser' };
  if (!hasSeat(user)) return { allowed: false, reason: 'noSeat' };
  if (!managesCsSettings(user)) return { allowed: false, reason: 'needsSettingsPermission' };
  return { allowed: true };
}
