import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

type Messages = Record<string, unknown>;
const RENDERER = join(import.meta.dirname, '..', '..', 'src-renderer');
const DEMO_CRM = join(import.meta.dirname, '..', '..', 'src-main', 'demo-crm');

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesIn(path, keep);
    return keep(name) ? [path] : [];
  });
}
/** Every `messages.ts` of a feature or component, as src-renderer/i18n merges them. */
const messageFiles = (dir: string) => filesIn(dir, (name) => name === 'messages.ts');

/**
 * The demo CRM's own words: its data (meeting titles, company words) and its property labels
 * (written out, or made from the name: `renewal_date` → "Renewal date"). CRM text is the
 * customer's, in whatever language they write it, so it is not the app's English.
 */
function crmVocabulary(): string {
  const sources = filesIn(DEMO_CRM, (name) => name.endsWith('.ts')).map((f) => readFileSync(f, 'utf8'));
  const labels = sources.flatMap((text) =>
    [...text.matchAll(/'([a-z][a-z0-9_]+)'/g)].map(([, name]) =>
      name!
        .replace(/^hs_/, '')
        .replace(/_/g, ' ')
        .replace(/^./, (c) => c.toUpperCase()),
    ),
  );
  return [...sources, ...labels].join('\n');
}

function leaves(obj: Messages, prefix = ''): Array<[string, string]> {
  return Object.entries(obj).flatMap(([k, v]): Array<[string, string]> =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : typeof v === 'object' && v ? leaves(v as Messages, `${prefix}${k}.`) : [],
  );
}

/** The app's messages in both languages, keyed `namespace.path`, read from the sources. */
export async function appMessages(): Promise<{ en: Map<string, string>; pl: Map<string, string> }> {
  const en = new Map<string, string>();
  const pl = new Map<string, string>();
  const base = async (locale: 'en' | 'pl') =>
    ((await import(pathToFileURL(join(RENDERER, 'i18n', 'locales', `${locale}.ts`)).href)) as { default: Messages }).default;
  for (const [k, v] of leaves(await base('en'))) en.set(k, v);
  for (const [k, v] of leaves(await base('pl'))) pl.set(k, v);
  const files = [...messageFiles(join(RENDERER, 'features')), ...messageFiles(join(RENDERER, 'components'))];
  for (const file of files) {
    const { messages } = (await import(pathToFileURL(file).href)) as { messages?: { namespace: string; en: Messages; pl: Messages } };
    if (!messages) throw new Error(`${relative(RENDERER, file)} exports no messages`);
    for (const [k, v] of leaves(messages.en, `${messages.namespace}.`)) en.set(k, v);
    for (const [k, v] of leaves(messages.pl, `${messages.namespace}.`)) pl.set(k, v);
  }
  return { en, pl };
}

/**
 * Phrases only the English messages have: the fixed parts of each English message whose Polish
 * differs (split at placeholders and plural forms), two words or more, in no Polish message and
 * not among the demo CRM's words.
 * One of them on a Polish screen is English the user was not meant to see.
 */
export async function englishOnlyPhrases(): Promise<string[]> {
  const { en, pl } = await appMessages();
  const polish = [...pl.values()].join('\n');
  const crm = crmVocabulary();
  const out = new Set<string>();
  for (const [key, text] of en) {
    if (pl.get(key) === text) continue;
    for (const part of text.split(/\{[^}]*\}|\||@:[\w.]+/)) {
      const phrase = part
        .trim()
        .replace(/[.,:;!?…()"“”'’]+$/g, '')
        .trim();
      if (phrase.split(/\s+/).length >= 2 && phrase.length >= 8 && !polish.includes(phrase) && !crm.includes(phrase)) out.add(phrase);
    }
  }
  return [...out];
}
