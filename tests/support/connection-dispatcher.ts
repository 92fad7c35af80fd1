import type { ConnectionManager } from '../../src-main/crm/connection';
import { createCrmGateway } from '../../src-main/crm/gateway';
import { createDispatcher } from '../../src-main/host/dispatch';
import { createHostHandlers } from '../../src-main/host/handlers';

/** The one dispatcher both hosts use, over `connections`, with a gateway that tries once and no desktop. */
export function connectionDispatcher(connections: ConnectionManager, log: (line: string) => void = () => {}) {
  const handlers = createHostHandlers({
    appInfo: () => ({ name: 'CS Workspace', version: '0.0.0', platform: 'linux', host: 'web', locale: 'en' }),
    crm: createCrmGateway({ connection: connections, maxAttempts: 1 }),
    connections,
    notifier: { show: async () => true },
    opener: { open: async () => {} },
    network: { isOnline: () => true },
  });
  return createDispatcher(handlers, log);
}
