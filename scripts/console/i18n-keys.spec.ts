import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The console is an app, not a library with a scope; en.ts is plain data.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { en } from '../../apps/console/src/i18n/en';

/**
 * The console's labels go through react-admin's i18n provider with English in one file
 * (apps/console/src/i18n/en.ts), so a translation is one file. This keeps that true: every key
 * the source names exists, every Conduit key in en.ts is used, `ra.*` entries override real
 * react-admin messages, and the folders already translated hold no hard-coded labels.
 */
const SRC = path.resolve(__dirname, '../../apps/console/src');

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`),
  );

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.tsx?$/.test(e.name) &&
      !e.name.endsWith('.spec.ts') &&
      !full.includes(`${path.sep}i18n${path.sep}`)
      ? [full]
      : [];
  });

/** Comments name keys too (en.ts `conduit.menu`): only code counts. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
const sources = files(SRC).map((f) => ({ file: path.relative(SRC, f), text: code(readFileSync(f, 'utf8')) }));
// At least two dots: `conduit.token` is a storage key, not a message.
const KEY = /['"`]((?:conduit|resources|ra)\.[A-Za-z0-9_${}-]+\.[A-Za-z0-9_.${}-]+)['"`]/g;
const used = sources.flatMap(({ file, text }) => [...text.matchAll(KEY)].map((m) => ({ file, key: m[1] })));
/** A key built from a template (`conduit.developers.samples.${id}.title`) as a pattern. */
const pattern = (key: string) =>
  new RegExp(`^${key.replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[^.]+')}$`);

const conduitKeys = flatten(en as unknown as Tree);
let englishMessages: Tree;
let all: Set<string>;
beforeAll(async () => {
  // Loaded by a name TypeScript does not resolve: its types pull react-admin's into the Node build.
  const name = 'ra-language-english';
  englishMessages = ((await import(name)) as { default: Tree }).default;
  all = new Set([...flatten(englishMessages), ...conduitKeys]);
});

/** Folders whose labels all go through the i18n provider (the rest are still to be moved). */
const TRANSLATED = [
  'transactions/',
  'developers/',
  'layout/Menu.tsx',
  'dashboard/',
  'common/',
  'merchants/',
  'outlets/',
  'terminals/',
  'organizations/',
  'users/',
  'partner-grants/',
  'credentials/',
  'webhook-endpoints/',
  'webhook-deliveries/',
  'sso-tokens/',
  'settlements/',
  'reconciliation/',
  'disputes/',
  'batch-files/',
  'audit-log/',
  'sftp-accounts/',
  'payment-plans/',
  'two-factor/',
  'platform/',
  'auth/',
];

describe('console i18n (en.ts)', () => {
  it('has every key the source uses', () => {
    const missing = used
      .filter(({ key }) => (key.includes('${') ? ![...all].some((k) => pattern(key).test(k)) : !all.has(key)))
      .map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
    expect(used.length).toBeGreaterThan(40);
  });

  it('uses every Conduit key it has', () => {
    const resourceNames = new Set(
      [...readFileSync(path.join(SRC, 'App.tsx'), 'utf8').matchAll(/<Resource name="([^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    const sourced = new Set(
      sources.flatMap(({ text }) => [...text.matchAll(/source="([^"]+)"/g)].map((m) => m[1])),
    );
    const unused = conduitKeys.filter((key) => {
      const resource = /^resources\.([^.]+)\.(name|fields\.(.+))$/.exec(key);
      // react-admin reads these itself: a registered resource's name, a field by its source.
      if (resource)
        return !resourceNames.has(resource[1]) || (resource[3] !== undefined && !sourced.has(resource[3]));
      if (key.startsWith('ra.')) return false;
      return !used.some((u) => (u.key.includes('${') ? pattern(u.key).test(key) : u.key === key));
    });
    expect(unused).toEqual([]);
  });

  it("overrides only react-admin's real messages", () => {
    const english = new Set(flatten(englishMessages));
    expect(conduitKeys.filter((k) => k.startsWith('ra.') && !english.has(k))).toEqual([]);
  });

  it('names every registered resource', () => {
    const app = readFileSync(path.join(SRC, 'App.tsx'), 'utf8');
    const names = [...app.matchAll(/<Resource name="([^"]+)"/g)].map((m) => `resources.${m[1]}.name`);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((k) => !all.has(k))).toEqual([]);
    expect(app).not.toMatch(/options=\{\{ label:/);
  });

  it('leaves no hard-coded label, title or text in the translated folders', () => {
    // A quoted attribute that is words, not an i18n key.
    const literal =
      /\s(label|title|subheader|description|placeholder|primaryText|caption|text)="(?!(?:conduit|resources|ra)\.)[^"]*[A-Za-z]{2}[^"]*"/g;
    const found = sources
      .filter(({ file }) => TRANSLATED.some((t) => file.startsWith(t)))
      .flatMap(({ file, text }) => [...text.matchAll(literal)].map((m) => `${file}: ${m[0].trim()}`));
    expect(found).toEqual([]);
  });
});
