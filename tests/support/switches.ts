import { expect } from 'vitest';

/**
 * A settings object of on/off switches (Electron's webPreferences, a scheme's privileges) as the
 * names turned on and those turned off, each sorted: a test states the policy in two lists, and
 * a switch left to its default (absent) is in neither. Every value must be a switch.
 */
export function onAndOff(settings: object | undefined): { on: string[]; off: string[] } {
  const entries = Object.entries(settings ?? {});
  expect(entries.filter(([, v]) => typeof v !== 'boolean').map(([k]) => k)).toEqual([]);
  return {
    on: entries
      .filter(([, v]) => v === true)
      .map(([k]) => k)
      .sort(),
    off: entries
      .filter(([, v]) => v === false)
      .map(([k]) => k)
      .sort(),
  };
}
