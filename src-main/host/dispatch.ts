import { calls, isCallName, type HostHandlers, type Result } from '../../shared/contract';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point both hosts use: refuse unknown calls, parse the payload against
 * the contract, run the handler, and turn every failure into an error value. Nothing
 * reaches a handler unvalidated, and nothing thrown crosses the bridge.
 */
export function createDispatcher(handlers: HostHandlers, log: (line: string) => void = () => {}): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Unknown call "${name.slice(0, 64)}".` } };
    }
    const parsed = calls[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${name}: ${detail}` } };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const data = await handler(parsed.data);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof HostCallError) return { ok: false, error: { code: err.code, message: err.message } };
      log(`host call ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: `${name} failed: ${err instanceof Error ? err.message : String(err)}` } };
    }
  };
}

/** Thrown by handlers for an expected refusal; the dispatcher turns it into `{ ok: false }`. */
export class HostCallError extends Error {
  constructor(
    /** INVALID_INPUT: input that parsed but that the CRM does not know (e.g. an unknown user id). */
    readonly code: 'FORBIDDEN' | 'NOT_CONNECTED' | 'UNAUTHORIZED' | 'NETWORK' | 'NOT_ALLOWED' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}
