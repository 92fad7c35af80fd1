import { inject, type InjectionKey } from 'vue';
import { CsDatabase } from '../db';

/**
 * An engine that reads the local store off the UI thread (health scores, the search index),
 * given to its store as a dependency: the app provides the Web Worker one (src-renderer/main.ts),
 * so a large book never blocks the UI; without it (Node tests) the same engine runs in the
 * page. Either way the store speaks the worker's message protocol, and one definition
 * (`EngineDef`) says how the engine answers it in both places.
 */

/** The page's first message to a worker: open the app's database by this name. */
export interface OpenEngine {
  type: 'open';
  dbName: string;
}

/** The store's end: send a message, stop the engine. */
export interface EngineHandle<In> {
  post(m: In): void;
  stop(): void;
}
export type EngineFactory<In, Out> = (db: CsDatabase, onEvent: (e: Out) => void, onError: (e: Error) => void) => EngineHandle<In>;

/** How an engine is made from the database and answers one message (`post` sends back). */
export interface EngineDef<In, Out, E extends { stop(): void }> {
  create(db: CsDatabase, post: (m: Out) => void): E;
  receive(engine: E, m: In, post: (m: Out) => void): void;
}

/** The engine in this thread (tests, or any host without workers). */
export function inPageEngine<In, Out, E extends { stop(): void }>(def: EngineDef<In, Out, E>): EngineFactory<In, Out> {
  return (db, onEvent) => {
    const engine = def.create(db, onEvent);
    return { post: (m) => def.receive(engine, m, onEvent), stop: () => engine.stop() };
  };
}

/**
 * The engine in a module Web Worker that `start` creates (its `new Worker(new URL(…))` stays
 * literal in the caller, for the bundler) and that runs `serveEngine`; `what` names it in errors.
 */
export function workerEngine<In, Out>(start: () => Worker, what: string): EngineFactory<In, Out> {
  return (db, onEvent, onError) => {
    const worker = start();
    worker.addEventListener('message', (ev: MessageEvent<Out>) => onEvent(ev.data));
    worker.addEventListener('error', (ev) => onError(new Error(ev.message || `The ${what} worker failed.`)));
    worker.postMessage({ type: 'open', dbName: db.name } satisfies OpenEngine);
    return { post: (m) => worker.postMessage(m), stop: () => worker.terminate() };
  };
}

/**
 * One engine as the app wires it: `key` to provide it under, the `worker` one (the app provides
 * it, src-renderer/main.ts), the `inPage` one (the default, for tests), and `use` for its store.
 */
export interface EngineBinding<In, Out> {
  key: InjectionKey<EngineFactory<In, Out>>;
  worker: EngineFactory<In, Out>;
  inPage: EngineFactory<In, Out>;
  use(): EngineFactory<In, Out>;
}

/** `startWorker` keeps its `new Worker(new URL(…))` literal for the bundler; `what` names the engine. */
export function engineBinding<In, Out, E extends { stop(): void }>(
  what: string,
  startWorker: () => Worker,
  def: EngineDef<In, Out, E>,
): EngineBinding<In, Out> {
  const key: InjectionKey<EngineFactory<In, Out>> = Symbol(`${what}-engine`);
  const inPage = inPageEngine(def);
  return { key, worker: workerEngine(startWorker, what), inPage, use: () => inject(key, inPage) };
}

/** A worker's side: opens the database the page names (again on a new `open`) and hands the engine every other message. */
export function serveEngine<In extends { type: string }, Out, E extends { stop(): void }>(def: EngineDef<In, Out, E>): void {
  const scope = self as unknown as { postMessage(m: Out): void; addEventListener(type: 'message', f: (ev: MessageEvent<In | OpenEngine>) => void): void };
  const post = (m: Out) => scope.postMessage(m);
  let engine: E | null = null;
  scope.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m.type === 'open' && 'dbName' in m) {
      engine?.stop();
      engine = def.create(new CsDatabase(m.dbName), post);
    } else if (engine) def.receive(engine, m as In, post);
  });
}
