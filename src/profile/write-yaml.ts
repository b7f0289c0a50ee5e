/**
 * A profile as a commented `regency.yaml`: the file a person edits after `eoffice init`, so each
 * section says what it holds and which rule it must follow. Keys come in a fixed order whatever
 * order the object was built in, codes are quoted (a bare 32.10 would be read as the number 32.1),
 * and nothing depends on the clock: the same profile always gives the same bytes.
 */
import { posix, relative, sep } from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { Bilingual, Lang } from '../i18n/lang.js';
import type { RegencyProfile } from './types.generated.js';

export interface ProfileYamlOptions {
  /** Language of the comments; Bahasa Indonesia by default. */
  lang?: Lang;
  /**
   * Where the JSON Schema lies, relative to the profile, for the `yaml-language-server` line;
   * `false` leaves the line out. Default: as seen from `examples/<region>/regency.yaml`.
   */
  schemaPath?: string | false;
  /** More comment lines for the top of the file (e.g. that the people in it are fictional). */
  header?: readonly string[];
}

export const DEFAULT_SCHEMA_PATH = '../../schemas/regency-profile.schema.json';

/** The schema path to write in a profile in `profileDir`, with forward slashes on every system. */
export function relativeSchemaPath(profileDir: string, schemaFile: string): string {
  const rel = relative(profileDir, schemaFile).split(sep).join(posix.sep);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const t = (id: string, en: string): Bilingual => ({ id, en });

/** How one value of the profile is written: key order, quoting, flow style and its comment. */
interface Shape {
  order?: readonly string[];
  fields?: Readonly<Record<string, Shape>>;
  items?: Shape;
  /** Always double-quoted: codes and dates that must stay strings. */
  quote?: boolean;
  /** Written on one line (`[compose]`, `{code: ..., name: ...}`) when this says so. */
  flow?: (value: unknown) => boolean;
  /** A comment above the key naming this value. */
  comment?: Bilingual;
}

const QUOTED: Shape = { quote: true };
const always = () => true;

const OFFICERS: Shape = { items: { order: ['role', 'name'] } };
const SIGNATORY: Shape = {
  order: ['id', 'frontTitle', 'name', 'backTitle', 'nip', 'niPppk', 'golongan', 'pangkat', 'position', 'role', 'opd', 'village', 'institution', 'status', 'delegation', 'superior', 'nik', 'email'],
  fields: { nip: QUOTED, niPppk: QUOTED, nik: QUOTED, village: QUOTED, delegation: { order: ['type', 'principal', 'via'] } },
};
const LETTER_NUMBER: Shape = {
  order: ['template', 'reset', 'padding'],
  comment: t('token: {klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}; {nomor} tepat sekali', 'tokens: {klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}; {nomor} exactly once'),
};
const DATED: Shape = { order: ['number', 'date'], fields: { date: QUOTED } };
/** A listed village with nothing but its code, name and kind fits on one line. */
const isPlainVillage = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.keys(v).every((k) => k === 'code' || k === 'name' || k === 'kind');

const PROFILE: Shape = {
  order: ['apiVersion', 'kind', 'regency', 'opds', 'villages', 'signatories', 'apps', 'deployment', 'grant'],
  fields: {
    regency: {
      comment: t(
        'Daerah profil ini. Kode dan nama sesuai Kepmendagri 300.2.2-2138/2025; jenis (kabupaten/kota) mengikuti kode.\nKop naskah dinas: alamat, telepon, e-mail, situs web dan kode pos daerah.',
        'The region of this profile. Code and name as in decree 300.2.2-2138/2025; the kind (kabupaten/kota) follows from the code.\nLetterhead: the region\'s address, telephone, e-mail, website and postcode.',
      ),
      order: ['code', 'kind', 'name', 'province', 'domain', 'letterhead'],
      fields: {
        code: QUOTED,
        letterhead: { order: ['address', 'phone', 'fax', 'email', 'website', 'postcode', 'emblem', 'paper'], fields: { postcode: QUOTED } },
      },
    },
    opds: {
      comment: t(
        'Perangkat daerah (PP 18/2016): tepat satu sekretariat-daerah, sekretariat-dprd dan inspektorat; dinas, badan\n(tipe A/B/C), bagian di bawah Setda, dan satu kecamatan untuk setiap kecamatan Kepmendagri.\nNama ditulis lengkap karena dicetak pada kop; unitCode dipakai pada nomor surat dan harus unik.',
        'Regional agencies (PP 18/2016): exactly one sekretariat-daerah, sekretariat-dprd and inspektorat; dinas, badan\n(type A/B/C), bagian under the Setda, and one kecamatan agency for each kecamatan of the decree.\nNames are written in full because they are printed on the letterhead; unitCode goes into letter numbers and is unique.',
      ),
      items: {
        order: ['code', 'name', 'shortName', 'kind', 'type', 'parent', 'unitCode', 'sipdCode', 'regionCode', 'address'],
        fields: { sipdCode: QUOTED, regionCode: QUOTED },
      },
    },
    // Either `from: kemendagri` (a map: order and fields) or the villages one by one (a list: items).
    villages: {
      order: ['from', 'include', 'exclude', 'details'],
      fields: {
        include: { items: QUOTED },
        exclude: { items: QUOTED },
        details: { items: { order: ['code', 'head', 'officers', 'address', 'postcode'], fields: { code: QUOTED, officers: OFFICERS, postcode: QUOTED } } },
      },
      items: {
        order: ['code', 'name', 'kind', 'head', 'officers', 'address', 'postcode'],
        fields: { code: QUOTED, officers: OFFICERS, postcode: QUOTED },
        flow: isPlainVillage,
      },
    },
    signatories: {
      comment: t(
        'Penandatangan naskah dinas dan perjanjian kinerja. Nama tanpa gelar (gelar di frontTitle/backTitle) agar\nblok tanda tangan dapat dicetak sesuai Permendagri 1/2023. Pejabat ASN: NIP 18 angka tanpa spasi, golongan\ndan pangkat yang sepadan; kepala daerah dan kepala desa tanpa NIP. status: definitif, plt, plh, pj;\ndelegation a.n. (atas nama) atau u.b. (untuk beliau, dengan via). NIK 16 angka untuk TTE.',
        'Signatories of official documents and performance agreements. Names without titles (titles go in\nfrontTitle/backTitle) so the signature block can be printed as Permendagri 1/2023 says. Civil servants: an\n18-digit NIP without spaces, golongan and the matching pangkat; heads of region and village heads have no NIP.\nstatus: definitif, plt, plh, pj; delegation a.n. (on behalf) or u.b. (for, with via). A 16-digit NIK for TTE.',
      ),
      items: SIGNATORY,
    },
    apps: {
      comment: t(
        'Aplikasi yang dihibahkan: eoffice (naskah dinas daerah), eofficeDesa (naskah dinas desa) dan esakip\n(akuntabilitas kinerja). Versi adalah versi blueprint yang dipakai untuk membangkitkan aplikasinya.',
        'The granted applications: eoffice (official correspondence), eofficeDesa (village correspondence) and\nesakip (performance accountability). The version is the blueprint version the app is generated from.',
      ),
      order: ['eoffice', 'eofficeDesa', 'esakip'],
      fields: {
        eoffice: {
          order: ['enabled', 'version', 'letterNumber', 'classification', 'tte', 'srikandi'],
          fields: {
            letterNumber: LETTER_NUMBER,
            tte: {
              order: ['baseUrl', 'clientId', 'clientSecret'],
              comment: t('Layanan TTE (BSrE) daerah; clientSecret hanya berupa rujukan env:/file:', "The region's TTE (BSrE) service; clientSecret is only an env:/file: reference"),
            },
            srikandi: { comment: t('primary: e-Office ini yang utama; alongside: berdampingan dengan SRIKANDI; none', 'primary: this e-Office comes first; alongside: next to SRIKANDI; none') },
          },
        },
        eofficeDesa: { order: ['enabled', 'version', 'letterNumber'], fields: { letterNumber: LETTER_NUMBER } },
        esakip: {
          order: ['enabled', 'version', 'period', 'weights'],
          fields: {
            period: { order: ['start', 'end'], comment: t('Periode RPJMD lima tahun', 'Five-year RPJMD period') },
            weights: {
              order: ['planning', 'measurement', 'reporting', 'evaluation'],
              comment: t('Bobot evaluasi SAKIP (PermenPANRB 88/2021), berjumlah 100', 'SAKIP evaluation weights (PermenPANRB 88/2021), summing to 100'),
            },
          },
        },
      },
    },
    deployment: {
      comment: t(
        'Tempat aplikasi dijalankan: compose, kubernetes atau vm; basis data postgresql, mysql atau mariadb.\nRahasia tidak pernah ditulis di profil: hanya rujukan env:NAMA atau file:PATH.',
        'Where the applications run: compose, kubernetes or vm; database postgresql, mysql or mariadb.\nSecrets never appear in the profile: only env:NAME or file:PATH references.',
      ),
      order: ['targets', 'domain', 'tls', 'database', 'storage', 'mail', 'backups', 'resources'],
      fields: {
        targets: { flow: always },
        tls: { order: ['mode', 'email', 'certificate', 'privateKey'] },
        database: { order: ['engine', 'version', 'host', 'port', 'name', 'user', 'password'] },
        storage: { order: ['kind', 'path', 'size', 'bucket', 'endpoint', 'accessKey', 'secretKey'] },
        mail: { order: ['host', 'port', 'from', 'username', 'password'] },
        backups: { order: ['schedule', 'retentionDays'], fields: { schedule: QUOTED } },
        resources: { order: ['cpu', 'memory', 'replicas'], fields: { cpu: QUOTED } },
      },
    },
    grant: {
      comment: t(
        'Hibah: pemberi hibah dan penandatangannya, perjanjian hibah daerah, berita acara serah terima (BAST),\ndan apa yang diserahkan.',
        'The grant: the grantor and its signatories, the regional grant agreement, the handover record (BAST),\nand what is handed over.',
      ),
      order: ['grantor', 'agreement', 'bast', 'items'],
      fields: {
        grantor: { order: ['code', 'name', 'signatories'], fields: { code: QUOTED, signatories: { items: SIGNATORY } } },
        agreement: DATED,
        bast: DATED,
        items: { flow: always },
      },
    },
  },
};

const VILLAGES_FROM_DECREE = t(
  'Desa dan kelurahan dari data Kepmendagri 2025 (idn-area-data 4.0.1). include/exclude membatasi dengan kode\nkecamatan atau desa; details memuat kepala desa dan perangkatnya, dirujuk dengan kode desa.',
  'Villages from the 2025 decree data (idn-area-data 4.0.1). include/exclude narrow it by kecamatan or village\ncode; details give village heads and officers, by village code.',
);
const VILLAGES_LISTED = t(
  'Desa dan kelurahan ditulis satu per satu. Jenisnya mengikuti digit pertama NNNN pada kode:\n1 kelurahan, 2 desa, 3 desa adat.',
  'Villages written one by one. The kind follows the first N of the code: 1 kelurahan, 2 desa, 3 desa adat.',
);
const KECAMATAN = t(
  'OPD kecamatan: satu untuk setiap kecamatan dalam Kepmendagri 2025 ({n}); regionCode adalah kode kecamatannya.',
  'Kecamatan agencies: one for each kecamatan of the 2025 decree ({n}); regionCode is its kecamatan code.',
);

/** A copy of `value` with keys in the shape's order (unknown keys after, as they came) and no undefined. */
function arrange(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => arrange(v, shape?.items));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const order = shape?.order ?? [];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const sorted = keys.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  const out: Record<string, unknown> = {};
  for (const { k } of sorted) out[k] = arrange(obj[k], shape?.fields?.[k]);
  return out;
}

const commentText = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? '' : ` ${line}`))
    .join('\n');

function decorate(node: unknown, shape: Shape | undefined, lang: Lang, value: unknown): void {
  if (!shape) return;
  if (isScalar(node)) {
    if (shape.quote && typeof node.value === 'string') node.type = Scalar.QUOTE_DOUBLE;
    return;
  }
  if (isSeq(node)) {
    if (shape.flow?.(value)) node.flow = true;
    const items = Array.isArray(value) ? value : [];
    node.items.forEach((item, i) => decorate(item, shape.items, lang, items[i]));
    return;
  }
  if (isMap(node)) {
    if (shape.flow?.(value)) node.flow = true;
    const obj = (value ?? {}) as Record<string, unknown>;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const sub = shape.fields?.[key];
      if (sub?.comment) pair.key.commentBefore = commentText(sub.comment[lang]);
      decorate(pair.value, sub, lang, obj[key]);
    }
  }
}

/** The profile as the text of a commented `regency.yaml`. */
export function profileToYaml(profile: RegencyProfile, options: ProfileYamlOptions = {}): string {
  const lang = options.lang ?? 'id';
  const data = arrange(profile, PROFILE) as RegencyProfile;
  const doc = new Document(data, { version: '1.2' });
  decorate(doc.contents, PROFILE, lang, data);

  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (key !== 'apiVersion' && key !== 'kind') pair.key.spaceBefore = true;
      if (key === 'villages') {
        pair.key.commentBefore = commentText((Array.isArray(data.villages) ? VILLAGES_LISTED : VILLAGES_FROM_DECREE)[lang]);
      }
      if (key === 'opds' && isSeq(pair.value)) {
        const first = data.opds.findIndex((o) => o.kind === 'kecamatan');
        const item = pair.value.items[first] as Node | undefined;
        if (first >= 0 && item) {
          const n = data.opds.filter((o) => o.kind === 'kecamatan').length;
          item.commentBefore = commentText(KECAMATAN[lang].replace('{n}', String(n)));
          item.spaceBefore = true;
        }
      }
    }
  }

  const { code, name } = data.regency;
  const header = [
    ...(options.schemaPath === false ? [] : [`yaml-language-server: $schema=${options.schemaPath ?? DEFAULT_SCHEMA_PATH}`]),
    lang === 'id'
      ? `Profil eoffice ${name} (${code}). Periksa dengan: eoffice validate regency.yaml`
      : `eoffice profile of ${name} (${code}). Check it with: eoffice validate regency.yaml`,
    ...(options.header ?? []),
    lang === 'id'
      ? 'Data wilayah: Kepmendagri 300.2.2-2138/2025 melalui idn-area-data 4.0.1 (ODbL 1.0, © fityannugroho dan kontributor).'
      : 'Region data: decree 300.2.2-2138/2025 through idn-area-data 4.0.1 (ODbL 1.0, © fityannugroho and contributors).',
  ];
  doc.commentBefore = commentText(header.join('\n'));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
