/**
 * Reads an agency list from a CSV or XLSX file into rows for `importAgencies`. The XLSX reader is
 * loaded only when an XLSX file is read.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AgencyFileError, importAgencies, parseCsv, type AgencyImport, type Cell } from './import-agencies.js';
import type { RegionKind } from './catalog.js';

export async function readAgencyRows(file: string): Promise<Cell[][]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const { readSheet } = await import('read-excel-file/node');
    try {
      return (await readSheet(file)) as Cell[][];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
      throw new AgencyFileError({ id: `bukan berkas XLSX yang dapat dibaca (${String((err as Error).message ?? err)})`, en: `not a readable XLSX file (${String((err as Error).message ?? err)})` });
    }
  }
  if (ext === '.csv' || ext === '.txt') return parseCsv(await readFile(file, 'utf8'));
  throw new AgencyFileError({ id: `jenis berkas "${ext || file}" tidak didukung: pakai .csv atau .xlsx`, en: `unsupported file type "${ext || file}": use .csv or .xlsx` });
}

export async function importAgencyFile(file: string, regionKind: RegionKind): Promise<AgencyImport> {
  return importAgencies(await readAgencyRows(file), regionKind);
}
