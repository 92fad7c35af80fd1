import { isAllowedExternalUrl, type CallInput, type CallOutput, type HostHandlers } from '../../shared/contract';
import type { ConnectionManager } from '../crm/connection';
import type { CrmGateway } from '../crm/gateway';
import { HostCallError } from './dispatch';
import type { AppInfoSource, DesktopHost, ExportStore, ExternalOpener, NetworkMonitor, Notifier, UpdatesHost } from './services';

export interface HostDeps {
  appInfo: AppInfoSource;
  crm: CrmGateway;
  /** Connect and disconnect; a host without it (a test's fixed CRM) refuses both. */
  connections?: Pick<ConnectionManager, 'status' | 'connect' | 'disconnect' | 'setUser' | 'hubspotUrl' | 'setHubspotUrl' | 'switchPortal'>;
  notifier: Notifier;
  opener: ExternalOpener;
  network: NetworkMonitor;
  /** Saved-edits files in the data folder; a host without one (a test's) refuses the calls. */
  exports?: ExportStore;
  /** Tray, reminders from main, launch at login: the Electron host's; absent in the web host. */
  desktop?: DesktopHost;
  /** "Copy diagnostics"; a host without it refuses the call. */
  diagnostics?: { report(input: CallInput<'app:copyDiagnostics'>): Promise<CallOutput<'app:copyDiagnostics'>> };
  /** The app's own updates (the packaged desktop app); a host without them says `unavailable`. */
  updates?: UpdatesHost;
}

const NO_UPDATES = { phase: 'unavailable', reason: 'host' } as const;

/** Thin handlers: validation already happened in the dispatcher; each call is one delegation. */
export function createHostHandlers(deps: HostDeps) {
  return {
    'app:info': async () => deps.appInfo(),
    'crm:status': async () => deps.connections?.status() ?? deps.crm.status(),
    'crm:connect': async (req) => {
      if (!deps.connections) throw new HostCallError('NOT_ALLOWED', 'This host is tied to one CRM and cannot change it.');
      return deps.connections.connect(req);
    },
    'crm:disconnect': async () => {
      if (!deps.connections) throw new HostCallError('NOT_ALLOWED', 'This host is tied to one CRM and cannot change it.');
      return deps.connections.disconnect();
    },
    'crm:request': async (req) => deps.crm.request(req),
    'crm:whoami': async () => deps.crm.whoami(),
    'crm:setUser': async ({ userId }) => {
      if (!deps.connections) throw new HostCallError('NOT_ALLOWED', 'This host is tied to one CRM and its user cannot be changed here.');
      return deps.connections.setUser(userId);
    },
    'crm:hubspotUrl': async () => {
      if (!deps.connections) throw new HostCallError('NOT_ALLOWED', 'This host is tied to one CRM and connects to no HubSpot.');
      return deps.connections.hubspotUrl();
    },
    'crm:setHubspotUrl': async ({ url }) => {
      if (!deps.connections) throw new HostCallError('NOT_ALLOWED', 'This host is tied to one CRM and connects to no HubSpot.');
      return deps.connections.setHubspotUrl(url);
    },
    'crm:switchPortal': async ({ portalId }) => {
      if (!deps.connections) throw new HostCallError('NOT_ALLOWED', 'This host is tied to one CRM and cannot change it.');
      return deps.connections.switchPortal(portalId);
    },
    'notify:show': async (n) => ({ shown: await deps.notifier.show(n) }),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new HostCallError('NOT_ALLOWED', 'Only https:, mailto: and tel: links can be opened.');
      }
      await deps.opener.open(url);
      return { opened: true };
    },
    'net:status': async () => ({ online: deps.network.isOnline() }),
    'data:saveExport': async ({ content, file }) => exportsOf(deps).save(content, file),
    'data:listExports': async () => exportsOf(deps).list(),
    'data:readExport': async ({ file }) => exportsOf(deps).read(file),
    'desktop:setStatus': async (status) => {
      deps.desktop?.setStatus(status);
      return {};
    },
    'desktop:setTheme': async ({ theme }) => {
      deps.desktop?.setTheme(theme);
      return {};
    },
    'desktop:loginItem': async () => deps.desktop?.loginItem() ?? { supported: false, enabled: false },
    'desktop:setLoginItem': async ({ enabled }) => {
      if (!deps.desktop) throw new HostCallError('NOT_ALLOWED', 'This host cannot open the app at login.');
      return deps.desktop.setLoginItem(enabled);
    },
    'reminders:set': async (input) => {
      if (!deps.desktop) return { ownedByHost: false };
      await deps.desktop.setReminders(input);
      return { ownedByHost: true };
    },
    'reminders:takeActions': async () => deps.desktop?.takeActions() ?? { actions: [], open: null },
    'app:copyDiagnostics': async (input) => {
      if (!deps.diagnostics) throw new HostCallError('NOT_ALLOWED', 'This host makes no diagnostics report.');
      return deps.diagnostics.report(input);
    },
    'updates:status': async () => deps.updates?.state() ?? NO_UPDATES,
    'updates:check': async () => (deps.updates ? deps.updates.check() : NO_UPDATES),
    'updates:install': async () => deps.updates?.install() ?? NO_UPDATES,
  } satisfies HostHandlers;
}

function exportsOf(deps: HostDeps): ExportStore {
  if (!deps.exports) throw new HostCallError('NOT_ALLOWED', 'This host keeps no files of saved edits.');
  return deps.exports;
}
