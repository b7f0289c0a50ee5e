/**
 * A regency's own list of agencies, from the rows of a spreadsheet (CSV or XLSX, read elsewhere):
 * pure, so every rejection reason has its test. The first non-empty row names the columns, in
 * Bahasa Indonesia or English (`nama`/`name`, `jenis`/`kind`, ...). Each later row becomes an
 * agency or is rejected with its row number (as the spreadsheet shows it) and the reason.
 *
 * Kecamatan agencies are not imported: they come from the decree, one per kecamatan, as the
 * opd-kecamatan rule wants. A row that names a catalog agency (by short name or full name) takes
 * the catalog's code, so the heads of agency the scaffold knows find it.
 */
import type { Bilingual } from '../i18n/lang.js';
import { catalogFor, type CatalogAgency, type OpdType, type RegionKind } from './catalog.js';
import { kebab } from './scaffold.js';

export type Cell = string | number | boolean | Date | null | undefined;

export interface RejectedRow {
  /** 1-based row number in the file, header included. */
  row: number;
  reason: Bilingual;
  /** What the row said, shortly, so a person finds it. */
  excerpt: string;
}

export interface AgencyImport {
  agencies: CatalogAgency[];
  rejected: RejectedRow[];
}

/** The file has no usable header (no name or kind column): nothing can be read from it. */
export class AgencyFileError extends Error {
  override readonly name = 'AgencyFileError';
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

type Field = 'code' | 'name' | 'shortName' | 'kind' | 'type' | 'parent' | 'unitCode' | 'sipdCode' | 'headTitle';

const COLUMNS: Record<string, Field> = {
  kode: 'code', code: 'code', kodeopd: 'code', id: 'code',
  nama: 'name', name: 'name', namaopd: 'name', namaperangkatdaerah: 'name', perangkatdaerah: 'name',
  singkatan: 'shortName', shortname: 'shortName', namasingkat: 'shortName', akronim: 'shortName', nomenklatursingkat: 'shortName',
  jenis: 'kind', kind: 'kind', jenisopd: 'kind', bentuk: 'kind',
  tipe: 'type', type: 'type', tipeopd: 'type',
  induk: 'parent', parent: 'parent', kodeinduk: 'parent',
  kodeunit: 'unitCode', unitcode: 'unitCode', kodesurat: 'unitCode', kodeunitsurat: 'unitCode',
  kodesipd: 'sipdCode', sipdcode: 'sipdCode', sipd: 'sipdCode',
  jabatankepala: 'headTitle', headtitle: 'headTitle', jabatan: 'headTitle',
};

type ImportableKind = CatalogAgency['kind'];

/** Kind names as people write them, squeezed to letters: "Sekretariat Daerah", "SETDA", "sekretariat-daerah". */
const KINDS: Record<string, ImportableKind> = {
  sekretariatdaerah: 'sekretariat-daerah', setda: 'sekretariat-daerah', sekda: 'sekretariat-daerah',
  sekretariatdprd: 'sekretariat-dprd', sekretariatdewanperwakilanrakyatdaerah: 'sekretariat-dprd', setwan: 'sekretariat-dprd', sekretariatdewan: 'sekretariat-dprd',
  inspektorat: 'inspektorat', inspektoratdaerah: 'inspektorat',
  dinas: 'dinas', satuan: 'dinas', satpolpp: 'dinas',
  badan: 'badan',
  bagian: 'bagian',
  uptd: 'uptd', unitpelaksanateknisdaerah: 'uptd',
};

const SINGLETON_CODES: Partial<Record<ImportableKind, string>> = { 'sekretariat-daerah': 'setda', 'sekretariat-dprd': 'setwan', inspektorat: 'inspektorat' };

const squeeze = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).replace(/\s+/g, ' ').trim();
}

const t = (id: string, en: string): Bilingual => ({ id, en });

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;
const SIPD_CODE = /^\d\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;

/** The head's title for an agency the catalog does not know. */
function headTitleFor(kind: ImportableKind, name: string): string {
  switch (kind) {
    case 'sekretariat-daerah': return 'Sekretaris Daerah';
    case 'sekretariat-dprd': return 'Sekretaris Dewan Perwakilan Rakyat Daerah';
    case 'inspektorat': return name.startsWith('Inspektorat') ? name.replace(/^Inspektorat/, 'Inspektur') : 'Inspektur';
    default: return `Kepala ${name}`;
  }
}

export function importAgencies(rows: readonly (readonly Cell[])[], regionKind: RegionKind): AgencyImport {
  const headerAt = rows.findIndex((r) => r.some((c) => text(c) !== ''));
  if (headerAt < 0) throw new AgencyFileError(t('berkas kosong', 'the file is empty'));
  const columns = new Map<Field, number>();
  rows[headerAt]!.forEach((c, i) => {
    const field = COLUMNS[squeeze(text(c))];
    if (field && !columns.has(field)) columns.set(field, i);
  });
  const missing = (['name', 'kind'] as const).filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw new AgencyFileError(t(
      `baris judul (baris ${headerAt + 1}) tidak memuat kolom ${missing.map((f) => (f === 'name' ? '"nama"' : '"jenis"')).join(' dan ')}`,
      `the header row (row ${headerAt + 1}) has no ${missing.map((f) => `"${f}"`).join(' or ')} column`,
    ));
  }

  const catalog = catalogFor(regionKind);
  const byName = new Map<string, CatalogAgency>();
  for (const a of catalog) {
    byName.set(squeeze(a.name), a);
    if (a.shortName) byName.set(squeeze(a.shortName), a);
  }

  const agencies: CatalogAgency[] = [];
  const rejected: RejectedRow[] = [];
  const codes = new Map<string, number>();
  const unitCodes = new Map<string, number>();
  const parents: { agency: number; parent: string; row: number; excerpt: string }[] = [];

  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const get = (f: Field) => (columns.has(f) ? text(row[columns.get(f)!]) : '');
    if (row.every((c) => text(c) === '')) continue;
    const rowNo = r + 1;
    const name = get('name');
    const shortName = get('shortName');
    const excerpt = [get('code'), name || shortName, get('kind')].filter(Boolean).join(' · ');
    const reject = (reason: Bilingual) => rejected.push({ row: rowNo, reason, excerpt });

    if (name === '') {
      reject(t('nama kosong', 'no name'));
      continue;
    }
    const kindText = get('kind');
    const squeezedKind = squeeze(kindText);
    if (squeezedKind === 'kecamatan' || squeezedKind === 'kelurahan') {
      reject(t(`OPD ${squeezedKind} tidak diimpor: diisi dari data Kepmendagri`, `a ${squeezedKind} agency is not imported: it comes from the decree data`));
      continue;
    }
    const kind = KINDS[squeezedKind];
    if (!kind) {
      reject(kindText === ''
        ? t('jenis kosong', 'no kind')
        : t(`jenis "${kindText}" tidak dikenal (sekretariat-daerah, sekretariat-dprd, inspektorat, dinas, badan, bagian, uptd)`, `unknown kind "${kindText}" (sekretariat-daerah, sekretariat-dprd, inspektorat, dinas, badan, bagian, uptd)`));
      continue;
    }
    const typeText = get('type').toUpperCase();
    if (typeText !== '' && !/^[ABC]$/.test(typeText)) {
      reject(t(`tipe "${get('type')}" tidak dikenal (A, B atau C)`, `unknown type "${get('type')}" (A, B or C)`));
      continue;
    }
    const known = byName.get(squeeze(shortName)) ?? byName.get(squeeze(name));
    const fromCatalog = known && known.kind === kind ? known : undefined;
    const givenCode = get('code');
    const code = givenCode !== '' ? kebab(givenCode) : (SINGLETON_CODES[kind] ?? fromCatalog?.code ?? kebab(shortName || name));
    if (code === '' || !/^[a-z0-9][a-z0-9-]*$/.test(code)) {
      reject(t(`kode "${givenCode}" tidak dapat dipakai (huruf kecil, angka, tanda minus)`, `code "${givenCode}" cannot be used (lower case, digits, dashes)`));
      continue;
    }
    const sameCode = codes.get(code);
    if (sameCode !== undefined) {
      reject(t(`kode "${code}" duplikat (sudah dipakai baris ${sameCode})`, `duplicate code "${code}" (already on row ${sameCode})`));
      continue;
    }
    const unitText = get('unitCode');
    const unitCode = unitText !== '' ? unitText : (fromCatalog?.unitCode ?? (shortName || code).toUpperCase().replace(/[^A-Z0-9.-]/g, ''));
    if (!UNIT_CODE.test(unitCode)) {
      reject(t(`kode unit "${unitCode}" tidak sah (huruf, angka, titik, tanda minus)`, `invalid unit code "${unitCode}" (letters, digits, dots, dashes)`));
      continue;
    }
    const sameUnit = unitCodes.get(unitCode.toUpperCase());
    if (sameUnit !== undefined) {
      reject(t(`kode unit "${unitCode}" duplikat (sudah dipakai baris ${sameUnit})`, `duplicate unit code "${unitCode}" (already on row ${sameUnit})`));
      continue;
    }
    const sipdCode = get('sipdCode');
    if (sipdCode !== '' && !SIPD_CODE.test(sipdCode)) {
      reject(t(`kode SIPD "${sipdCode}" tidak berbentuk 1.02.0.00.0.00.01.0000`, `SIPD code "${sipdCode}" is not shaped like 1.02.0.00.0.00.01.0000`));
      continue;
    }
    codes.set(code, rowNo);
    unitCodes.set(unitCode.toUpperCase(), rowNo);
    const type = (typeText || (kind === 'bagian' || kind === 'uptd' ? '' : fromCatalog?.type ?? '')) as OpdType | '';
    const headTitle = get('headTitle') || (fromCatalog && fromCatalog.name === name ? fromCatalog.headTitle : headTitleFor(kind, name));
    const parentText = get('parent');
    agencies.push({
      code,
      name,
      ...(shortName !== '' ? { shortName } : {}),
      kind,
      ...(type !== '' ? { type } : {}),
      unitCode,
      ...(sipdCode !== '' ? { sipdCode } : {}),
      headTitle,
    });
    if (parentText !== '') parents.push({ agency: agencies.length - 1, parent: kebab(parentText), row: rowNo, excerpt });
    else if (kind === 'bagian') parents.push({ agency: agencies.length - 1, parent: 'setda', row: rowNo, excerpt });
  }

  // Parents are checked once every row is read: a bagian may come before its Setda.
  const dropped = new Set<number>();
  for (const p of parents) {
    if (codes.has(p.parent) && p.parent !== agencies[p.agency]!.code) {
      agencies[p.agency] = { ...agencies[p.agency]!, parent: p.parent };
    } else {
      dropped.add(p.agency);
      rejected.push({ row: p.row, excerpt: p.excerpt, reason: t(`induk "${p.parent}" tidak ada di antara OPD yang diimpor`, `parent "${p.parent}" is not among the imported agencies`) });
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { agencies: agencies.filter((_, i) => !dropped.has(i)), rejected };
}

/**
 * Rows of a CSV file as spreadsheets export it: a byte-order mark, `;` as separator where the
 * decimal comma takes `,` (Indonesian Excel), quoted fields holding separators, doubled quotes and
 * line breaks, CRLF or LF.
 */
export function parseCsv(input: string): string[][] {
  const textIn = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = detectSeparator(textIn);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const c = textIn[i]!;
    if (quoted) {
      if (c === '"') {
        if (textIn[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && textIn[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** `;` when the first line has more semicolons than commas outside quotes; otherwise `,`. */
function detectSeparator(s: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}
