import type { CsDatabase } from '../database';
import type { PropertyRow } from '../rows';

/** Every synced property definition, of every object type (the property catalog's one read). */
export function allPropertyDefinitions(db: CsDatabase): Promise<PropertyRow[]> {
  return db.properties.toArray();
}
