import { CALL_NAMES, EVENT_NAMES, type CallName, type EventName, type EventPayload, type HostApi, type Result } from '../../shared/contract';

/** How long the event stream waits before it reconnects after its host went away. */
const STREAM_RETRY_MS = 3_000;

/**
 * The contract over HTTP to the web host. The secret arrives in our own index.html (a
 * meta tag the web host writes) and is sent with every call; other origins cannot read it.
 *
 * The host makes a new secret at each start, and it keeps this data folder's address across
 * restarts (so this page and its local store outlive a restart). So once the host was
 * unreachable (or refuses the secret), the page reads the current secret from index.html
 * again before its next call, and queued edits go out without a reload.
 */
export function createWebHost(initialSecret: string, base = ''): HostApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let secret = initialSecret;
  let source: EventSource | null = null;
  let reopen: ReturnType<typeof setTimeout> | null = null;
  /** The host may have restarted since the secret was read. */
  let stale = false;

  /** Reads the current secret from index.html; true when it changed. */
  async function refreshSecret(): Promise<boolean> {
    try {
      const res = await fetch(`${base}/`, { cache: 'no-store' });
      const fresh = /<meta name="cs-host"[^>]*data-secret="([^"]+)"/.exec(await res.text())?.[1];
      if (!res.ok || !fresh) return false;
      stale = false;
      if (fresh === secret) return false;
      secret = fresh;
      // The stream was opened with the old secret: reopen it with the new one.
      if (source) {
        source.close();
        source = null;
        openStream();
      }
      return true;
    } catch {
      return false;
    }
  }

  function openStream() {
    if (source || listeners.size === 0) return;
    const es = new EventSource(`${base}/__host/events?secret=${encodeURIComponent(secret)}`);
    source = es;
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (ev) => {
        const payload = JSON.parse((ev as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
    // The host went away (stopped, restarted) or refused the secret: reconnect ourselves,
    // with the secret of whichever host answers then.
    es.onerror = () => {
      es.close();
      if (source === es) source = null;
      stale = true;
      if (reopen) return;
      reopen = setTimeout(() => {
        reopen = null;
        void refreshSecret().then(() => openStream());
      }, STREAM_RETRY_MS);
    };
  }

  async function send(name: CallName, input: unknown): Promise<Response> {
    return fetch(`${base}/__host/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cs-host-secret': secret },
      body: JSON.stringify(input ?? {}),
    });
  }

  async function call(name: CallName, input: unknown): Promise<Result<unknown>> {
    try {
      if (stale) await refreshSecret();
      let res = await send(name, input);
      if (res.status === 403 && (await refreshSecret())) res = await send(name, input);
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      stale = true;
      // The page could not reach its own host: to the user this is the same as being offline.
      return { ok: false, error: { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    openStream();
    return () => {
      set.delete(listener);
    };
  };
  // The sync worker calls the host itself, with the secret as it is now (its own client
  // re-reads the secret after a host restart, as this one does).
  const crmChannel = async () => ({ kind: 'http' as const, base, secret });
  // One function per contract entry, each bound to its own channel; the host validates every payload.
  return { ...calls, on, crmChannel } as unknown as HostApi;
}
