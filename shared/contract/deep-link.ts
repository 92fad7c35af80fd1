import { z } from 'zod';
import { CUSTOM_TASK_VIEW_ID, TASK_VIEW_IDS } from '../tasks/view-ids';

/**
 * Links into the workspace from outside (an e-mail, a chat, another app):
 * `cs-workspace://record/<type>/<id>` opens a record's preview, `cs-workspace://tasks/<view>`
 * a view of the Tasks tab. The OS hands the app any text that starts with the scheme, so one
 * parser decides, and anything else is refused with a reason (never opened, never guessed).
 */
export const DEEP_LINK_SCHEME = 'cs-workspace';

/** The record types the record preview shows. */
export const DEEP_LINK_RECORD_TYPES = ['companies', 'contacts', 'deals', 'tickets'] as const;

/** A CRM record id: HubSpot's are positive integers. */
const RECORD_ID = /^[1-9][0-9]{0,19}$/;
const MAX_LINK = 2048;

const isTaskView = (v: string) => (TASK_VIEW_IDS as readonly string[]).includes(v) || CUSTOM_TASK_VIEW_ID.test(v);

export const DeepLink = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), objectType: z.enum(DEEP_LINK_RECORD_TYPES), recordId: z.string().regex(RECORD_ID) }).strict(),
  z.object({ kind: z.literal('tasks'), view: z.string().max(100).refine(isTaskView, 'unknown task view') }).strict(),
]);
export type DeepLink = z.output<typeof DeepLink>;

/** Why a link was refused: safe to log (it never repeats the link, which may carry ids). */
export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: string };

const refuse = (reason: string): DeepLinkResult => ({ ok: false, reason });

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Reads a `cs-workspace://` link; a single trailing slash is tolerated (some launchers add one). */
export function parseDeepLink(url: string): DeepLinkResult {
  if (url.length > MAX_LINK) return refuse('too long');
  if ([...url].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f) || /\s/.test(url)) return refuse('contains spaces or control characters');
  const prefix = `${DEEP_LINK_SCHEME}://`;
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return refuse(`not a ${prefix} link`);
  if (/[?#]/.test(url)) return refuse('has a query or fragment');
  const rest = url.slice(prefix.length).replace(/\/$/, '');
  const [host, ...raw] = rest.split('/');
  const parts = raw.map(decode);
  if (parts.some((p) => p === null || p === '' || p.includes('/'))) return refuse('has an empty or malformed path segment');
  const segments = parts as string[];
  if (host === 'record') {
    const [objectType, recordId] = segments;
    if (segments.length !== 2 || objectType === undefined || recordId === undefined) return refuse('a record link is record/<type>/<id>');
    if (!(DEEP_LINK_RECORD_TYPES as readonly string[]).includes(objectType)) return refuse('unknown record type');
    if (!RECORD_ID.test(recordId)) return refuse('the record id is not a number');
    return { ok: true, link: DeepLink.parse({ kind: 'record', objectType, recordId }) };
  }
  if (host === 'tasks') {
    const [view] = segments;
    if (segments.length !== 1 || view === undefined) return refuse('a tasks link is tasks/<view>');
    if (!isTaskView(view)) return refuse('unknown task view');
    return { ok: true, link: { kind: 'tasks', view } };
  }
  return refuse('unknown link host');
}

/** The first argument that is one of our links (the OS puts it in argv on Windows and Linux). */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((a) => a.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase() === `${DEEP_LINK_SCHEME}:`) ?? null;
}

/**
 * The workspace route a link opens: the record's preview over the Portfolio tab (`?record=`,
 * which that tab reads with `recordFromQuery`), or the Tasks tab on that view.
 */
export function deepLinkRoute(link: DeepLink): string {
  if (link.kind === 'record') return `/portfolio?record=${link.objectType}/${link.recordId}`;
  return `/tasks?view=${encodeURIComponent(link.view)}`;
}

/** The record a `?record=<type>/<id>` route names, checked like a link; null for anything else. */
export function recordFromQuery(value: unknown): { objectType: (typeof DEEP_LINK_RECORD_TYPES)[number]; recordId: string } | null {
  if (typeof value !== 'string') return null;
  const r = parseDeepLink(`${DEEP_LINK_SCHEME}://record/${value}`);
  return r.ok && r.link.kind === 'record' ? { objectType: r.link.objectType, recordId: r.link.recordId } : null;
}
