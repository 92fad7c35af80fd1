import { computed, type ComputedRef, type Ref } from 'vue';
import { displayName } from '../../shared/records/display-name';
import type { StoredEntry } from '../../shared/sync';
import type { ViewRecord } from '../../shared/views';
import { resort } from '../../shared/pipelines/incremental';
import type { MergedRecord } from '../db';

export interface PipelineCardModel {
  id: string;
  properties: MergedRecord['properties'];
  record: MergedRecord;
  name: string;
  ownerName: string | null;
  /** The CRM rejected a move (or another edit) of this record: the entry waits for the user. */
  rejected: StoredEntry | null;
  conflict: boolean;
  /**
   * Changes whenever anything the card shows changes. A card rebuilt from a new record object
   * with the same content keeps its signature, so the board re-renders only cards whose signature moved.
   */
  sig: string;
}

/** Everything a card reads besides its record; a new context rebuilds every card. */
export interface CardContext {
  type: string;
  stageProperty: string;
  rejected: ReadonlyMap<string, StoredEntry>;
  conflicts: ReadonlySet<string>;
  ownerNames: ReadonlyMap<string, string>;
  unknownOwner: (id: string) => string;
}

export function buildCard(record: MergedRecord, c: CardContext): PipelineCardModel {
  const p = record.properties;
  const rejected = c.rejected.get(record.id) ?? null;
  const conflict = c.conflicts.has(record.id);
  // An owner the CRM no longer lists (deleted) is named as unknown, never "No owner".
  const ownerId = p.hubspot_owner_id;
  const ownerName = ownerId ? (c.ownerNames.get(ownerId) ?? c.unknownOwner(ownerId)) : null;
  const shown = [
    p[c.stageProperty],
    p.amount,
    p.closedate,
    p.hs_ticket_priority,
    p.hubspot_owner_id,
    ownerName,
    record.pending,
    conflict,
    rejected?.seq,
    rejected?.lastError?.message,
  ];
  return { id: record.id, properties: p, record, name: displayName(c.type, p, record.id), ownerName, rejected, conflict, sig: JSON.stringify(shown) };
}

/**
 * The cards passing the filters, by name. Incremental: a record object seen before keeps its
 * filter answer and its card until the filters or the card context change, and the sort starts
 * from the previous order; so a drop costs about one comparison per card, not a rebuild.
 */
export function useBoardCards(
  records: Ref<readonly MergedRecord[]>,
  matcher: Ref<(r: ViewRecord) => boolean>,
  context: Ref<CardContext>,
): ComputedRef<PipelineCardModel[]> {
  let cards = new WeakMap<MergedRecord, PipelineCardModel>();
  let cardsFor: CardContext | null = null;
  let matches = new WeakMap<MergedRecord, boolean>();
  let matchesFor: ((r: ViewRecord) => boolean) | null = null;
  let previous: PipelineCardModel[] = [];
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const compare = (a: PipelineCardModel, b: PipelineCardModel) => collator.compare(a.name, b.name) || a.record.id.localeCompare(b.record.id);
  return computed(() => {
    const c = context.value;
    const m = matcher.value;
    if (c !== cardsFor) [cards, cardsFor] = [new WeakMap(), c];
    if (m !== matchesFor) [matches, matchesFor] = [new WeakMap(), m];
    const out: PipelineCardModel[] = [];
    for (const r of records.value) {
      let ok = matches.get(r);
      if (ok === undefined) matches.set(r, (ok = m(r)));
      if (!ok) continue;
      let card = cards.get(r);
      if (!card) cards.set(r, (card = buildCard(r, c)));
      out.push(card);
    }
    return (previous = resort(out, previous, compare));
  });
}
