import type { CsDatabase } from '../database';
import type { OwnerRow, PropertyRow, UserRow } from '../rows';

/** Reference data the sync keeps: property definitions, owners, users. */

/** Every synced property definition, of every object type (the property catalog's one read). */
export function allPropertyDefinitions(db: CsDatabase): Promise<PropertyRow[]> {
  return db.properties.toArray();
}

/** Every CRM owner (the owners store's one read). */
export function allOwners(db: CsDatabase): Promise<OwnerRow[]> {
  return db.owners.toArray();
}

/** One CRM user (their seats and permissions), or undefined before the users have synced. */
export function userById(db: CsDatabase, userId: string): Promise<UserRow | undefined> {
  return db.users.get(userId);
}
