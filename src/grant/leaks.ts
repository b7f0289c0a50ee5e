/**
 * The leak scan run before a bundle is sealed. It refuses (the caller exits 1) when anything that
 * would reach the recipient holds:
 *
 * 1. a secret by secretlint's recommended rules (`@secretlint/secretlint-rule-preset-recommend`),
 *    with the findings masked so that no value reaches the terminal; placeholder credentials the
 *    blueprints document on purpose (`postgres://pengguna:sandi@host/…`, a test's `u:s3cr3t@h`)
 *    are allowed by the connection-string rule's own `allows` option;
 * 2. a PEM private key of any kind: the recommended rule wants a body of 100 characters or more and
 *    so misses an Ed25519 key (64), which is exactly the grantor's signing key;
 * 3. the value of a generated secret (`.eoffice/secrets.env`): a `.env` copied out of its
 *    git-ignored place, a value pasted into a guide; reported by the secret's name only;
 * 4. another regency's name or region code (all 514 of the decree), through the output tree's
 *    leftover check (`findLeftovers`: whole words, case-aware, not a common word, not a village
 *    code or name of the recipient itself, not a version number).
 *
 * The grantor is another regency too, and it is allowed only where a grant names its giver:
 * the grant documents (`docs/hibah/…`, and the generated `docs/inventaris.md`), and, in the
 * profile and the manifest, only inside their `grant:`/`grantor` block. Anywhere else (a letterhead,
 * a seed row, a comment) Sumedang is a leftover of the grantor's own configuration and refused.
 * Pure: files and data in, findings out.
 */
import { findLeftovers, formatLeftover, isGrantDocument } from '../generate/leftovers.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import type { RegionIndex } from '../region/decree.js';

export interface ScanFile {
  /** Path as reported (`docs/panduan-instalasi.md`, `profile/regency.yaml`). */
  path: string;
  content: Uint8Array;
  /** Lines (1-based, inclusive) where the grantor may be named, besides the grant documents. */
  grantorLines?: ReadonlyArray<readonly [number, number]>;
}

export type LeakKind = 'secret' | 'private-key' | 'secret-value' | 'regency' | 'grantor';

export interface LeakFinding {
  file: string;
  line: number;
  column: number;
  kind: LeakKind;
  /** Never the secret's value: a rule id and a masked description, or the regency named (English, stable). */
  detail: string;
  /** What `describeLeak` needs to say it in either language. */
  secretName?: string;
  secretFile?: string;
  text?: string;
  regencies?: Array<{ code: string; name: string }>;
}

export interface LeakScanOptions {
  profile: RegencyProfile;
  region: RegionIndex;
  /** Generated secrets by `file:NAME`; their values are searched for, never shown. */
  secrets: ReadonlyMap<string, string>;
}

/** Placeholder passwords in documented connection strings, allowed by the connection-string rule. */
export const PLACEHOLDER_CONNECTION = '/^[a-z+]+:\\/\\/[^:\\/@\\s]+:(?:sandi|kata-?sandi|password|passwd|s3cr3t|secret|rahasia|\\*+|x+|\\.\\.\\.)@/i';

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The lines of the block a key opens, by indentation: the key's line and every following line
 * indented deeper, plus a closing bracket at the key's own indentation (JSON). Works for YAML
 * (`grant:`) and pretty-printed JSON (`"grantor": {`).
 */
export function blockLines(text: string, key: RegExp): Array<[number, number]> {
  const lines = text.split('\n');
  const out: Array<[number, number]> = [];
  const indent = (l: string) => l.length - l.trimStart().length;
  for (let i = 0; i < lines.length; i++) {
    if (!key.test(lines[i]!)) continue;
    const base = indent(lines[i]!);
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || indent(lines[j]!) > base)) j++;
    if (j < lines.length && /^\s*[\]}],?\s*$/.test(lines[j]!) && indent(lines[j]!) === base) j++;
    out.push([i + 1, j]);
  }
  return out;
}

async function secretlintFindings(files: readonly ScanFile[]): Promise<LeakFinding[]> {
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = {
    rules: [
      {
        id: '@secretlint/secretlint-rule-preset-recommend',
        rule: creator,
        rules: [{ id: '@secretlint/secretlint-rule-database-connection-string', options: { allows: [PLACEHOLDER_CONNECTION] } }],
      },
    ],
  };
  const out: LeakFinding[] = [];
  for (const f of files) {
    if (isBinary(f.content)) continue;
    const content = Buffer.from(f.content).toString('utf8');
    const result = await lintSource({ source: { content, filePath: `/${f.path}`, contentType: 'text' }, options: { config, maskSecrets: true, locale: 'en' } });
    for (const m of result.messages) {
      out.push({ file: f.path, line: m.loc.start.line, column: m.loc.start.column + 1, kind: 'secret', detail: `secret: ${m.ruleId.replace('@secretlint/secretlint-rule-', 'secretlint/')}: ${m.message}` });
    }
  }
  return out;
}

function ownFindings(files: readonly ScanFile[], secrets: ReadonlyMap<string, string>): LeakFinding[] {
  const out: LeakFinding[] = [];
  // Values too short to be told from ordinary text are not searched for (generated ones have 43 characters).
  // One name per value: the generated .env files repeat the values of .eoffice/secrets.env.
  const values: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [name, value] of secrets) {
    if (value.length < 12 || seen.has(value)) continue;
    seen.add(value);
    values.push([name, value]);
  }
  for (const f of files) {
    const bytes = Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength);
    const text = bytes.toString('utf8');
    for (const m of text.matchAll(PRIVATE_KEY)) {
      out.push({ file: f.path, line: position(text, m.index).line, column: position(text, m.index).column, kind: 'private-key', detail: 'private-key: a PEM private key' });
    }
    for (const [name, value] of values) {
      const at = bytes.indexOf(value);
      if (at < 0) continue;
      const where = isBinary(f.content) ? { line: 1, column: 1 } : position(text, bytes.subarray(0, at).toString('utf8').length);
      const secretName = name.slice(name.lastIndexOf(':') + 1);
      const secretFile = name.slice(0, name.lastIndexOf(':'));
      out.push({ file: f.path, ...where, kind: 'secret-value', detail: `secret-value: the value of ${secretName} from ${secretFile}`, secretName, secretFile });
    }
  }
  return out;
}

/** Every leak in `files`, in file order, then by line. */
export async function scanForLeaks(files: readonly ScanFile[], options: LeakScanOptions): Promise<LeakFinding[]> {
  const findings: LeakFinding[] = [...(await secretlintFindings(files)), ...ownFindings(files, options.secrets)];
  const leftovers = findLeftovers(
    files.map((f) => ({ path: f.path, content: f.content })),
    options.profile,
    options.region,
    { grantDocument: isGrantDocument },
  );
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const l of leftovers) {
    const ranges = byPath.get(l.file)?.grantorLines ?? [];
    if (l.grantor && ranges.some(([a, b]) => l.line >= a && l.line <= b)) continue;
    const kind = l.grantor ? 'grantor' : 'regency';
    findings.push({ file: l.file, line: l.line, column: l.column, kind, detail: `${kind}: ${formatLeftover(l, 'en').slice(`${l.file}:${l.line}:${l.column} `.length)}`, text: l.text, regencies: l.regencies });
  }
  // One finding per place: secretlint's private-key rule and ours meet on the same line.
  const seen = new Set<string>();
  const order = new Map(files.map((f, i) => [f.path, i]));
  return findings
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column)
    .filter((f) => {
      const key = `${f.file}:${f.line}:${f.kind === 'private-key' || /privatekey/.test(f.detail) ? 'pk' : f.detail}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** What was found, in the user's language; never the value. */
export function describeLeak(f: LeakFinding, lang: 'id' | 'en'): string {
  const who = () => (f.regencies ?? []).map((r) => `${r.code} ${r.name}`).join(', ');
  switch (f.kind) {
    case 'private-key':
      return lang === 'id' ? 'private-key: kunci privat PEM' : 'private-key: a PEM private key';
    case 'secret-value':
      return lang === 'id' ? `secret-value: nilai ${f.secretName} dari ${f.secretFile}` : f.detail;
    case 'regency':
      return lang === 'id' ? `regency: "${f.text}" (${who()}), daerah lain` : f.detail;
    case 'grantor':
      return lang === 'id' ? `grantor: "${f.text}" (${who()}), pemberi hibah di luar dokumen hibah` : f.detail;
    case 'secret':
      // secretlint's own message is English (or Japanese) only; its value is masked.
      return lang === 'id' ? `secret: rahasia terdeteksi (${f.detail.slice('secret: '.length)})` : f.detail;
  }
}

/** `docs/x.md:12:5 secret-value: the value of db_password from .eoffice/secrets.env` */
export function formatLeak(f: LeakFinding, lang: 'id' | 'en' = 'en'): string {
  return `${f.file}:${f.line}:${f.column} ${describeLeak(f, lang)}`;
}
