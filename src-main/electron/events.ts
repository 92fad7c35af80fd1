/**
 * The slice of Electron's `Event` the shell uses. Electron's own `Event` type satisfies it,
 * and a test can build one without the Electron module.
 */
export interface PreventableEvent {
  preventDefault(): void;
}
