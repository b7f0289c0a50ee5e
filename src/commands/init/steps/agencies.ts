import { resolve } from 'node:path';
import { CheckFailed, UsageError } from '../../../errors.js';
import { pick, type Lang } from '../../../i18n/lang.js';
import { catalogFor, type CatalogAgency, type RegionKind } from '../../../profile/catalog.js';
import { AgencyFileError, type AgencyImport } from '../../../profile/import-agencies.js';
import { importAgencyFile } from '../../../profile/read-agency-file.js';
import { kebab } from '../../../profile/scaffold.js';
import type { StepContext } from '../answers.js';

/** The rejected rows of an import, one line each: `baris 7: jenis "Kantor" tidak dikenal (Kantor Arsip · Kantor)`. */
export function rejectedText(lang: Lang, result: AgencyImport): string {
  return result.rejected.map((r) => `  ${pick(lang, 'baris', 'row')} ${r.row}: ${r.reason[lang]}${r.excerpt ? `  (${r.excerpt})` : ''}\n`).join('');
}

async function readImport(ctx: Pick<StepContext, 'lang' | 'cwd'>, file: string, kind: RegionKind): Promise<AgencyImport> {
  try {
    return await importAgencyFile(resolve(ctx.cwd, file), kind);
  } catch (err) {
    if (err instanceof AgencyFileError) throw new CheckFailed(`${file}: ${err.reason[ctx.lang]}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new UsageError(pick(ctx.lang, `${file} tidak dapat dibaca (${code})`, `${file} cannot be read (${code})`));
    throw err;
  }
}

function importSummary(lang: Lang, file: string, result: AgencyImport): string {
  const head = pick(lang, `${file}: ${result.agencies.length} OPD diterima, ${result.rejected.length} baris ditolak`, `${file}: ${result.agencies.length} agencies accepted, ${result.rejected.length} rows rejected`);
  return `${head}\n${rejectedText(lang, result)}`;
}

const ADDABLE: readonly CatalogAgency['kind'][] = ['dinas', 'badan', 'bagian', 'uptd'];

/** Agencies the person adds by hand after unticking catalog ones. */
async function addAgencies(ctx: Pick<StepContext, 'lang' | 'prompter'>, list: CatalogAgency[]): Promise<void> {
  const { lang, prompter } = ctx;
  while (await prompter.confirm({ id: 'agency-add', message: pick(lang, 'Tambah OPD lain yang tidak ada di daftar?', 'Add another agency that is not in the list?'), default: false })) {
    const name = (await prompter.input({
      id: 'agency-name',
      message: pick(lang, 'Nama lengkap OPD (tidak disingkat)', 'Full name of the agency (not abbreviated)'),
      validate: (v) => (v.trim().length >= 3 ? true : pick(lang, 'tulis nama lengkapnya', 'write its full name')),
    })).trim();
    const kind = await prompter.select({ id: 'agency-kind', message: pick(lang, 'Jenis', 'Kind'), choices: ADDABLE.map((k) => ({ value: k, name: k })) });
    const codes = new Set(list.map((a) => a.code));
    const units = new Set(list.map((a) => a.unitCode.toUpperCase()));
    const shortName = (await prompter.input({ id: 'agency-short', message: pick(lang, 'Singkatan (boleh kosong)', 'Short name (may be empty)'), default: '' })).trim();
    const unitCode = (await prompter.input({
      id: 'agency-unit',
      message: pick(lang, 'Kode unit pada nomor surat', 'Unit code in letter numbers'),
      default: (shortName || name.split(' ').map((w) => w[0]).join('')).toUpperCase().replace(/[^A-Z0-9.-]/g, ''),
      validate: (v) =>
        !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(v.trim())
          ? pick(lang, 'huruf, angka, titik atau tanda minus', 'letters, digits, dots or dashes')
          : units.has(v.trim().toUpperCase())
            ? pick(lang, 'kode unit ini sudah dipakai', 'this unit code is taken')
            : true,
    })).trim();
    let code = kebab(shortName || name);
    for (let n = 2; codes.has(code); n++) code = `${kebab(shortName || name)}-${n}`;
    list.push({
      code,
      name,
      ...(shortName ? { shortName } : {}),
      kind,
      ...(kind === 'dinas' || kind === 'badan' ? { type: 'C' as const } : {}),
      ...(kind === 'bagian' ? { parent: 'setda' } : {}),
      unitCode,
      headTitle: `Kepala ${name}`,
    });
  }
}

/**
 * The agency list: the bundled catalog as it is, the catalog edited (untick, add), or a CSV/XLSX
 * file. Returns undefined for the catalog unchanged.
 */
export async function chooseAgencies(ctx: StepContext, kind: RegionKind): Promise<CatalogAgency[] | undefined> {
  const { lang, prompter } = ctx;
  if (ctx.flags.agencies) {
    const result = await readImport(ctx, ctx.flags.agencies, kind);
    ctx.note(importSummary(lang, ctx.flags.agencies, result));
    if (result.agencies.length === 0) throw new CheckFailed(pick(lang, `${ctx.flags.agencies}: tidak ada OPD yang dapat diimpor`, `${ctx.flags.agencies}: no agency could be imported`));
    return result.agencies;
  }
  if (ctx.yes) return undefined;
  const catalog = catalogFor(kind);
  for (;;) {
    const how = await prompter.select({
      id: 'agencies',
      message: pick(lang, 'Perangkat daerah (OPD)', 'Regional agencies (OPD)'),
      choices: [
        { value: 'catalog' as const, name: pick(lang, `Pakai daftar umum ${kind} (${catalog.length} OPD, PP 18/2016) + kecamatan dari Kepmendagri`, `Use the usual list of a ${kind} (${catalog.length} agencies, PP 18/2016) + kecamatan from the decree`) },
        { value: 'edit' as const, name: pick(lang, 'Sunting daftar umum itu (hapus atau tambah OPD)', 'Edit that list (remove or add agencies)') },
        { value: 'import' as const, name: pick(lang, 'Impor dari berkas CSV atau XLSX', 'Import from a CSV or XLSX file') },
      ],
      default: 'catalog',
    });
    if (how === 'catalog') return undefined;
    if (how === 'edit') {
      const fixed = catalog.filter((a) => a.kind === 'sekretariat-daerah' || a.kind === 'sekretariat-dprd' || a.kind === 'inspektorat');
      const kept = await prompter.checkbox({
        id: 'agency-keep',
        message: pick(lang, 'OPD yang ada di daerah Anda (Setda, Setwan dan Inspektorat selalu ada)', 'Agencies your region has (Setda, Setwan and Inspektorat are always there)'),
        choices: catalog.filter((a) => !fixed.includes(a)).map((a) => ({ value: a.code, name: a.shortName ? `${a.name} (${a.shortName})` : a.name, checked: true })),
      });
      const list = catalog.filter((a) => fixed.includes(a) || kept.includes(a.code));
      // A bagian whose Setda stays keeps its parent; the catalog's Setda is always kept.
      await addAgencies(ctx, list);
      return list;
    }
    const file = (await prompter.input({
      id: 'agency-file',
      message: pick(lang, 'Berkas daftar OPD (.csv atau .xlsx; kolom: nama, jenis, singkatan, tipe, kode unit, kode SIPD)', 'Agency list file (.csv or .xlsx; columns: name, kind, shortName, type, unitCode, sipdCode)'),
      validate: (v) => (/\.(csv|xlsx|txt)$/i.test(v.trim()) ? true : pick(lang, 'berkas .csv atau .xlsx', 'a .csv or .xlsx file')),
    })).trim();
    let result: AgencyImport;
    try {
      result = await readImport(ctx, file, kind);
    } catch (err) {
      if (err instanceof CheckFailed || err instanceof UsageError) {
        prompter.note(`✗ ${err.message}`);
        continue;
      }
      throw err;
    }
    prompter.note(importSummary(lang, file, result));
    if (result.agencies.length === 0) continue;
    if (await prompter.confirm({ id: 'agency-import-ok', message: pick(lang, `Pakai ${result.agencies.length} OPD ini?`, `Use these ${result.agencies.length} agencies?`), default: true })) return result.agencies;
  }
}
