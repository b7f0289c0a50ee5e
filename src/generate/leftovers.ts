/**
 * The leftover check: does a generated tree name a regency other than its own? A grant that still
 * says "Kabupaten Jombang" in Bojonegoro's letterhead, or carries Jombang's region code 35.17 in its
 * seed, is the mistake this catches; `grant pack` and the end-to-end tests call it on the output.
 *
 * What counts as a name of another regency (all 514 of Kepmendagri 300.2.2-2138/2025):
 * - the prefixed forms, in any case: `Kabupaten X`, `Kab. X`, `Kota X`, `Kota Administrasi X`,
 *   `Pemkab X`, `Pemkot X`, `Bupati X`, `Wali Kota X`/`Walikota X` (the kind must fit: `Kota X`
 *   only for a kota named X);
 * - its domain-style word, `jombangkab` or `sukabumikota` (as in `jombangkab.go.id`);
 * - the bare name (`Jombang`, `JOMBANG`, `jombang`, `belitung-timur`, `belitungtimur`) only when it
 *   is distinctive: not a common word (`Batang`, `Malang`, `Metro`, `Tegal`…), not a single word of
 *   fewer than five letters (`Bima`, `Batu`, `Palu`), not a province's name (`Jambi`), and not one of
 *   this regency's own names — its own name and the words in it (`Belitung` for Belitung Timur),
 *   its province, its kecamatan and villages, its people — nor part of a longer own name (a village
 *   `Rembang Tengah` is not Kabupaten Rembang). A bare name after `Jl.`/`Jalan` is a street, and
 *   after `Asia/` a time zone (`Asia/Makassar`).
 * - a region code `PP.KK`, `PP.KK.CC` or `PP.KK.CC.NNNN` whose `PP.KK` is another regency's, standing
 *   alone (`3.26.2.22.2.19.01.0000`, a SIPD code, holds `19.01` but is not one), and not a version
 *   number (`Ubuntu 18.04`, `postgres:13.11`).
 *
 * Allowed: the decree's attribution line, and the grantor (`grant.grantor` of the profile) in the
 * documents about the grant (`isGrantDocument`, or the caller's own predicate). Anywhere else the
 * grantor is a leftover like any other regency.
 *
 * One pass per file: a scan splits it into words and code-shaped numbers; a word that starts a known
 * name walks a token trie of every regency's forms (built once per decree index) for the longest
 * match, beside a small trie of the profile's own names, in the manner of Aho-Corasick over words.
 * Pure: files in, findings out.
 */
import { DECREE, type RegionIndex } from '../region/decree.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import { BASE_DIR } from './base.js';

export interface LeftoverInput {
  /** Path in the output tree, `/`-separated (`docs/panduan-instalasi.md`). */
  path: string;
  content: Buffer | Uint8Array | string;
}

export type LeftoverKind = 'name' | 'domain' | 'code';

export interface Leftover {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the line. */
  column: number;
  /** The text as it stands in the file (`Kabupaten Jombang`, `35.17`). */
  text: string;
  kind: LeftoverKind;
  /** The regency it names; two for a bare name a kabupaten and a kota share (`Bandung`). */
  regencies: Array<{ code: string; name: string }>;
  /** It names the grantor, outside the documents about the grant. */
  grantor: boolean;
}

export interface LeftoverOptions {
  /** The files where the grantor may be named; default {@link isGrantDocument}. */
  grantDocument?: (path: string) => boolean;
}

/**
 * The documents about the grant, where `grant.grantor` is named by design: the inventory of the
 * handover and anything under `docs/hibah/` (agreement, BAST, the grant bundle's own documents).
 */
export function isGrantDocument(path: string): boolean {
  // The merge base keeps a pristine copy of each document: the copy of a grant document is one too.
  const p = path.startsWith(`${BASE_DIR}/`) ? path.slice(BASE_DIR.length + 1) : path;
  return p === 'docs/inventaris.md' || p.startsWith('docs/hibah/');
}

/** Bare names that are common words or usual parts of other names: only their prefixed forms count. */
const COMMON_WORDS = new Set([
  'banjar', 'batang', 'batu bara', 'binjai', 'depok', 'gunung mas', 'intan jaya', 'kapuas', 'ketapang', 'kotabaru', 'kudus',
  'kuningan', 'lahat', 'landak', 'lima puluh kota', 'lingga', 'malang', 'medan', 'metro', 'padang', 'pesisir barat',
  'pesisir selatan', 'puncak', 'sabang', 'serang', 'sungai penuh', 'tanah datar', 'tanah laut', 'tebing tinggi', 'tegal',
]);

/** A code right after one of these words is a version (`Ubuntu 18.04`), not a region. */
const VERSION_WORDS = new Set([
  'ubuntu', 'debian', 'lts', 'v', 'versi', 'version', 'node', 'nodejs', 'postgresql', 'postgres', 'mysql', 'mariadb',
  'nginx', 'docker', 'kubernetes', 'kubectl', 'alpine', 'python', 'go', 'rhel', 'centos', 'rocky', 'almalinux', 'kernel',
]);

/** Words before a bare name that make it a street (`Jl. Bandung`), not the regency. */
const STREET_WORDS = new Set(['jl', 'jln', 'jalan', 'gg', 'gang']);

type CaseRule = 'any' | 'name' | 'compact';
type Form = 'prefixed' | 'bare' | 'compact' | 'domain';

interface Term {
  form: Form;
  caseRule: CaseRule;
  /** The name as the decree writes it (for `name`), or the lower-case compact word. */
  written: string;
  lower: string;
  codes: string[];
  /** For bare and compact forms: distinctive before the profile's own names are considered. */
  distinctive: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terms: Term[];
}

interface DecreeNames {
  root: Map<string, TrieNode>;
  names: Map<string, string>;
}

const newNode = (): TrieNode => ({ next: new Map(), terms: [] });

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A region code at a position: `PP.KK`, `PP.KK.CC` or `PP.KK.CC.NNNN`, not followed by more digits. */
const CODE_AT = /\d\d\.\d\d(?:\.\d\d(?:\.\d{4})?)?(?!\d|\.\d)/y;

/** Letters and digits of any script; a surrogate pair counts as one (rare) letter. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(c));
}

/**
 * The tokens of a text: words (runs of letters and digits) and code-shaped numbers (`35.17.01`), by
 * offsets. A hand-written scan: more than twice as fast as a Unicode regex over the same text.
 */
function tokenize(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let k = 0;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (!isWordChar(c)) {
      k++;
      continue;
    }
    const start = k;
    if (c >= 48 && c <= 57 && (start === 0 || !/[\d.]/.test(text[start - 1]!))) {
      CODE_AT.lastIndex = start;
      if (CODE_AT.test(text)) {
        starts.push(start);
        ends.push(CODE_AT.lastIndex);
        k = CODE_AT.lastIndex;
        continue;
      }
    }
    k++;
    while (k < n && isWordChar(text.charCodeAt(k))) k++;
    starts.push(start);
    ends.push(k);
  }
  return { starts, ends };
}

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function insert(root: Map<string, TrieNode>, tokens: readonly string[], term: Term): void {
  let level = root;
  let node: TrieNode | undefined;
  for (const t of tokens) {
    node = level.get(t);
    if (!node) {
      node = newNode();
      level.set(t, node);
    }
    level = node.next;
  }
  const same = node!.terms.find((x) => x.form === term.form && x.lower === term.lower);
  if (same) {
    for (const c of term.codes) if (!same.codes.includes(c)) same.codes.push(c);
  } else node!.terms.push(term);
}

const decreeCache = new WeakMap<RegionIndex, DecreeNames>();

/** The names of every regency as a token trie; built once per decree index. */
function decreeNames(region: RegionIndex): DecreeNames {
  const cached = decreeCache.get(region);
  if (cached) return cached;
  const root = new Map<string, TrieNode>();
  const names = new Map<string, string>();
  const provinces = new Set([...region.provinces.values()].map((p) => p.name.toLowerCase()));
  for (const r of region.regencies.values()) {
    names.set(r.code, r.name);
    const administrasi = /^(kabupaten|kota)\s+administrasi\s+/i.test(r.name);
    const bare = r.name.replace(/^(kabupaten|kota)\s+(administrasi\s+)?/i, '');
    const tokens = words(bare);
    const lower = tokens.map((t) => t.toLowerCase());
    const bareLower = lower.join(' ');
    const compact = lower.join('');
    const codes = [r.code];
    const prefixes: string[][] =
      r.kind === 'kota'
        ? [['kota'], ['pemkot'], ['walikota'], ['wali', 'kota']]
        : [['kabupaten'], ['kab'], ['pemkab'], ['bupati']];
    if (administrasi) prefixes.push(...prefixes.map((p) => [...p, 'administrasi']));
    for (const p of prefixes) {
      insert(root, [...p, ...lower], { form: 'prefixed', caseRule: 'any', written: r.name, lower: [...p, ...lower].join(' '), codes: [...codes], distinctive: true });
    }
    insert(root, [compact + (r.kind === 'kota' ? 'kota' : 'kab')], { form: 'domain', caseRule: 'any', written: compact, lower: compact, codes: [...codes], distinctive: true });
    const distinctive = !COMMON_WORDS.has(bareLower) && !provinces.has(bareLower) && !(tokens.length === 1 && bare.length < 5);
    insert(root, lower, { form: 'bare', caseRule: 'name', written: tokens.join(' '), lower: bareLower, codes: [...codes], distinctive });
    if (tokens.length > 1) insert(root, [compact], { form: 'compact', caseRule: 'compact', written: compact, lower: compact, codes: [...codes], distinctive });
  }
  const built = { root, names };
  decreeCache.set(region, built);
  return built;
}

/** The profile's own names: its region (from the decree and the profile) and its people. */
function ownNames(profile: RegencyProfile, region: RegionIndex): { root: Map<string, TrieNode>; bare: Set<string> } {
  const root = new Map<string, TrieNode>();
  const bare = new Set<string>();
  const add = (name: string | undefined, parts = false) => {
    if (!name) return;
    const lower = words(name).map((t) => t.toLowerCase());
    if (lower.length === 0) return;
    insert(root, lower, { form: 'bare', caseRule: 'any', written: name, lower: lower.join(' '), codes: [], distinctive: false });
    bare.add(lower.join(' '));
    // Every run of words in the regency's and the province's names: `Belitung` for Belitung Timur.
    if (parts) for (let i = 0; i < lower.length; i++) for (let j = i + 1; j <= lower.length; j++) bare.add(lower.slice(i, j).join(' '));
  };
  const code = profile.regency.code;
  const rec = region.regencies.get(code);
  const shortName = profile.regency.name.replace(/^(kabupaten|kota)\s+(administrasi\s+)?/i, '');
  add(profile.regency.name);
  add(shortName, true);
  if (rec) add(rec.name.replace(/^(kabupaten|kota)\s+(administrasi\s+)?/i, ''), true);
  add(profile.regency.province, true);
  if (rec) add(region.provinces.get(rec.provinceCode)?.name, true);
  for (const d of region.districtsOf(code)) add(d.name);
  for (const v of region.villagesOfRegency(code)) add(v.name);
  const villages = profile.villages;
  if (Array.isArray(villages)) {
    for (const v of villages) {
      add(v.name);
      add(v.head);
      for (const o of v.officers ?? []) add(o.name);
    }
  } else {
    for (const d of villages?.details ?? []) {
      add(d.head);
      for (const o of d.officers ?? []) add(o.name);
    }
  }
  for (const s of profile.signatories) add(s.name);
  for (const s of profile.grant?.grantor.signatories ?? []) add(s.name);
  return { root, bare };
}

function caseFits(rule: CaseRule, matched: string, term: Term): boolean {
  switch (rule) {
    case 'any':
      return true;
    case 'name':
      return matched === term.written || matched === term.written.toUpperCase() || matched === term.lower;
    case 'compact':
      return matched === term.lower || matched === term.lower.toUpperCase() || matched === term.lower[0]!.toUpperCase() + term.lower.slice(1);
  }
}

/**
 * Between two words of one name: spaces, a line break, `-`, `_`, an apostrophe (`To'barru`), or the
 * dot of `Kab.`. The profile's own names are read more loosely (`/`, brackets, quotes, commas, as the
 * decree writes some village names): reading more of an own name only ever hides, never reports.
 */
function joins(text: string, from: number, to: number, loose: boolean): boolean {
  if (to - from > (loose ? 4 : 8) || to === from) return false;
  let dots = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) dots++;
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 45 || c === 95 || c === 39 || c === 0x2019) continue;
    else if (!loose || !(c === 47 || c === 40 || c === 41 || c === 34 || c === 44 || c === 42)) return false;
  }
  return loose || dots <= 1;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

interface Match {
  /** Index of the last token of the match. */
  last: number;
  terms: Term[];
}

/**
 * Finds every name or region code of a regency other than `profile.regency` in `files`.
 * Findings are in file order, then by position.
 */
export function findLeftovers(files: readonly LeftoverInput[], profile: RegencyProfile, region: RegionIndex, options: LeftoverOptions = {}): Leftover[] {
  const decree = decreeNames(region);
  const own = ownNames(profile, region);
  const ownCode = profile.regency.code;
  const grantorCode = profile.grant?.grantor.code !== ownCode ? profile.grant?.grantor.code : undefined;
  const grantDocument = options.grantDocument ?? isGrantDocument;
  const findings: Leftover[] = [];

  for (const file of files) {
    let text: string;
    if (typeof file.content === 'string') text = file.content;
    else {
      if (isBinary(file.content)) continue;
      text = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength).toString('utf8');
    }
    const inGrantDocument = grantorCode !== undefined && grantDocument(file.path);

    // The decree's attribution is quoted on purpose.
    const allowed: Array<[number, number]> = [];
    for (let at = text.indexOf(DECREE.attribution); at >= 0; at = text.indexOf(DECREE.attribution, at + 1)) allowed.push([at, at + DECREE.attribution.length]);
    const isAllowed = (offset: number) => allowed.some(([a, b]) => offset >= a && offset < b);

    const { starts, ends } = tokenize(text);
    const lowered: Array<string | undefined> = new Array(starts.length);
    const lower = (i: number) => (lowered[i] ??= text.slice(starts[i], ends[i]).toLowerCase());

    // Line numbers, counted forward as findings come in order.
    let lineAt = 0;
    let line = 1;
    let lineStart = 0;
    const report = (start: number, end: number, kind: LeftoverKind, codes: readonly string[], grantor: boolean) => {
      for (let k = text.indexOf('\n', lineAt); k >= 0 && k < start; k = text.indexOf('\n', k + 1)) {
        line++;
        lineStart = k + 1;
      }
      lineAt = start;
      findings.push({
        file: file.path,
        line,
        column: start - lineStart + 1,
        text: text.slice(start, end),
        kind,
        regencies: codes.map((code) => ({ code, name: decree.names.get(code) ?? code })),
        grantor,
      });
    };

    /**
     * The longest name of `root` starting at token `i`. Decree names must also fit their case rule;
     * the profile's own names (`own`) match in any case and across looser separators.
     */
    const longest = (root: Map<string, TrieNode>, i: number, own: boolean): Match | undefined => {
      let node = root.get(lower(i));
      let best: Match | undefined;
      let j = i;
      while (node) {
        if (node.terms.length > 0) {
          if (own) best = { last: j, terms: node.terms };
          else {
            const written = text.slice(starts[i], ends[j]);
            const spaced = words(written).join(' ');
            const fits = node.terms.filter((t) => caseFits(t.caseRule, t.form === 'compact' || t.form === 'domain' ? written : spaced, t));
            if (fits.length > 0) best = { last: j, terms: fits };
          }
        }
        if (j + 1 >= starts.length || !joins(text, ends[j]!, starts[j + 1]!, own)) break;
        node = node.next.get(lower(j + 1));
        j++;
      }
      return best;
    };

    for (let i = 0; i < starts.length; i++) {
      const token = lower(i);
      const c0 = token.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && token.length >= 5 && token.charCodeAt(2) === 46) {
        // A region code: another regency's, standing alone, not a version number.
        const regency = token.slice(0, 5);
        if (regency === ownCode || !decree.names.has(regency) || isAllowed(starts[i]!)) continue;
        const before = starts[i]! > 0 ? text[starts[i]! - 1]! : ' ';
        if (/[\p{L}:@=~^_-]/u.test(before) || (i > 0 && VERSION_WORDS.has(lower(i - 1)))) continue;
        const grantor = regency === grantorCode;
        if (grantor && inGrantDocument) continue;
        report(starts[i]!, ends[i]!, 'code', [regency], grantor);
        continue;
      }
      const mine = own.root.has(token) ? longest(own.root, i, true) : undefined;
      const global = decree.root.has(token) ? longest(decree.root, i, false) : undefined;
      // An own name is read whole, so a name inside it (`Rembang` in a village `Sumber Rembang`) is not met.
      if (mine && (!global || mine.last >= global.last)) {
        i = mine.last;
        continue;
      }
      if (!global) continue;
      const at = i;
      const start = starts[at]!;
      const end = ends[global.last]!;
      i = global.last;
      if (isAllowed(start)) continue;
      const street = at > 0 && STREET_WORDS.has(lower(at - 1));
      // `Asia/Makassar`, `Asia/Jayapura`: time zones (IANA), not the cities.
      const timeZone = at > 0 && lower(at - 1) === 'asia' && text.slice(ends[at - 1]!, start) === '/';
      const hits = global.terms.filter((t) => {
        if (t.codes.includes(ownCode)) return false;
        if (t.form === 'bare' || t.form === 'compact') return t.distinctive && !own.bare.has(t.lower) && !street && !timeZone;
        return true;
      });
      if (hits.length === 0) continue;
      const codes = [...new Set(hits.flatMap((t) => t.codes))].sort();
      const grantor = grantorCode !== undefined && codes.includes(grantorCode);
      if (grantor && inGrantDocument) continue;
      const kind: LeftoverKind = hits.some((t) => t.form === 'domain') ? 'domain' : 'name';
      report(start, end, kind, codes, grantor);
    }
  }
  return findings;
}

/** One line per finding, as a compiler prints it: `docs/x.md:12:5 "Kabupaten Jombang" (35.17 Kabupaten Jombang)`. */
export function formatLeftover(f: Leftover, lang: 'id' | 'en' = 'id'): string {
  const who = f.regencies.map((r) => `${r.code} ${r.name}`).join(', ');
  const note = f.grantor ? (lang === 'id' ? ', pemberi hibah di luar dokumen hibah' : ', the grantor outside the grant documents') : '';
  return `${f.file}:${f.line}:${f.column} "${f.text}" (${who}${note})`;
}
