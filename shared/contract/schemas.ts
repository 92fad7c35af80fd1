import { z } from 'zod';
import { checkHubspotUrl } from './hubspot-url';
import { CrmPortal } from './portals';

/**
 * Payload schemas of the host contract. Every value that crosses the bridge is parsed
 * against one of these on the host side; the renderer's types are inferred from them.
 */

export const Empty = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Which host implementation answers; shown in About, never used for branching in features. */
  host: z.enum(['electron', 'web']),
  locale: z.string(),
});

/** Paths the CRM gateway may reach: the HubSpot API families the app uses, nothing else. */
export const CRM_PATH_PREFIXES = ['/crm/', '/crm-object-schemas/', '/settings/', '/account-info/'] as const;

/**
 * Why a CRM path is refused, or null when it may be sent. The path is judged the way the
 * URL parser will read it: a dot segment hidden behind percent-encoding (`%2e%2e`), an
 * encoded slash or backslash (`%2f`, `%5c`), a double encoding (`%25…`) or a raw backslash
 * (which URL parsers read as `/`) could otherwise walk out of the allowed prefixes once
 * normalised. The gateway checks the normalised URL again before anything is sent.
 */
export function crmPathProblem(p: string): string | null {
  if (!CRM_PATH_PREFIXES.some((prefix) => p.startsWith(prefix))) return `path must start with one of ${CRM_PATH_PREFIXES.join(', ')}`;
  if (/[?#\s\\]/.test(p) || /%(2e|2f|5c|25)/i.test(p) || p.includes('//') || p.includes('..') || p.split('/').includes('.')) {
    return 'path must be a plain absolute path without query, fragment, dot segments, backslashes or encoded dots, slashes or percent signs';
  }
  return null;
}

const CrmPath = z
  .string()
  .max(2048)
  .superRefine((p, ctx) => {
    const problem = crmPathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const CrmRequest = z
  .object({
    method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
    path: CrmPath,
    query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    body: z.unknown().optional(),
    /** Search calls are metered by HubSpot's separate per-second bucket. */
    bucket: z.enum(['standard', 'search']).optional(),
    /** Bulk background reads (reconcile, sweep): the gateway paces them below the client's full rate. */
    priority: z.enum(['normal', 'background']).optional(),
    /** The portal whose local store sends it (the sync worker's): refused when the host is on another one. */
    portalId: z.number().int().positive().optional(),
  })
  .strict();

/**
 * The portal's daily API budget as the gateway last read it from HubSpot's rate-limit
 * headers; `dailyLow` below 10 % left (shared/sync/rate-budget.ts): the sync then polls less.
 */
export const CrmBudget = z.object({ daily: z.number(), dailyRemaining: z.number(), dailyLow: z.boolean() });

export const CrmResponse = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  budget: CrmBudget.optional(),
});

export const CrmStatus = z.object({
  connected: z.boolean(),
  kind: z.enum(['demo', 'hubspot']).nullable(),
  /** Where the CRM lives, for display (the demo CRM's local URL, or the HubSpot API host). */
  baseUrl: z.string().nullable(),
  /** HubSpot: how the app holds the portal — signed in (OAuth) or a pasted key — and what kind of key. */
  auth: z.enum(['oauth', 'service-key', 'private-app']).nullable().optional(),
  /** HubSpot: the portal the credential belongs to (from token info or `/account-info/v3/details`). */
  portalId: z.number().int().nullable().optional(),
  /** OAuth: HubSpot refused the refresh token (revoked, expired): sync waits, edits kept, "Sign in again". */
  signedOut: z.boolean().optional(),
  /** Whether "Sign in with HubSpot" is set up on this host (docs/oauth.md). */
  oauthAvailable: z.boolean().optional(),
  /** HubSpot: the portals connected at this address when there is another to switch to (Settings lists them). */
  portals: z.array(CrmPortal).optional(),
});

/** A signed-in user the connection acts for (the answer of `crm:setUser`). */
export const CrmUserIdentity = z.object({ userId: z.string(), ownerId: z.string().nullable(), email: z.string().nullable() });

/**
 * The CRM user the connection acts for. A HubSpot private-app token belongs to the app, not
 * to a user, so the user picks themselves ("Who are you?", `crm:setUser`); the demo CRM says
 * which of its users is signed in. Null while nobody has been chosen.
 */
export const CrmIdentity = CrmUserIdentity.nullable();

/**
 * "Who are you?": the CRM user this workspace acts for, by HubSpot user id (digits). The
 * host checks it against the CRM's users; an unknown id is refused and nothing changes.
 */
export const CrmSetUserRequest = z
  .object({
    userId: z.string({ message: 'userId must be text' }).regex(/^[0-9]{1,20}$/, { message: 'userId must be a CRM user id (1 to 20 digits)' }),
  })
  .strict();

export const NotificationRequest = z
  .object({
    id: z.string().min(1).max(200),
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    /** What a click opens: a route inside the workspace, e.g. `/tasks?task=123`. */
    target: z
      .string()
      .max(500)
      .regex(/^\/[A-Za-z0-9/_?=&%.-]*$/, 'target must be a workspace route starting with /')
      .optional(),
  })
  .strict();

export const OpenExternalRequest = z.object({ url: z.string().min(1).max(4096) }).strict();

export const OnlineState = z.object({ online: z.boolean() });

export const ResumeEvent = z.object({ at: z.number() });

/**
 * What the host knows of the machine's power and presence (Electron: `powerMonitor`):
 * running on battery, and the user away from the whole computer (no input for minutes, or the
 * screen locked). The sync polls slowly in either case; the page adds what it sees itself
 * (its window hidden, no input in it). Sent on change and again now and then, so a page that
 * loaded later learns it.
 */
export const PowerState = z.object({ onBattery: z.boolean(), idle: z.boolean() });

export const NotificationClick = z.object({ id: z.string(), target: z.string().optional() });

/**
 * A HubSpot access token (private app, service key or OAuth access token): an RFC 6750
 * bearer token, 8 to 512 characters. The messages never repeat the value, so a refusal can
 * be shown and logged without leaking what was typed.
 */
export const HubspotToken = z
  .string({ message: 'token must be text' })
  .min(8, { message: 'the token is too short to be an access token (at least 8 characters)' })
  .max(512, { message: 'the token is too long to be an access token (at most 512 characters)' })
  .regex(/^[A-Za-z0-9\-._~+/]+=*$/, {
    message: 'the token may contain only letters, digits and - . _ ~ + / (no spaces or line breaks)',
  });

/**
 * A HubSpot API address (`checkHubspotUrl`), normalised on the way in: https, or http for
 * this computer only; no credentials, query or fragment; no trailing slash.
 */
export const HubspotUrl = z.string({ message: 'url must be text' }).transform((raw, ctx) => {
  const checked = checkHubspotUrl(raw);
  if (checked.ok) return checked.url;
  ctx.addIssue({ code: 'custom', message: checked.problem });
  return z.NEVER;
});

/** Settings → CRM connection → "Advanced: HubSpot API address"; null goes back to HubSpot's own. */
export const SetHubspotUrlRequest = z.object({ url: HubspotUrl.nullable() }).strict();

/**
 * The address the next "Connect HubSpot" uses, and why: HubSpot's own (`default`), the one
 * saved in Settings (`saved`), or `--hubspot-url` (`command-line`, which Settings cannot change).
 */
export const HubspotUrlInfo = z.object({
  url: z.string(),
  source: z.enum(['default', 'saved', 'command-line']),
  defaultUrl: z.string(),
});

export const CrmConnectRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }).strict(),
  z.object({ kind: z.literal('hubspot'), token: HubspotToken }).strict(),
  /** "Sign in with HubSpot": main runs the whole OAuth flow, no token comes through here; `again`: only as the signed-out user. */
  z.object({ kind: z.literal('hubspot-oauth'), again: z.literal(true).optional() }).strict(),
]);

/**
 * A file of saved local edits, named by the host (never a path: it always lives in the data
 * folder's `exports/`): `cs-workspace-edits-YYYYMMDD-HHMMSS-xxxxxx.json`.
 */
export const ExportFileName = z
  .string()
  .regex(/^cs-workspace-edits-\d{8}-\d{6}-[a-z0-9]{6}\.json$/, { message: 'file must be the name of a saved-edits file made by the host' });

/** The largest piece of an export one call carries; a larger export comes in several calls (the web host takes ≤ 5 MB a call). */
export const EXPORT_PART_CHARS = 1_000_000;

export const SaveExportRequest = z
  .object({
    /** A piece of the export's JSON text. */
    content: z.string().max(EXPORT_PART_CHARS),
    /** Absent: a new file; else append to this file, made by an earlier call. */
    file: ExportFileName.optional(),
  })
  .strict();

export const SavedExport = z.object({
  file: ExportFileName,
  /** Where it is on this computer, to tell the user. */
  path: z.string(),
});

export const ExportListing = z.object({
  folder: z.string(),
  files: z.array(z.object({ file: ExportFileName, bytes: z.number().int().nonnegative(), modifiedAt: z.number() })),
});

export const ReadExportRequest = z.object({ file: ExportFileName }).strict();

export const ExportContent = z.object({ content: z.string() });

/**
 * What the tray shows (Electron; the web host ignores it): the edits waiting for the CRM
 * (null while the local store has not answered) and the next due task — its id, subject
 * and due time, nothing else of it.
 */
export const DesktopStatus = z
  .object({
    pendingEdits: z.number().int().nonnegative().nullable(),
    nextDue: z
      .object({ id: z.string().min(1).max(200), subject: z.string().max(200), dueAt: z.number() })
      .strict()
      .nullable(),
  })
  .strict();

/** The most upcoming tasks the renderer hands to the host's reminder runner in one call. */
export const MAX_REMINDER_TASKS = 2000;

/**
 * The open tasks the host reminds of: id, subject, due and reminder times only (no notes, no company). `enabled` is the user's
 * switch (Tasks → notifications); `timeZone` the workspace's (current) zone, so a notice says "due at 09:30" in the user's time;
 * `homeTimeZone` the home zone while away from it (the notice adds home time), else null or absent. */
export const ReminderTasks = z
  .object({
    enabled: z.boolean(),
    timeZone: z.string().min(1).max(100),
    homeTimeZone: z.string().min(1).max(100).nullable().optional(),
    tasks: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            subject: z.string().max(200),
            dueAt: z.number().nullable(),
            reminders: z.array(z.number()).max(20),
          })
          .strict(),
      )
      .max(MAX_REMINDER_TASKS),
  })
  .strict();

/** Whether the host announces due tasks itself (Electron, from main); else the page does (web host). */
export const RemindersOwner = z.object({ ownedByHost: z.boolean() });

/** What the user chose on a reminder while perhaps no page was there: done in the page, through the outbox. */
export const TaskAction = z.object({ taskId: z.string().min(1).max(200), action: z.literal('complete') });
/**
 * `open`: a route a reminder's click asked for while no page was there to take it (the window
 * had to be made again, its page loading from scratch); the new page opens it.
 */
export const TaskActions = z.object({ actions: z.array(TaskAction), open: z.string().nullable() });

/** Settings → "Open CS Workspace when I log in" (macOS and Windows; elsewhere unsupported). */
export const LoginItemState = z.object({ supported: z.boolean(), enabled: z.boolean() });
export const SetLoginItemRequest = z.object({ enabled: z.boolean() }).strict();

/**
 * Settings → "Copy diagnostics": what the page adds to the host's part — the sync's state and
 * the outbox's size, never a record's content. The host redacts the error text once more.
 */
export const DiagnosticsRequest = z
  .object({
    sync: z
      .object({
        phase: z.string().max(40),
        running: z.boolean(),
        lastSyncedAt: z.number().nullable(),
        lastError: z.string().max(2000).nullable(),
      })
      .strict(),
    outbox: z
      .object({ pending: z.number().int().nonnegative().nullable(), attention: z.number().int().nonnegative(), conflicts: z.number().int().nonnegative() })
      .strict(),
  })
  .strict();

/** The report as text, and whether the host put it on the clipboard (the web host cannot: the page copies it). */
export const DiagnosticsReport = z.object({ text: z.string(), copied: z.boolean() });
