import { expect } from 'vitest';

type Tree = Record<string, unknown>;

/** Every leaf of a message tree as a dotted key (`section.label`). */
export function messageKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? messageKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The message at a dotted key. */
export function messageAt(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree);
}

/** A feature's messages: English and Polish have the same keys, and no message is empty (`except`: keys that may be). */
export function expectCompleteMessages(messages: { en: object; pl: object }, except: (key: string) => boolean = () => false): void {
  expect(messageKeys(messages.pl).sort()).toEqual(messageKeys(messages.en).sort());
  for (const lang of [messages.en, messages.pl])
    for (const key of messageKeys(lang)) if (!except(key)) expect(String(messageAt(lang, key)).trim(), key).not.toBe('');
}
