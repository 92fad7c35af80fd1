import {
  CALL_NAMES,
  EVENT_NAMES,
  type CallName,
  type EventName,
  type EventPayload,
  type HostApi,
  type Result,
} from '../../shared/contract';

/**
 * The contract over HTTP to the web host. The secret arrives in our own index.html (a
 * meta tag the web host writes) and is sent with every call; other origins cannot read it.
 */
export function createWebHost(secret: string, base = ''): HostApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function ensureStream() {
    if (source) return;
    source = new EventSource(`${base}/__host/events?secret=${encodeURIComponent(secret)}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (ev) => {
        const payload = JSON.parse((ev as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  async function call(name: CallName, input: unknown): Promise<Result<unknown>> {
    try {
      const res = await fetch(`${base}/__host/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cs-host-secret': secret },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      // The page could not reach its own host: to the user this is the same as being offline.
      return { ok: false, error: { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    ensureStream();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  };
  // One function per contract entry, each bound to its own channel; the host validates every payload.
  return { ...calls, on } as unknown as HostApi;
}
