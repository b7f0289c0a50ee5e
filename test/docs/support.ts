/**
 * Shared by the documentation and leftover tests: generate an example (or a variant of one) with the
 * real engine and the real `templates/`, into a temporary folder, and read the tree back.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { generate } from '../../src/generate/generate.js';
import { formatLetterNumber, LETTER_NUMBER_TOKENS } from '../../src/domain/letter-number.js';
import type { LeftoverInput } from '../../src/generate/leftovers.js';
import { VERSION } from '../../src/main.js';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { resolveVillages } from '../../src/profile/villages.js';
import { regionIndex } from '../../src/region/decree.js';
import { readTree, tempDir, type TreeFile } from '../helpers/tree.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEMPLATES = join(ROOT, 'templates');
export const EXAMPLES = join(ROOT, 'examples');

/** The example regencies (examples/ci holds CI templates, not a regency). */
export const EXAMPLE_DIRS: readonly string[] = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'ci')
  .map((e) => e.name)
  .sort();

export interface GeneratedTree {
  profile: RegencyProfile;
  out: string;
  files: Map<string, TreeFile>;
  /** A file's text; throws when the file was not generated. */
  text(path: string): string;
  /** Every file, as `findLeftovers` takes them. */
  inputs(): LeftoverInput[];
}

/** Generates the profile at `profilePath` with templates/ and reads the whole output tree. */
export async function generateProfile(profilePath: string, templatesDir = TEMPLATES): Promise<GeneratedTree> {
  const out = join(tempDir('eoffice-docs-'), 'out');
  const outcome = await generate({
    profile: profilePath,
    out,
    mode: 'write',
    lang: 'en',
    templatesDir,
    toolkitVersion: VERSION,
    env: { EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'cache') },
  });
  if (outcome.kind !== 'done') throw new Error(`${profilePath}: expected a generated tree, got ${outcome.kind}: ${JSON.stringify(outcome)}`);
  if (outcome.conflicts.length > 0) throw new Error(`${profilePath}: conflicts ${JSON.stringify(outcome.conflicts)}`);
  const files = readTree(out);
  const profile = parse(readFileSync(profilePath, 'utf8')) as RegencyProfile;
  return {
    profile,
    out,
    files,
    text(path) {
      const f = files.get(path);
      if (!f) throw new Error(`${path} was not generated (files: ${[...files.keys()].filter((p) => p.startsWith('docs/')).join(', ')})`);
      return f.bytes.toString('utf8');
    },
    inputs: () => [...files].map(([path, f]) => ({ path, content: f.bytes })),
  };
}

export function generateExample(dir: string, templatesDir = TEMPLATES): Promise<GeneratedTree> {
  return generateProfile(join(EXAMPLES, dir, 'regency.yaml'), templatesDir);
}

/** A variant of an example: its profile changed by `edit`, written to a temporary file. */
export function variantOf(dir: string, edit: (profile: RegencyProfile) => void): string {
  const profile = parse(readFileSync(join(EXAMPLES, dir, 'regency.yaml'), 'utf8')) as RegencyProfile;
  edit(profile);
  const path = join(tempDir('eoffice-profile-'), 'regency.yaml');
  writeFileSync(path, stringify(profile));
  return path;
}

export const enabled = <T extends { enabled?: boolean }>(app: T | undefined): app is T => app !== undefined && app.enabled !== false;

/** The date the guide's letter-number example is dated: the BAST's, the agreement's, or January of the SAKIP period. */
export function exampleDate(p: RegencyProfile): { tahun: number; bulan: number } | undefined {
  const date = p.grant?.bast?.date ?? p.grant?.agreement.date;
  if (date) return { tahun: Number(date.slice(0, 4)), bulan: Number(date.slice(5, 7)) };
  if (enabled(p.apps.esakip)) return { tahun: p.apps.esakip.period?.start ?? 2025, bulan: 1 };
  return undefined;
}

/** The example letter number the operator guide must show, by the domain's own formatter. */
export function expectedLetterNumbers(p: RegencyProfile): { eoffice?: string; desa?: string } {
  const when = exampleDate(p);
  if (!when) return {};
  const out: { eoffice?: string; desa?: string } = {};
  if (enabled(p.apps.eoffice)) {
    const setda = p.opds.find((o) => o.kind === 'sekretariat-daerah')!;
    const ln = p.apps.eoffice.letterNumber;
    out.eoffice = formatLetterNumber(ln?.template ?? '{klasifikasi}/{nomor}/{unit}/{tahun}', {
      klasifikasi: '000.1', nomor: 15, unit: setda.unitCode ?? setda.code.toUpperCase(), ...when, ...(ln?.padding ? { padding: ln.padding } : {}),
    });
  }
  if (enabled(p.apps.eofficeDesa)) {
    const first = resolveVillages(p, regionIndex()).find((v) => v.kind !== 'kelurahan');
    const ln = p.apps.eofficeDesa.letterNumber;
    if (first) {
      // As the e-Office Desa app prints it: {unit} the village code, {kodeDesa} its last four digits.
      out.desa = formatLetterNumber(ln?.template ?? '{klasifikasi}/{nomor}/{kodeDesa}/{tahun}', {
        klasifikasi: '000.1', nomor: 15, unit: first.code, kodeDesa: first.code.slice(-4), ...when, ...(ln?.padding ? { padding: ln.padding } : {}),
      });
    }
  }
  return out;
}

/** Paths of the output tree a document names (`deploy/compose/.env`, `apps/eoffice/`…). */
export function namedPaths(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\w./-])((?:apps|deploy|seed|config|docs|\.eoffice)\/[\w./-]*)/g)) found.add(m[1]!.replace(/[.,]+$/, ''));
  return [...found].sort();
}

/** Files the guide tells the reader to put there themselves (provided TLS certificates): their folder must exist. */
const PUT_BY_THE_READER = /^deploy\/compose\/tls\/(fullchain|privkey)\.pem$/;

/** Whether `path` is a generated file, or a folder holding one. */
export function inTree(tree: GeneratedTree, path: string): boolean {
  if (PUT_BY_THE_READER.test(path)) return inTree(tree, path.slice(0, path.lastIndexOf('/') + 1));
  if (tree.files.has(path)) return true;
  const folder = path.endsWith('/') ? path : `${path}/`;
  return [...tree.files.keys()].some((p) => p.startsWith(folder));
}

/** Anything a template could leave behind unrendered, or rendered from a missing value. */
export function unfilled(text: string): string[] {
  const problems: string[] = [];
  for (const bad of ['{{', '}}', 'undefined', '[object Object]', 'NaN', '@@']) if (text.includes(bad)) problems.push(bad);
  for (const m of text.matchAll(/\{([A-Za-z]+)\}/g)) if (!(LETTER_NUMBER_TOKENS as readonly string[]).includes(m[1]!)) problems.push(m[0]);
  for (const line of text.split('\n')) {
    // An empty table cell, or a value-less label line.
    if (/^\|.*\|\s*\|/.test(line) && !/^\|(\s*-+\s*\|)+$/.test(line)) problems.push(line);
  }
  return problems;
}

