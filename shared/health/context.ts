import type { PropertyKind } from '../views/kinds';
import type { ViewRecord } from '../views/context';

/** Everything evaluation depends on besides the score and the account; tests fix `now` and `timeZone`. */
export interface HealthContext {
  /** Epoch ms. */
  now: number;
  /** IANA zone of the user; "the last D days" end with today in this zone. */
  timeZone: string;
  accountObject: string;
  /** Property kinds per object type, from the CRM's property definitions. */
  propertyTypes: Readonly<Record<string, Readonly<Record<string, PropertyKind>>>>;
  /** Ticket stage id → its pipeline's `ticketState`; a stage missing here counts as open unless the ticket has a close date. */
  ticketStageStates?: Readonly<Record<string, 'OPEN' | 'CLOSED'>>;
  /** Owner id `@me` stands for in owner filters. */
  currentUserOwnerId?: string;
}

/** One account and the records associated with it, synced ⊕ pending local edits. */
export interface AccountData {
  account: ViewRecord;
  related(objectType: string): readonly ViewRecord[];
  /**
   * Each related record's `activityTime`, aligned with `related(objectType)`: a holder that
   * keeps them parsed (HealthBook) spares every evaluation the parsing; without it they are
   * parsed and cached per record.
   */
  activityTimes?(objectType: string): ReadonlyArray<number | undefined>;
}
