export type ActivityKind = 'note' | 'email' | 'call' | 'task' | 'meeting';

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['note', 'email', 'call', 'task', 'meeting'];

/** What an activity form hands back; the caller creates the engagement through the outbox. */
export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  body: string;
  /** Epoch ms: when it happened (note, email, call), is due (task) or starts (meeting). */
  at: number;
  durationMin?: number;
}
