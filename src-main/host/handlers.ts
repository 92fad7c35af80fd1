import { isAllowedExternalUrl, type HostHandlers } from '../../shared/contract';
import type { CrmGateway } from '../crm/gateway';
import { HostCallError } from './dispatch';
import type { AppInfoSource, ExternalOpener, NetworkMonitor, Notifier } from './services';

export interface HostDeps {
  appInfo: AppInfoSource;
  crm: CrmGateway;
  notifier: Notifier;
  opener: ExternalOpener;
  network: NetworkMonitor;
}

/** Thin handlers: validation already happened in the dispatcher; each call is one delegation. */
export function createHostHandlers(deps: HostDeps) {
  return {
    'app:info': async () => deps.appInfo(),
    'crm:status': async () => deps.crm.status(),
    'crm:request': async (req) => deps.crm.request(req),
    'crm:whoami': async () => deps.crm.whoami(),
    'notify:show': async (n) => ({ shown: await deps.notifier.show(n) }),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new HostCallError('NOT_ALLOWED', 'Only https:, mailto: and tel: links can be opened.');
      }
      await deps.opener.open(url);
      return { opened: true };
    },
    'net:status': async () => ({ online: deps.network.isOnline() }),
  } satisfies HostHandlers;
}
