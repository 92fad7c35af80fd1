import type { Page } from '@playwright/test';
import { FIXED_NOW } from '../e2e/fixtures';

/** The large dataset's share of the default user (feed-render.spec.ts, profile-feed.spec.ts). */
export const ACCOUNTS = 12_500;
export const ME = '60000001';

/**
 * In the page: rows and the count of the 14-day window are on screen. The feed's query answers
 * once, from "0 activities" while it loads to the full count; the count itself drifts by an item
 * or two between runs as the window's start moves with the clock, so it is not compared exactly.
 */
export const FEED_SHOWN = `() => Number(/^(\\d+) activities/.exec(document.querySelector('[aria-label="Activities shown"]')?.textContent ?? '')?.[1] ?? 0) > 10000 && document.querySelectorAll('article[data-item-id]').length > 0`;

/** Writes the default user's share of the large dataset into the app's IndexedDB; returns row counts. */
export function inject(page: Page) {
  return page.evaluate(
    async ([accounts, me, now]) => {
      const DAY = 86_400_000;
      let s = 7;
      const r = () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
      const iso = (ms: number) => new Date(ms).toISOString();
      const ago = (fromDays: number, toDays = 0) => iso(now - Math.floor((toDays + r() * (fromDays - toDays)) * DAY));
      const sequences = ['Onboarding sequence', 'Renewal nurture', 'Adoption boost', 'Expansion outreach'];
      const rows: Record<string, unknown[]> = { companies: [], contacts: [], emails: [], meetings: [], calls: [], tickets: [], associations: [] };
      const push = (table: string, row: unknown) => (rows[table] as unknown[]).push(row);
      const record = (id: string, properties: Record<string, string>, extra: Record<string, unknown> = {}) => {
        const created = properties.createdate ?? iso(now - 100 * DAY);
        return { id, properties, createdAt: created, updatedAt: created, archived: false, ...extra };
      };
      const link = (fromType: string, fromId: string, toType: string, toId: string, typeId: number, reverse: number) => {
        push('associations', { fromType, fromId, toType, toId, typeIds: [typeId] });
        push('associations', { fromType: toType, fromId: toId, toType: fromType, toId: fromId, typeIds: [reverse] });
      };
      for (let a = 0; a < accounts; a++) {
        const company = String(91_000_000 + a);
        push('companies', record(company, { name: `Bench account ${a}`, csm_owner: me, hubspot_owner_id: me }, { ownerId: me, csmOwnerId: me }));
        const contacts: string[] = [];
        for (let k = 0; k < 3; k++) {
          const id = String(92_000_000 + a * 3 + k);
          contacts.push(id);
          const p: Record<string, string> = {
            firstname: `First${a}`,
            lastname: `Last${k}`,
            email: `c${id}@bench.example`,
            phone: '+48 600 100 200',
            hs_email_last_email_name: 'Your quarterly usage report',
          };
          if (r() < 0.6) p.hs_email_last_open_date = ago(21);
          if (r() < 0.3) p.hs_email_last_click_date = ago(21);
          if (r() < 0.2) p.hs_email_last_reply_date = ago(21);
          if (r() < 0.5) p.hs_analytics_last_visit_timestamp = ago(14);
          if (r() < 0.15) Object.assign(p, { recent_conversion_date: ago(21), recent_conversion_event_name: 'Pricing page form' });
          const sequence = sequences[Math.floor(r() * sequences.length)] ?? '';
          if (r() < 0.12)
            Object.assign(p, { hs_sequences_is_enrolled: 'true', hs_latest_sequence_enrolled: sequence, hs_latest_sequence_enrolled_date: ago(14) });
          else if (r() < 0.25)
            Object.assign(p, {
              hs_sequences_is_enrolled: 'false',
              hs_latest_sequence_enrolled: sequence,
              hs_latest_sequence_enrolled_date: ago(36, 20),
              [r() < 0.45 ? 'hs_latest_sequence_finished_date' : 'hs_latest_sequence_unenrolled_date']: ago(20),
            });
          push('contacts', record(id, p, { ownerId: me }));
          link('contacts', id, 'companies', company, k === 0 ? 1 : 279, k === 0 ? 2 : 280);
        }
        const contact = () => contacts[Math.floor(r() * contacts.length)] ?? '';
        let n = 0;
        const engagement = (type: string, props: Record<string, string>, toContact: number, fromContact: number) => {
          const id = String(93_000_000 + a * 20 + n++);
          // The index field the app's writes derive from hs_timestamp (db/index-fields.ts), which the feed reads by.
          push(type, record(id, props, { ownerId: me, ...(props.hs_timestamp ? { dueAt: Date.parse(props.hs_timestamp) } : {}) }));
          link(type, id, 'contacts', contact(), toContact, fromContact);
        };
        for (let i = 0; i < 3; i++)
          engagement(
            'emails',
            { hs_timestamp: ago(30), hs_email_direction: r() < 0.5 ? 'EMAIL' : 'INCOMING_EMAIL', hs_email_subject: 'Re: renewal proposal' },
            198,
            197,
          );
        for (let i = r() < 0.5 ? 2 : 1; i > 0; i--)
          engagement(
            'meetings',
            { hs_timestamp: ago(30, -21), createdate: ago(40), hs_meeting_title: 'Quarterly business review', hs_meeting_outcome: 'SCHEDULED' },
            200,
            199,
          );
        for (let i = 0; i < 2; i++) engagement('calls', { hs_timestamp: ago(45), hs_call_title: `Call with Bench account ${a}` }, 194, 193);
        for (let i = r() < 0.5 ? 1 : r() < 0.3 ? 2 : 0; i > 0; i--) engagement('tickets', { createdate: ago(60), subject: 'SSO login fails' }, 16, 15);
      }
      const open = indexedDB.open('cs-workspace');
      const db = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
      const counts: Record<string, number> = {};
      for (const [table, list] of Object.entries(rows)) {
        counts[table] = list.length;
        for (let i = 0; i < list.length; i += 20_000) {
          const tx = db.transaction(table, 'readwrite');
          const store = tx.objectStore(table);
          for (const row of list.slice(i, i + 20_000)) store.put(row);
          await new Promise((res) => (tx.oncomplete = res));
        }
      }
      db.close();
      return counts;
    },
    [ACCOUNTS, ME, FIXED_NOW] as const,
  );
}
