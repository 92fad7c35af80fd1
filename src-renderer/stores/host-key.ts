import { inject, type InjectionKey } from 'vue';
import type { HostApi } from '../../shared/contract';

/** The host is provided once at app start; setup stores inject it (components never do). */
export const HOST_KEY: InjectionKey<HostApi> = Symbol('host');

export function useHost(): HostApi {
  const host = inject(HOST_KEY);
  if (!host) throw new Error('The host bridge was not provided to the app.');
  return host;
}
