import type { PortalSchema } from '../schema/registry';
import type { CrmRecord } from './types';

/**
 * Which record holds each value of a unique property (HubSpot refuses a second record with
 * the same value, and reads and upserts by it). Archived and removed records hold nothing;
 * an index is made on first use, since a property can be made unique after records exist.
 */
export class UniqueValues {
  private readonly maps = new Map<string, Map<string, string>>();

  constructor(private readonly schema: PortalSchema) {}

  /** The id of the record of `type` holding `value` in `property`, if the property is unique. */
  holder(type: string, property: string, value: string): string | undefined {
    return this.index(type, property)?.get(value);
  }

  /** A value of a live record changed from `old` to `value` ('' = emptied). */
  changed(record: CrmRecord, property: string, old: string | undefined, value: string): void {
    const map = this.index(record.type, property);
    if (!map) return;
    if (old !== undefined) map.delete(old);
    if (value !== '') map.set(value, record.id);
  }

  /** The first property of `record` whose value another record holds meanwhile, if any. */
  takenFrom(record: CrmRecord): string | undefined {
    return Object.entries(record.props).find(([name, value]) => {
      const other = this.index(record.type, name)?.get(value);
      return other !== undefined && other !== record.id;
    })?.[0];
  }

  /** `record` (live again, or loaded) holds its values. */
  claim(record: CrmRecord): void {
    for (const [name, value] of Object.entries(record.props)) if (value) this.index(record.type, name)?.set(value, record.id);
  }

  /** `record` (archived or removed) holds none of its values any more. */
  release(record: CrmRecord): void {
    for (const [name, value] of Object.entries(record.props)) {
      const map = this.maps.get(`${record.type}|${name}`);
      if (map?.get(value) === record.id) map.delete(value);
    }
  }

  private index(type: string, property: string): Map<string, string> | undefined {
    if (!this.schema.isUnique(type, property)) return undefined;
    let map = this.maps.get(`${type}|${property}`);
    if (!map) this.maps.set(`${type}|${property}`, (map = new Map()));
    return map;
  }
}
