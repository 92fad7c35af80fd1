import { decide, type CrmUser, type Decision } from '../domain/permissions';

/**
 * Editing health scores: the one rule is `decide(user, 'health:edit')` in
 * shared/domain/permissions.ts (a paid seat and "Manage customer success settings"; super
 * admins hold every permission but still need a seat). This name is kept for the editor and
 * the health store, which call it with the user row they read.
 */
export function decideHealthEdit(user: CrmUser | null | undefined): Decision {
  return decide(user ?? null, 'health:edit');
}
