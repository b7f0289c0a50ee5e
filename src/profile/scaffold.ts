/**
 * A complete, valid starting profile for any regency of the 2025 decree: the regency block from the
 * decree, the catalog agencies plus one kecamatan agency per kecamatan, the decree's villages, and
 * fictional signatories whose NIPs and NIKs pass every rule. `eoffice init` starts from it; the
 * examples and the all-regencies test are built with it.
 *
 * Deterministic: every "random" choice (names, birth dates, types of kecamatan) comes from a PRNG
 * seeded with the region code, never from Math.random or the clock, so the same code and options
 * always give the same profile.
 */
import { regionIndex, type DistrictRecord, type RegionIndex, type RegencyRecord, type VillageRecord } from '../region/decree.js';
import { PANGKAT } from '../domain/golongan.js';
import { catalogFor, toOpd, type CatalogAgency, type RegionKind } from './catalog.js';
import type {
  Apps,
  Deployment,
  Grant,
  Letterhead,
  LetterNumbering,
  Opd,
  RegencyProfile,
  Signatory,
  Village,
  VillageDetail,
  VillageOfficer,
  VillagesFromDecree,
} from './types.generated.js';

export type DeploymentTarget = Deployment['targets'][number];
export type DatabaseEngine = NonNullable<Deployment['database']>['engine'];
export type AppName = keyof Apps;

/** The blueprint version a new profile asks for. */
export const DEFAULT_APP_VERSION = '1.0.0';
export const DEFAULT_LETTER_NUMBER: Readonly<LetterNumbering> = { template: '{klasifikasi}/{nomor}/{unit}/{tahun}', reset: 'yearly' };
export const DEFAULT_VILLAGE_LETTER_NUMBER: Readonly<LetterNumbering> = { template: '{klasifikasi}/{nomor}/{kodeDesa}/{bulanRomawi}/{tahun}', reset: 'yearly' };
/** The current RPJMD cycle. */
export const DEFAULT_SAKIP_PERIOD = { start: 2025, end: 2029 } as const;
/** PermenPANRB 88/2021 evaluation weights. */
export const DEFAULT_SAKIP_WEIGHTS = { planning: 30, measurement: 30, reporting: 15, evaluation: 25 } as const;

/** Changes to one catalog agency (its code and kind stay). */
export type AgencyOverride = Partial<Pick<Opd, 'name' | 'shortName' | 'type' | 'unitCode' | 'sipdCode' | 'address'>> & {
  /** Title of its head; by default derived from the (new) name. */
  headTitle?: string;
};

export interface ScaffoldOptions {
  /** Which applications to enable (all by default). eofficeDesa is enabled only where the region has a desa. */
  apps?: Partial<Record<AppName, boolean>>;
  /** Deployment target(s) and database engine (compose and PostgreSQL by default); `false` leaves the section out. */
  deployment?: false | { targets?: DeploymentTarget[]; database?: DatabaseEngine; domain?: string };
  /** Write every village of the decree explicitly (code, name, kind) instead of `from: kemendagri`. */
  listed?: boolean;
  /** How many desa get a fictional head and officers (spread over the region); the first also signs. */
  villageDetails?: number;
  /** The region's official domain; `<slug>kab.go.id` or `<slug>kota.go.id` by default. */
  domain?: string;
  /** Letterhead fields over the derived ones. */
  letterhead?: Partial<Letterhead>;
  /** Per catalog code: the regency's own name, short name, type or unit code of an agency. */
  agencies?: Record<string, AgencyOverride>;
  letterNumber?: { eoffice?: LetterNumbering; eofficeDesa?: LetterNumbering };
  srikandi?: NonNullable<NonNullable<Apps['eoffice']>['srikandi']>;
  grant?: Grant;
  /**
   * The regency's own agencies in place of the catalog (edited or imported by `eoffice init`);
   * kecamatan agencies still come from the decree.
   */
  agencyList?: readonly CatalogAgency[];
  /** Real people in place of the fictional ones: the head of region, the Sekda, heads of agencies by agency code. */
  people?: {
    headOfRegion?: PersonAnswer;
    sekda?: PersonAnswer;
    heads?: Readonly<Record<string, PersonAnswer>>;
  };
  /** Villages of these kecamatan only (decree codes); the whole region when absent. */
  villageDistricts?: readonly string[];
  /** The decree index (loaded once per process by default). */
  region?: RegionIndex;
}

/** A person as `eoffice init` asks for them; golongan gives the pangkat. */
export interface PersonAnswer {
  frontTitle?: string;
  name: string;
  backTitle?: string;
  nip?: string;
  niPppk?: string;
  golongan?: string;
  status?: NonNullable<Signatory['status']>;
}

/** The fields of a signatory that `person` decides: titles, name, NIP, rank; status when not definitive. */
function personFields(person: PersonAnswer): Partial<Signatory> & { name: string } {
  const pangkat = person.golongan !== undefined ? PANGKAT[person.golongan] : undefined;
  return {
    ...(person.frontTitle ? { frontTitle: person.frontTitle } : {}),
    name: person.name,
    ...(person.backTitle ? { backTitle: person.backTitle } : {}),
    ...(person.nip ? { nip: person.nip } : {}),
    ...(person.niPppk ? { niPppk: person.niPppk } : {}),
    ...(person.golongan && pangkat ? { golongan: person.golongan, pangkat } : {}),
    ...(person.status && person.status !== 'definitif' ? { status: person.status } : {}),
  };
}

/** `base` with the fictional person's fields replaced by the real one's (the NIK, tied to the fictional person, goes too). */
function withPerson(base: Signatory, person: PersonAnswer | undefined): Signatory {
  if (!person) return base;
  const { frontTitle: _f, backTitle: _b, nip: _n, niPppk: _np, golongan: _g, pangkat: _p, status: _s, nik: _k, ...rest } = base;
  const merged = { ...rest, ...personFields(person) };
  // Keep the schema's key order readable: the writer orders keys anyway.
  return merged as Signatory;
}

/** The region code is not a regency or city of the 2025 decree. */
export class UnknownRegencyError extends Error {
  override readonly name = 'UnknownRegencyError';
  constructor(readonly code: string) {
    super(`region code ${code} is not a regency or city of Kepmendagri 300.2.2-2138/2025`);
  }
}

// ---------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for picking names; never for secrets. */
export class SeededRandom {
  private state: number;
  constructor(seed: string) {
    this.state = hash32(seed);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Names, places, codes

/** "Kabupaten Administrasi Kepulauan Seribu" → "Kepulauan Seribu": the place as people say it. */
export function placeOf(regencyName: string): string {
  return regencyName.replace(/^(Kabupaten|Kota)\s+/i, '').replace(/^Administrasi\s+/i, '');
}

/** Letters and digits only, lower case: "Belitung Timur" → "belitungtimur". */
function compactSlug(s: string): string {
  return ascii(s).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Kebab-case: "Pulau-Pulau Batu" → "pulau-pulau-batu", "Ma'u" → "mau". */
export function kebab(s: string): string {
  return ascii(s).toLowerCase().replace(/['’"`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function ascii(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The usual official domain: sumedangkab.go.id, banjarkota.go.id. */
export function defaultDomain(regency: Pick<RegencyRecord, 'name' | 'kind'>): string {
  return `${compactSlug(placeOf(regency.name))}${regency.kind === 'kota' ? 'kota' : 'kab'}.go.id`;
}

/** Title of the head of region: "Bupati Sumedang", "Wali Kota Banjar", "Wali Kota Administrasi Jakarta Pusat". */
export function headOfRegionTitle(regency: Pick<RegencyRecord, 'name' | 'kind'>): string {
  const rest = regency.name.replace(/^(Kabupaten|Kota)\s+/i, '');
  return `${regency.kind === 'kota' ? 'Wali Kota' : 'Bupati'} ${rest}`;
}

function uniqueIn(used: Set<string>, base: string, join = '-'): string {
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}${join}${n}`;
  used.add(candidate);
  return candidate;
}

const VOWEL = /[AIUEO]/;

/** Consonant skeleton after the first letter: "CIMALAKA" → "CMLK". */
function skeleton(word: string): string {
  return word.charAt(0) + word.slice(1).replace(/[AIUEO]/g, '').replace(/(.)\1+/g, '$1');
}

/** The first letter of each syllable, roughly: "TANJUNGSARI" → "TJSR", "SUMEDANG" → "SMD". */
function onsets(word: string): string {
  let out = word.charAt(0);
  for (let i = 1; i < word.length - 1; i++) {
    if (!VOWEL.test(word[i]!) && VOWEL.test(word[i + 1]!)) out += word[i];
  }
  return out;
}

/**
 * A unit code for a kecamatan, unique among `used`: `KEC.` and the syllable initials of the first
 * word plus the initials of the others ("Tanjungsari" → KEC.TJS, "Sumedang Utara" → KEC.SMDU),
 * lengthened, then the consonant skeleton, then numbered, until it is free.
 */
export function kecamatanUnitCode(name: string, used: Set<string>): string {
  const words = ascii(name).toUpperCase().replace(/['’"`]/g, '').split(/[^A-Z0-9]+/).filter(Boolean);
  const first = words[0] ?? 'KEC';
  const initials = words.slice(1).map((w) => (/^\d+$/.test(w) ? w : w.charAt(0))).join('');
  const stems: string[] = [];
  if (/^\d+$/.test(first)) {
    stems.push(first);
  } else {
    for (const letters of [onsets(first), skeleton(first)]) {
      for (let len = 3; len <= letters.length; len++) stems.push(letters.slice(0, len));
    }
    stems.push(first.slice(0, 3));
  }
  const candidates = stems.map((stem) => `KEC.${stem}${initials}`);
  for (const c of candidates) {
    if (!used.has(c)) {
      used.add(c);
      return c;
    }
  }
  return uniqueIn(used, candidates[0]!, '');
}

// Common Indonesian given names and family names, combined at random: the people are fictional.
const MALE = ['Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dadang', 'Dedi', 'Didik', 'Eko', 'Fajar', 'Gunawan', 'Hendra', 'Heru', 'Imam', 'Iwan', 'Joko', 'Kusnadi', 'Lukman', 'Mulyadi', 'Nanang', 'Rahmat', 'Rudi', 'Slamet', 'Sugeng', 'Teguh', 'Wahyu', 'Yayan', 'Yusuf', 'Zainal'];
const FEMALE = ['Ani', 'Dewi', 'Dian', 'Endah', 'Fitri', 'Hesti', 'Indah', 'Kartika', 'Lia', 'Mega', 'Nining', 'Nurul', 'Ratna', 'Rina', 'Sari', 'Siti', 'Sri', 'Tuti', 'Wulan', 'Yuni'];
const FAMILY_MALE = ['Hidayat', 'Kurniawan', 'Setiawan', 'Nugroho', 'Prasetyo', 'Santoso', 'Wibowo', 'Permana', 'Saputra', 'Hermawan', 'Firmansyah', 'Sudrajat', 'Suryadi', 'Wijaya', 'Ramdani', 'Maulana', 'Pratama', 'Syahputra'];
const FAMILY_FEMALE = ['Rahmawati', 'Lestari', 'Handayani', 'Wulandari', 'Purnamasari', 'Susilowati', 'Kusumawati', 'Anggraeni', 'Safitri', 'Marlina', 'Novitasari', 'Maharani'];
const BACK_TITLES = ['S.Sos., M.Si.', 'S.E., M.M.', 'S.T., M.T.', 'S.H., M.H.', 'S.IP., M.Si.', 'S.Kom., M.Kom.', 'S.Pd., M.Pd.', 'S.STP., M.Si.', 'S.P., M.P.', 'S.E., M.Ak.'];
const HEAD_BACK_TITLES = ['S.E., M.M.', 'S.H., M.H.', 'S.T., M.T.', 'S.Sos., M.Si.', 'S.IP., M.A.P.'];

type Sex = 'male' | 'female';

interface Person {
  name: string;
  sex: Sex;
}

class People {
  constructor(
    private readonly rnd: SeededRandom,
    /** Shared between streams, so nobody in a profile has another's name. */
    private readonly used: Set<string>,
  ) {}
  next(sex: Sex = this.rnd.chance(0.35) ? 'female' : 'male'): Person {
    for (;;) {
      const given = this.rnd.pick(sex === 'male' ? MALE : FEMALE);
      const family = this.rnd.pick(sex === 'male' ? FAMILY_MALE : FAMILY_FEMALE);
      const name = `${given} ${family}`;
      if (!this.used.has(name) && !family.toLowerCase().includes(given.toLowerCase())) {
        this.used.add(name);
        return { name, sex };
      }
    }
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface CivilServantSpec {
  golongan: readonly string[];
  born: readonly [number, number];
}

const LEVELS = {
  sekda: { golongan: ['IV/c', 'IV/d'], born: [1967, 1972] },
  kepalaOpd: { golongan: ['IV/b', 'IV/c'], born: [1968, 1978] },
  administrator: { golongan: ['III/d', 'IV/a'], born: [1975, 1985] },
} as const satisfies Record<string, CivilServantSpec>;

/**
 * NIPs and NIKs that pass every rule: a real birth date, a TMT CPNS at age 22–29 in a real month
 * (no later than 2015, so never in the future), the sex digit, a sequence from 001; unique within
 * the profile.
 */
class Identities {
  readonly nips = new Set<string>();
  constructor(
    private readonly rnd: SeededRandom,
    private readonly nikRegion: () => string,
  ) {}
  birth(born: readonly [number, number]) {
    return { year: this.rnd.int(born[0], born[1]), month: this.rnd.int(1, 12), day: this.rnd.int(1, 28) };
  }
  nip(sex: Sex, birth: { year: number; month: number; day: number }): string {
    const tmtYear = birth.year + this.rnd.int(22, 29);
    const tmtMonth = this.rnd.pick([1, 3, 4, 12]);
    const head = `${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${tmtYear}${pad(tmtMonth, 2)}${sex === 'male' ? 1 : 2}`;
    for (let seq = this.rnd.int(1, 5); ; seq++) {
      const nip = head + pad(seq, 3);
      if (!this.nips.has(nip)) {
        this.nips.add(nip);
        return nip;
      }
    }
  }
  nik(sex: Sex, birth: { year: number; month: number; day: number }): string {
    const day = birth.day + (sex === 'female' ? 40 : 0);
    return `${this.nikRegion()}${pad(day, 2)}${pad(birth.month, 2)}${pad(birth.year % 100, 2)}${pad(this.rnd.int(1, 999), 4)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The profile

function agencyOpd(a: CatalogAgency, o: AgencyOverride | undefined): Opd {
  const opd = toOpd({
    ...a,
    ...(o?.name !== undefined ? { name: o.name } : {}),
    ...(o?.shortName !== undefined ? { shortName: o.shortName } : {}),
    ...(o?.type !== undefined ? { type: o.type } : {}),
    ...(o?.unitCode !== undefined ? { unitCode: o.unitCode } : {}),
    ...(o?.sipdCode !== undefined ? { sipdCode: o.sipdCode } : {}),
  });
  return o?.address !== undefined ? { ...opd, address: o.address } : opd;
}

function headTitleOf(a: CatalogAgency, o: AgencyOverride | undefined): string {
  if (o?.headTitle !== undefined) return o.headTitle;
  if (o?.name !== undefined && a.headTitle === `Kepala ${a.name}`) return `Kepala ${o.name}`;
  return a.headTitle;
}

/** Kecamatan with many villages are type A, the others B (a stand-in for the workload score). */
function kecamatanType(villages: number): 'A' | 'B' {
  return villages >= 12 ? 'A' : 'B';
}

function kecamatanOpds(districts: readonly DistrictRecord[], region: RegionIndex, opdCodes: Set<string>, unitCodes: Set<string>): Opd[] {
  return districts.map((d, i) => ({
    code: uniqueIn(opdCodes, `kec-${kebab(d.name) || d.code.slice(6)}`),
    name: `Kecamatan ${d.name}`,
    kind: 'kecamatan',
    type: kecamatanType(region.villagesOfDistrict(d.code).length),
    unitCode: kecamatanUnitCode(d.name, unitCodes),
    // SIPD numbers kecamatan units 01–99 (the most kecamatan a regency has is 51).
    ...(i < 99 ? { sipdCode: `7.01.0.00.0.00.${pad(i + 1, 2)}.0000` } : {}),
    regionCode: d.code,
  }));
}

const VILLAGE_OFFICER_ROLES: readonly VillageOfficer['role'][] = ['sekretaris-desa', 'kaur-keuangan', 'kasi-pemerintahan'];

/** `n` desa spread evenly over the region, each with a fictional head and officers. */
function villageDetails(desa: readonly VillageRecord[], n: number, people: People): Map<string, VillageDetail> {
  const out = new Map<string, VillageDetail>();
  const count = Math.min(Math.max(0, Math.floor(n)), desa.length);
  for (let i = 0; i < count; i++) {
    const v = desa[Math.floor((i * desa.length) / count)]!;
    out.set(v.code, {
      code: v.code,
      head: people.next().name,
      officers: VILLAGE_OFFICER_ROLES.map((role) => ({ role, name: people.next().name })),
    });
  }
  return out;
}

function villageTitle(v: VillageRecord): string {
  return v.kind === 'desa-adat' ? `Kepala Desa Adat ${v.name}` : `Kepala Desa ${v.name}`;
}

function officialTitles(rnd: SeededRandom, sex: Sex): Pick<Signatory, 'frontTitle' | 'backTitle'> {
  const front = rnd.chance(0.25) ? rnd.pick(sex === 'male' ? ['Drs.', 'Dr.', 'Ir.', 'H.'] : ['Dra.', 'Dr.', 'Ir.', 'Hj.']) : undefined;
  return { ...(front !== undefined ? { frontTitle: front } : {}), backTitle: rnd.pick(BACK_TITLES) };
}

function apps(options: ScaffoldOptions, hasDesa: boolean, domain: string, slug: string): Apps {
  const want = { eoffice: true, eofficeDesa: true, esakip: true, ...options.apps };
  const out: Apps = {};
  if (want.eoffice) {
    out.eoffice = {
      enabled: true,
      version: DEFAULT_APP_VERSION,
      letterNumber: { ...(options.letterNumber?.eoffice ?? DEFAULT_LETTER_NUMBER) },
      classification: 'permendagri-83-2022',
      tte: { baseUrl: `https://tte.${domain}`, clientId: `eoffice-${slug}`, clientSecret: 'env:TTE_CLIENT_SECRET' },
      srikandi: options.srikandi ?? 'alongside',
    };
  }
  // Without a desa the village app has nothing to serve, and app-requirements rejects it.
  if (want.eofficeDesa && hasDesa) {
    out.eofficeDesa = {
      enabled: true,
      version: DEFAULT_APP_VERSION,
      letterNumber: { ...(options.letterNumber?.eofficeDesa ?? DEFAULT_VILLAGE_LETTER_NUMBER) },
    };
  }
  if (want.esakip) {
    out.esakip = { enabled: true, version: DEFAULT_APP_VERSION, period: { ...DEFAULT_SAKIP_PERIOD }, weights: { ...DEFAULT_SAKIP_WEIGHTS } };
  }
  if (Object.keys(out).length === 0) throw new RangeError('scaffoldProfile: enable at least one of eoffice, eofficeDesa, esakip');
  return out;
}

const DB_VERSION: Record<DatabaseEngine, string> = { postgresql: '17', mysql: '8.4', mariadb: '11.4' };

function deployment(options: ScaffoldOptions, domain: string): Deployment | undefined {
  if (options.deployment === false) return undefined;
  const targets = options.deployment?.targets ?? ['compose'];
  if (targets.length === 0) throw new RangeError('scaffoldProfile: name at least one deployment target');
  const engine = options.deployment?.database ?? 'postgresql';
  const kubernetes = targets.includes('kubernetes');
  return {
    targets: [targets[0]!, ...targets.slice(1)],
    domain: options.deployment?.domain ?? `eoffice.${domain}`,
    tls: { mode: 'acme', email: `diskominfo@${domain}` },
    database: { engine, version: DB_VERSION[engine], name: 'eoffice', user: 'eoffice', password: 'env:EOFFICE_DB_PASSWORD' },
    storage: kubernetes ? { kind: 'local', path: '/var/lib/eoffice', size: '50Gi' } : { kind: 'local', path: '/var/lib/eoffice' },
    mail: { host: `mail.${domain}`, port: 587, from: `noreply@${domain}`, username: `noreply@${domain}`, password: 'env:EOFFICE_MAIL_PASSWORD' },
    backups: { schedule: '0 2 * * *', retentionDays: 30 },
    ...(kubernetes ? { resources: { cpu: '1', memory: '2Gi', replicas: 2 } } : { resources: { cpu: '2', memory: '4Gi' } }),
  };
}

/** The heads of agency a new profile lists: the apps' owners and the usual PK signers. */
const HEADS = ['diskominfo', 'bappeda', 'bkpsdm', 'bpkad', 'inspektorat', 'dpmd'] as const;
const CAMAT = 2;

const HEAD_ROLES: ReadonlySet<Signatory['role']> = new Set(['kepala-opd', 'camat', 'sekretaris-daerah']);

/**
 * Puts the people the user named in place of the fictional ones, slot by slot (the head of region,
 * the head of each agency); a head of an agency the scaffold gave none gets a new signatory.
 */
function applyPeople(
  signatories: Signatory[],
  options: ScaffoldOptions,
  at: { headId: string; superior: string; opds: readonly Opd[]; catalog: readonly CatalogAgency[]; kecamatan: readonly Opd[]; districts: readonly DistrictRecord[] },
): void {
  const people = options.people;
  if (!people) return;
  const head = signatories.findIndex((s) => s.id === at.headId);
  if (people.headOfRegion && head >= 0) signatories[head] = withPerson(signatories[head]!, people.headOfRegion);
  const heads: Record<string, PersonAnswer> = { ...people.heads, ...(people.sekda ? { setda: people.sekda } : {}) };
  const ids = new Set(signatories.map((s) => s.id));
  for (const [code, person] of Object.entries(heads)) {
    const opd = at.opds.find((o) => o.code === code);
    if (!opd) continue;
    const i = signatories.findIndex((s) => s.opd === code && HEAD_ROLES.has(s.role));
    if (i >= 0) {
      signatories[i] = withPerson(signatories[i]!, person);
      continue;
    }
    const k = at.kecamatan.findIndex((o) => o.code === code);
    const agency = at.catalog.find((a) => a.code === code);
    const position = k >= 0 ? `Camat ${at.districts[k]!.name}` : agency ? headTitleOf(agency, options.agencies?.[code]) : `Kepala ${opd.name}`;
    signatories.push({
      id: uniqueIn(ids, k >= 0 ? `camat-${code.replace(/^kec-/, '')}` : `kepala-${code}`),
      ...personFields(person),
      position,
      role: k >= 0 ? 'camat' : 'kepala-opd',
      opd: code,
      superior: at.superior,
    });
  }
}

/**
 * A profile for the regency or city `regencyCode` ("32.11") that passes `eoffice validate` with
 * neither error nor warning. Throws UnknownRegencyError for a code the decree does not have.
 */
export function scaffoldProfile(regencyCode: string, options: ScaffoldOptions = {}): RegencyProfile {
  const region = options.region ?? regionIndex();
  const regency = region.regencies.get(regencyCode);
  if (!regency) throw new UnknownRegencyError(regencyCode);
  const kind: RegionKind = regency.kind;
  const province = region.provinces.get(regency.provinceCode);
  const districts = region.districtsOf(regencyCode);
  const only = options.villageDistricts ? new Set(options.villageDistricts) : undefined;
  const villages = region.villagesOfRegency(regencyCode).filter((v) => !only || only.has(v.districtCode));
  const desa = villages.filter((v) => v.kind !== 'kelurahan');
  const domain = options.domain ?? defaultDomain(regency);
  const slug = kebab(placeOf(regency.name));
  const rnd = new SeededRandom(`eoffice:${regencyCode}`);
  const names = new Set<string>();
  const people = new People(rnd, names);
  // Villages draw from their own stream, so asking for village details leaves the officials as they were.
  const villagePeople = new People(new SeededRandom(`eoffice:${regencyCode}:villages`), names);
  const regencyDigits = regencyCode.replace('.', '');
  const ids = new Identities(rnd, () => `${regencyDigits}${districts.length > 0 ? rnd.pick(districts).code.slice(6) : '01'}`);
  for (const s of options.grant?.grantor.signatories ?? []) if (s.nip !== undefined) ids.nips.add(s.nip);

  // Agencies
  const catalog = options.agencyList ?? catalogFor(kind);
  const opds: Opd[] = catalog.map((a) => agencyOpd(a, options.agencies?.[a.code]));
  const opdCodes = new Set(opds.map((o) => o.code));
  const unitCodes = new Set(opds.map((o) => (o.unitCode ?? '').toUpperCase()));
  const kecamatan = kecamatanOpds(districts, region, opdCodes, unitCodes);
  opds.push(...kecamatan);

  // Signatories
  const headId = kind === 'kota' ? 'walikota' : 'bupati';
  const headPerson = people.next(rnd.chance(0.2) ? 'female' : 'male');
  const headBirth = ids.birth([1965, 1982]);
  const signatories: Signatory[] = [
    {
      id: headId,
      ...(rnd.chance(0.6) ? { frontTitle: rnd.pick(headPerson.sex === 'male' ? ['H.', 'Dr. H.'] : ['Hj.', 'Dr. Hj.']) } : {}),
      name: headPerson.name,
      backTitle: rnd.pick(HEAD_BACK_TITLES),
      position: headOfRegionTitle(regency),
      role: 'kepala-daerah',
      nik: ids.nik(headPerson.sex, headBirth),
    },
  ];
  const deputy = people.next(rnd.chance(0.3) ? 'female' : 'male');
  signatories.push({
    id: `wakil-${headId}`,
    name: deputy.name,
    backTitle: rnd.pick(HEAD_BACK_TITLES),
    position: `Wakil ${headOfRegionTitle(regency)}`,
    role: 'wakil-kepala-daerah',
  });
  const civilServant = (level: CivilServantSpec) => {
    const p = people.next();
    const birth = ids.birth(level.born);
    const golongan = rnd.pick(level.golongan);
    return {
      fields: { ...officialTitles(rnd, p.sex), name: p.name, nip: ids.nip(p.sex, birth), golongan, pangkat: PANGKAT[golongan]! },
      nik: () => ids.nik(p.sex, birth),
    };
  };
  const sekda = civilServant(LEVELS.sekda);
  signatories.push({
    id: 'sekda',
    ...sekda.fields,
    position: catalog.find((a) => a.code === 'setda')?.headTitle ?? 'Sekretaris Daerah',
    role: 'sekretaris-daerah',
    opd: 'setda',
    superior: headId,
    delegation: { type: 'a.n.', principal: headId },
    nik: sekda.nik(),
  });
  const actingAt = rnd.int(0, HEADS.length - 1);
  HEADS.forEach((code, i) => {
    const a = catalog.find((c) => c.code === code);
    if (!a) return;
    const cs = civilServant(LEVELS.kepalaOpd);
    signatories.push({
      id: code === 'inspektorat' ? 'inspektur' : `kepala-${code}`,
      ...cs.fields,
      position: headTitleOf(a, options.agencies?.[a.code]),
      role: 'kepala-opd',
      opd: a.code,
      superior: headId,
      ...(i === actingAt ? { status: 'plt' as const } : {}),
      nik: cs.nik(),
    });
  });
  const kabag = catalog.find((a) => a.code === 'bagian-umum');
  if (kabag) {
    const cs = civilServant(LEVELS.administrator);
    signatories.push({
      id: 'kabag-umum',
      ...cs.fields,
      position: headTitleOf(kabag, options.agencies?.[kabag.code]),
      role: 'pejabat',
      opd: kabag.code,
      superior: 'sekda',
      delegation: { type: 'u.b.', principal: headId, via: 'sekda' },
    });
  }
  for (const [i, opd] of kecamatan.slice(0, CAMAT).entries()) {
    const cs = civilServant(LEVELS.administrator);
    signatories.push({
      id: `camat-${opd.code.replace(/^kec-/, '')}`,
      ...cs.fields,
      position: `Camat ${districts[i]!.name}`,
      role: 'camat',
      opd: opd.code,
      superior: headId,
    });
  }
  applyPeople(signatories, options, { headId, superior: headId, opds, catalog, kecamatan, districts });
  // Villages, after the officials: village details never change who the officials are
  const details = villageDetails(desa, options.villageDetails ?? 0, villagePeople);
  let villageSection: Village[] | VillagesFromDecree;
  if (options.listed) {
    villageSection = villages.map((v) => {
      const d = details.get(v.code);
      return { code: v.code, name: v.name, kind: v.kind, ...(d?.head !== undefined ? { head: d.head } : {}), ...(d?.officers ? { officers: d.officers } : {}) };
    });
  } else {
    villageSection = { from: 'kemendagri', ...(options.villageDistricts ? { include: [...options.villageDistricts] } : {}), ...(details.size > 0 ? { details: [...details.values()] } : {}) };
  }

  const firstDetail = [...details.values()][0];
  if (firstDetail?.head !== undefined) {
    const v = region.villages.get(firstDetail.code)!;
    signatories.push({
      id: `kades-${kebab(v.name) || v.code.slice(9)}`,
      name: firstDetail.head,
      position: villageTitle(v),
      role: 'kepala-desa',
      village: v.code,
    });
  }

  const letterhead: Letterhead = {
    address: `Jalan Pusat Pemerintahan No. 1, ${placeOf(regency.name)}`,
    email: `diskominfo@${domain}`,
    website: `https://${domain}`,
    paper: 'A4',
    ...options.letterhead,
  };
  const dep = deployment(options, domain);
  return {
    apiVersion: 'eoffice/v1',
    kind: 'RegencyProfile',
    regency: {
      code: regency.code,
      kind,
      name: regency.name,
      ...(province ? { province: province.name } : {}),
      domain,
      letterhead,
    },
    opds: [opds[0]!, ...opds.slice(1)],
    villages: villageSection,
    signatories: [signatories[0]!, ...signatories.slice(1)],
    apps: apps(options, desa.length > 0, domain, slug),
    ...(dep ? { deployment: dep } : {}),
    ...(options.grant ? { grant: options.grant } : {}),
  };
}

/**
 * The grantor's side of a grant: its head of region and the head of the agency that runs the
 * apps, fictional like every scaffolded signatory, named by institution rather than agency, with
 * ids suffixed by the grantor's place so they never meet the recipient's.
 */
export function grantorSignatories(grantorCode: string, options: Pick<ScaffoldOptions, 'agencies' | 'region'> = {}): Signatory[] {
  const profile = scaffoldProfile(grantorCode, { ...options, apps: { eoffice: true }, deployment: false });
  const suffix = kebab(placeOf(profile.regency.name));
  const institution = `Pemerintah ${profile.regency.name}`;
  const wanted = profile.signatories.filter((s) => s.role === 'kepala-daerah' || s.opd === 'diskominfo');
  return wanted.map((s) => {
    const { opd: _opd, superior: _superior, delegation: _delegation, status: _status, ...rest } = s;
    return { ...rest, id: `${s.id}-${suffix}`, institution };
  });
}

export interface GrantTerms {
  agreement: Grant['agreement'];
  bast?: Grant['bast'];
  items?: Grant['items'];
}

/** A `grant:` section from `grantorCode` (Sumedang, 32.11, for the bundled examples). */
export function grantFrom(grantorCode: string, terms: GrantTerms, options: Pick<ScaffoldOptions, 'agencies' | 'region'> = {}): Grant {
  const region = options.region ?? regionIndex();
  const grantor = region.regencies.get(grantorCode);
  if (!grantor) throw new UnknownRegencyError(grantorCode);
  return {
    grantor: { code: grantor.code, name: grantor.name, signatories: grantorSignatories(grantorCode, options) },
    agreement: { ...terms.agreement },
    ...(terms.bast ? { bast: { ...terms.bast } } : {}),
    items: [...(terms.items ?? ['applications', 'source-code', 'documentation', 'implementation-support', 'training'])],
  };
}
