/**
 * What the seed tests share: the fixture and hostile profiles, writing a seed into a temporary
 * output tree, the rows a profile should produce (derived here from the profile itself, apart from
 * src/seed/rows.ts), and reading tables back from a real server as bytes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';
import { DEFAULT_DESA_LETTER_TEMPLATE, DEFAULT_LETTER_TEMPLATE } from '../../src/generate/model.js';
import { parseYamlText } from '../../src/profile/load.js';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { DECREE, regionIndex, type RegionIndex } from '../../src/region/decree.js';
import { seedFiles, type SeedFile } from '../../src/seed/files.js';
import { CLASSIFICATION_CODES, SEED_TABLES } from '../../src/seed/tables.js';
import { validateText } from '../../src/validate/validate-profile.js';
import type { DbServer } from '../helpers/db.js';

export const FIXTURE_TEXT = readFileSync(new URL('../fixtures/kota-banjar.yaml', import.meta.url), 'utf8');
export const TODAY = new Date('2026-11-23');
export const region: RegionIndex = regionIndex();

/** Strings that would break naive SQL, shell, template or CSV output. */
export const HOSTILE = {
  regency: "Kota Banjar'; DELETE FROM wilayah; --",
  opdName: "Dinas O'Neil'); DROP TABLE x; --",
  opdShort: '{{x}} {{{y}}} $(rm -rf /) `id` ${HOME}',
  opdAddress: 'C:\\jalan\\raya\\ berakhir dengan garis miring terbalik\\',
  head: 'Kepala 𝔘 🇮🇩 👩🏽‍💻 \u202Ebalik\u202C nol\u200Blebar "kutip"',
  officer: "$$ $tag$ E'\\x27' -- /* komentar */ # ; \\' \\\\",
  signatory: "Robert'); DROP TABLE penandatangan;--",
  frontTitle: '  spasi di awal dan akhir  ',
  backTitle: 'S.T.,\\ M.Si. \\',
  position: 'baris satu\nbaris dua\r\nbaris tiga\ttab \u001a ctrl-z, "koma"',
} as const;

/** Loads YAML text as a profile, requiring that the schema accepts it. */
export function profileOf(text: string): RegencyProfile {
  const result = validateText('regency.yaml', text, { lang: 'en', today: TODAY });
  const schema = result.diagnostics.filter((d) => d.rule === 'schema' || d.rule.startsWith('yaml-') || d.rule.startsWith('file-'));
  expect(schema, JSON.stringify(schema, null, 1)).toEqual([]);
  const loaded = parseYamlText('regency.yaml', text, 'en');
  if (!loaded.ok) throw new Error('profile did not load');
  return loaded.doc.data as RegencyProfile;
}

export function fixtureProfile(): RegencyProfile {
  const text = FIXTURE_TEXT;
  const result = validateText('regency.yaml', text, { lang: 'en', today: TODAY });
  expect(result.valid, JSON.stringify(result.diagnostics, null, 1)).toBe(true);
  return profileOf(text);
}

/** The fixture with a few names replaced by hostile strings, through the YAML document API. */
export function hostileText(): string {
  const doc = parseDocument(FIXTURE_TEXT);
  doc.setIn(['regency', 'name'], HOSTILE.regency);
  doc.setIn(['opds', 4, 'name'], HOSTILE.opdName);
  doc.setIn(['opds', 4, 'shortName'], HOSTILE.opdShort);
  doc.setIn(['opds', 4, 'address'], HOSTILE.opdAddress);
  doc.setIn(['villages', 'details', 0, 'head'], HOSTILE.head);
  doc.setIn(['villages', 'details', 0, 'officers', 0, 'name'], HOSTILE.officer);
  doc.addIn(['villages', 'details', 0, 'officers'], { role: 'kepala-dusun', name: 'Dusun Satu' });
  doc.addIn(['villages', 'details', 0, 'officers'], { role: 'kepala-dusun', name: 'Dusun Dua' });
  doc.setIn(['signatories', 2, 'name'], HOSTILE.signatory);
  doc.setIn(['signatories', 2, 'frontTitle'], HOSTILE.frontTitle);
  doc.setIn(['signatories', 2, 'backTitle'], HOSTILE.backTitle);
  doc.setIn(['signatories', 2, 'position'], HOSTILE.position);
  return doc.toString({ lineWidth: 0 });
}

export function hostileProfile(): RegencyProfile {
  const p = profileOf(hostileText());
  // The YAML round trip kept every hostile string exactly.
  expect(p.regency.name).toBe(HOSTILE.regency);
  expect(p.opds[4]?.name).toBe(HOSTILE.opdName);
  expect(p.opds[4]?.address).toBe(HOSTILE.opdAddress);
  expect(p.signatories[2]?.position).toBe(HOSTILE.position);
  expect(p.signatories[2]?.frontTitle).toBe(HOSTILE.frontTitle);
  return p;
}

/**
 * A valid profile of Kabupaten Sumedang (32.11) with every village from the decree: the fixture's
 * shape, with one kecamatan OPD per kecamatan of the decree.
 */
export function sumedangProfile(): RegencyProfile {
  const doc = parseDocument(FIXTURE_TEXT);
  doc.setIn(['regency', 'code'], '32.11');
  doc.setIn(['regency', 'name'], 'Kabupaten Sumedang');
  doc.setIn(['regency', 'domain'], 'sumedangkab.go.id');
  doc.setIn(['regency', 'letterhead', 'email'], 'diskominfo@sumedangkab.go.id');
  doc.setIn(['regency', 'letterhead', 'website'], 'https://sumedangkab.go.id');
  const keep = (doc.getIn(['opds']) as { items: unknown[] }).items.length;
  for (let i = keep - 1; i >= 0; i--) if ((doc.getIn(['opds', i, 'kind']) as string) === 'kecamatan') doc.deleteIn(['opds', i]);
  for (const d of region.districtsOf('32.11')) {
    doc.addIn(['opds'], { code: `kec-${d.code.slice(6)}`, name: `Kecamatan ${d.name}`, kind: 'kecamatan', type: 'A', regionCode: d.code, unitCode: `KEC.${d.code.slice(6)}` });
  }
  doc.setIn(['villages'], { from: 'kemendagri' });
  doc.deleteIn(['signatories', 4]);
  doc.setIn(['signatories', 0, 'position'], 'Bupati Sumedang');
  doc.deleteIn(['grant']);
  return profileOf(doc.toString({ lineWidth: 0 }));
}

/** Writes the seed files into a new temporary output tree. */
export function writeSeed(files: SeedFile[]): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-seed-'));
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const seedOf = (profile: RegencyProfile) => seedFiles(profile, region);

export type Cell = string | number | null;
export type Table = Record<string, Cell>[];

const byKey = (keys: string[]) => (a: Record<string, Cell>, b: Record<string, Cell>) => {
  for (const k of keys) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
};

/**
 * The rows each table should hold for a profile, derived from the profile and the decree directly
 * (not through src/seed/rows.ts).
 */
export function expectedRows(p: RegencyProfile): Record<string, Table> {
  const nul = <T>(v: T | undefined) => (v === undefined ? null : v);
  const listed = Array.isArray(p.villages) ? p.villages : undefined;
  const details = new Map((!listed && p.villages ? (p.villages as { details?: Array<{ code: string; head?: string; officers?: Array<{ role: string; name: string }>; address?: string; postcode?: string }> }).details ?? [] : []).map((d) => [d.code, d]));
  const villages = listed
    ? listed.map((v) => ({ code: v.code, name: v.name, kind: v.kind ?? ({ 1: 'kelurahan', 2: 'desa', 3: 'desa-adat' } as Record<string, string>)[v.code[9]!]!, head: v.head, officers: v.officers ?? [], address: v.address, postcode: v.postcode }))
    : region.villagesOfRegency(p.regency.code).filter((v) => !((p.villages as { exclude?: string[] }).exclude ?? []).includes(v.code)).map((v) => {
        const d = details.get(v.code);
        return { code: v.code, name: v.name, kind: v.kind, head: d?.head, officers: d?.officers ?? [], address: d?.address, postcode: d?.postcode };
      });
  const officers: Table = [];
  for (const v of villages) {
    const seen = new Map<string, number>();
    for (const o of v.officers) {
      const n = (seen.get(o.role) ?? 0) + 1;
      seen.set(o.role, n);
      officers.push({ kode_desa: v.code, peran: o.role, urutan: n, nama: o.name });
    }
  }
  const apps: Table = [];
  if (p.apps.eoffice && p.apps.eoffice.enabled !== false) {
    apps.push({ aplikasi: 'eoffice', template: p.apps.eoffice.letterNumber?.template ?? DEFAULT_LETTER_TEMPLATE, reset: p.apps.eoffice.letterNumber?.reset ?? 'yearly', padding: p.apps.eoffice.letterNumber?.padding ?? 0 });
  }
  if (p.apps.eofficeDesa && p.apps.eofficeDesa.enabled !== false) {
    apps.push({ aplikasi: 'eoffice-desa', template: p.apps.eofficeDesa.letterNumber?.template ?? DEFAULT_DESA_LETTER_TEMPLATE, reset: p.apps.eofficeDesa.letterNumber?.reset ?? 'yearly', padding: p.apps.eofficeDesa.letterNumber?.padding ?? 0 });
  }
  const out: Record<string, Table> = {
    wilayah: [
      { kode: p.regency.code, nama: p.regency.name, jenis: Number(p.regency.code.slice(3)) >= 71 ? 'kota' : 'kabupaten', induk: p.regency.code.slice(0, 2) },
      ...region.districtsOf(p.regency.code).map((d) => ({ kode: d.code, nama: d.name, jenis: 'kecamatan', induk: p.regency.code })),
    ],
    desa: villages.map((v) => ({ kode: v.code, nama: v.name, jenis: v.kind, kode_kecamatan: v.code.slice(0, 8), kepala: nul(v.head), alamat: nul(v.address), kode_pos: nul(v.postcode) })),
    perangkat_desa: officers,
    opd: p.opds.map((o, i) => ({
      kode: o.code,
      nama: o.name,
      singkatan: nul(o.shortName),
      jenis: o.kind,
      tipe: nul(o.type),
      induk: nul(o.parent),
      kode_unit: o.unitCode ?? o.code.toUpperCase(),
      kode_sipd: nul(o.sipdCode),
      kode_wilayah: nul(o.regionCode),
      alamat: nul(o.address),
      urutan: i + 1,
    })),
    penandatangan: p.signatories.map((s, i) => ({
      id: s.id,
      gelar_depan: nul(s.frontTitle),
      nama: s.name,
      gelar_belakang: nul(s.backTitle),
      nip: nul(s.nip),
      ni_pppk: nul(s.niPppk),
      golongan: nul(s.golongan),
      pangkat: nul(s.pangkat),
      jabatan: s.position,
      peran: s.role,
      opd: nul(s.opd),
      desa: nul(s.village),
      instansi: nul(s.institution),
      status: s.status ?? 'definitif',
      delegasi_jenis: nul(s.delegation?.type),
      delegasi_prinsipal: nul(s.delegation?.principal),
      delegasi_via: nul(s.delegation?.via),
      atasan: nul(s.superior),
      email: nul(s.email),
      urutan: i + 1,
    })),
    klasifikasi_arsip: CLASSIFICATION_CODES.map((c) => ({ kode: c.code, uraian: c.title, induk: c.code.includes('.') ? c.code.slice(0, c.code.lastIndexOf('.')) : null })),
    penomoran_surat: apps,
  };
  for (const t of SEED_TABLES) if (out[t.name]) out[t.name]!.sort(byKey([...t.primaryKey]));
  return out;
}

/** Text as the hex of its UTF-8 bytes, so a comparison is byte for byte. */
export const hex = (v: Cell): Cell => (typeof v === 'string' ? Buffer.from(v, 'utf8').toString('hex') : v);
export const hexRows = (rows: Table): Table => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, hex(v)])));

/** Reads a seed table back, every text column as the hex of its stored bytes, ordered by key. */
export async function readTable(server: DbServer, db: string, table: string): Promise<Table> {
  const def = SEED_TABLES.find((t) => t.name === table)!;
  const q = (n: string) => (server.dialect === 'postgresql' ? `"${n}"` : `\`${n}\``);
  const cols = def.columns.map((c) =>
    c.type.kind === 'int'
      ? `${q(c.name)} AS ${q(c.name)}`
      : server.dialect === 'postgresql'
        ? `encode(convert_to(${q(c.name)}, 'UTF8'), 'hex') AS ${q(c.name)}`
        : `LOWER(HEX(${q(c.name)})) AS ${q(c.name)}`,
  );
  const rows = await server.query<Record<string, Cell>>(db, `SELECT ${cols.join(', ')} FROM ${q(table)} ORDER BY ${def.primaryKey.map(q).join(', ')}`);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/** Asserts that the database holds exactly the profile's data, byte for byte. */
export async function expectDatabaseHolds(server: DbServer, db: string, p: RegencyProfile): Promise<void> {
  const want = expectedRows(p);
  for (const [table, rows] of Object.entries(want)) {
    expect(await readTable(server, db, table), `${server.dialect} table ${table}`).toEqual(hexRows(rows));
  }
  const meta = Object.fromEntries((await readTable(server, db, 'seed_meta')).map((r) => [Buffer.from(String(r.kunci), 'hex').toString('utf8'), r.nilai]));
  expect(meta.atribusi_wilayah).toBe(hex(DECREE.attribution));
  expect(meta.keputusan_wilayah).toBe(hex(DECREE.name));
  expect(meta.kode_wilayah).toBe(hex(p.regency.code));
  expect(Buffer.from(String(meta.profil_digest), 'hex').toString('utf8')).toMatch(/^sha256:[0-9a-f]{64}$/);
}

/** Every seed table, as stored: to prove that a failed load changed nothing. */
export async function snapshot(server: DbServer, db: string): Promise<Record<string, Table>> {
  const out: Record<string, Table> = {};
  for (const t of SEED_TABLES) out[t.name] = await readTable(server, db, t.name);
  return out;
}

export async function tablesIn(server: DbServer, db: string): Promise<string[]> {
  const rows =
    server.dialect === 'postgresql'
      ? await server.query<{ t: string }>(db, "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
      : await server.query<{ t: string }>(db, 'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1');
  return rows.map((r) => r.t);
}
