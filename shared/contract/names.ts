/**
 * Channel and event names only, without schemas, so the sandboxed preload can bundle
 * them without pulling in zod. `index.ts` checks at compile time that the schema maps
 * have exactly these keys.
 */
export const CALL_NAMES = [
  'app:info',
  'crm:status',
  'crm:connect',
  'crm:disconnect',
  'crm:request',
  'crm:whoami',
  'crm:setUser',
  'crm:hubspotUrl',
  'crm:setHubspotUrl',
  'crm:switchPortal',
  'notify:show',
  'shell:openExternal',
  'net:status',
  'data:saveExport',
  'data:listExports',
  'data:readExport',
  'desktop:setStatus',
  'desktop:loginItem',
  'desktop:setLoginItem',
  'desktop:setTheme',
  'reminders:set',
  'reminders:takeActions',
  'app:copyDiagnostics',
  'updates:status',
  'updates:check',
  'updates:install',
] as const;

export const EVENT_NAMES = [
  'onDidChangeOnline',
  'onDidResume',
  'onDidChangePower',
  'onDidClickNotification',
  'onDidRequestNotification',
  'onDidRequestSync',
  'onDidRequestTaskAction',
  'onDidOpenLink',
  'onDidChangeUpdate',
] as const;

/**
 * Not a call: the Electron preload asks main on this channel for a MessagePort that carries
 * `crm:request` straight from the sync worker to main, and main answers on it with the port.
 */
export const CRM_PORT_CHANNEL = 'crm:port';

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];
