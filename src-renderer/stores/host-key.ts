import { inject, type InjectionKey } from 'vue';
import type { HostApi } from '../../shared/contract';
import { send, type CrmPort, type HubspotCall, type Sent } from '../../shared/hubspot';

/** The host is provided once at app start; setup stores inject it (components never do). */
export const HOST_KEY: InjectionKey<HostApi> = Symbol('host');

export function useHost(): HostApi {
  const host = inject(HOST_KEY);
  if (!host) throw new Error('The host bridge was not provided to the app.');
  return host;
}

/** HubSpot calls through the host (shared/hubspot: the one place that knows paths and shapes). */
export function hubspotVia(host: HostApi): <T>(call: HubspotCall<T>) => Promise<Sent<T>> {
  const port: CrmPort = { request: (req) => host['crm:request'](req) };
  return (call) => send(port, call);
}
