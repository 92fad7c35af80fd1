import type { Props, SyncedType } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { applyEdit, type EditResult } from './edits';

type Targets = Array<{ toType: SyncedType; toId: string }>;

/** "Log email" / "log meeting": engagements created through the outbox like the other edits. */
export function logEmail(
  db: CsDatabase,
  e: { subject: string; body?: string; timestampMs: number; ownerId?: string; associations: Targets },
): Promise<EditResult> {
  const properties: Props = {
    hs_email_subject: e.subject,
    hs_timestamp: String(e.timestampMs),
    hs_email_direction: 'EMAIL',
    hs_email_status: 'SENT',
    ...(e.body ? { hs_email_text: e.body } : {}),
    ...(e.ownerId ? { hubspot_owner_id: e.ownerId } : {}),
  };
  return applyEdit(db, { kind: 'create', objectType: 'emails', properties, associations: e.associations, label: 'create' });
}

export function logMeeting(
  db: CsDatabase,
  m: { title: string; body?: string; startMs: number; endMs: number; ownerId?: string; associations: Targets },
): Promise<EditResult> {
  const properties: Props = {
    hs_meeting_title: m.title,
    hs_timestamp: String(m.startMs),
    hs_meeting_start_time: String(m.startMs),
    hs_meeting_end_time: String(m.endMs),
    ...(m.body ? { hs_meeting_body: m.body } : {}),
    ...(m.ownerId ? { hubspot_owner_id: m.ownerId } : {}),
  };
  return applyEdit(db, { kind: 'create', objectType: 'meetings', properties, associations: m.associations, label: 'create' });
}
