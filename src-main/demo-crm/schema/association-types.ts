/**
 * HUBSPOT_DEFINED association type ids (docs/hubspot-api.md §5, the Node client's
 * AssociationTypes enum). Each pair is [fromType, toType, id, reverseId, label].
 * subscription ↔ company uses ids of our own (custom objects get account-specific ids).
 */
type Pair = [from: string, to: string, id: number, reverse: number, label: string | null, reverseLabel?: string];

const PAIRS: Pair[] = [
  ['contacts', 'companies', 279, 280, null],
  ['contacts', 'companies', 1, 2, 'Primary'],
  ['deals', 'companies', 341, 342, null],
  ['deals', 'companies', 5, 6, 'Primary'],
  ['tickets', 'companies', 339, 340, null],
  ['tickets', 'companies', 26, 25, 'Primary'],
  ['deals', 'contacts', 3, 4, null],
  ['tickets', 'contacts', 16, 15, null],
  ['tickets', 'deals', 28, 27, null],
  ['tasks', 'companies', 192, 191, null],
  ['tasks', 'contacts', 204, 203, null],
  ['tasks', 'deals', 216, 215, null],
  ['tasks', 'tickets', 230, 229, null],
  ['notes', 'companies', 190, 189, null],
  ['notes', 'contacts', 202, 201, null],
  ['notes', 'deals', 214, 213, null],
  ['notes', 'tickets', 228, 227, null],
  ['meetings', 'companies', 188, 187, null],
  ['meetings', 'contacts', 200, 199, null],
  ['meetings', 'deals', 212, 211, null],
  ['meetings', 'tickets', 226, 225, null],
  ['calls', 'companies', 182, 181, null],
  ['calls', 'contacts', 194, 193, null],
  ['calls', 'deals', 206, 205, null],
  ['calls', 'tickets', 220, 219, null],
  ['emails', 'companies', 186, 185, null],
  ['emails', 'contacts', 198, 197, null],
  ['emails', 'deals', 210, 209, null],
  ['emails', 'tickets', 224, 223, null],
  ['subscriptions', 'companies', 1101, 1102, null],
  // Companies with companies: plain, and parent → child (13; the reverse, 14, points to the parent).
  ['companies', 'companies', 450, 450, null],
  ['companies', 'companies', 13, 14, 'Child Company', 'Parent Company'],
];

export interface AssocTypeDef {
  from: string;
  to: string;
  id: number;
  reverse: number;
  label: string | null;
}

const byId = new Map<string, AssocTypeDef>();
const defaults = new Map<string, AssocTypeDef>();
for (const [from, to, id, reverse, label, reverseLabel] of PAIRS) {
  const a: AssocTypeDef = { from, to, id, reverse, label };
  const b: AssocTypeDef = { from: to, to: from, id: reverse, reverse: id, label: reverseLabel ?? label };
  for (const d of [a, b]) {
    byId.set(`${d.from}|${d.to}|${d.id}`, d);
    if (label === null) defaults.set(`${d.from}|${d.to}`, d);
  }
}

export const assocType = (from: string, to: string, id: number): AssocTypeDef | undefined => byId.get(`${from}|${to}|${id}`);
export const defaultAssocType = (from: string, to: string): AssocTypeDef | undefined => defaults.get(`${from}|${to}`);

/** Finds the type of a typeId used from `from` when the target type is not named (inline create associations). */
export function assocTypeFrom(from: string, id: number): AssocTypeDef | undefined {
  for (const d of byId.values()) if (d.from === from && d.id === id) return d;
  return undefined;
}

const UNLABELED_WHEN_LABELS_EXIST = new Set([279, 280, 341, 342, 339, 340]);

/** The v3 inline association `type` string, e.g. `contact_to_company` / `contact_to_company_unlabeled`. */
export function assocTypeName(fromSingular: string, toSingular: string, id: number): string {
  return `${fromSingular}_to_${toSingular}${UNLABELED_WHEN_LABELS_EXIST.has(id) ? '_unlabeled' : ''}`;
}
