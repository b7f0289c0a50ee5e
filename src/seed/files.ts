import type { RegencyProfile } from '../profile/types.generated.js';
import { DECREE, type RegionIndex } from '../region/decree.js';
import { tableCsv } from './csv.js';
import { seedRows, type SeedOptions } from './rows.js';
import { dataSql, schemaSql, SQL_DIALECTS } from './sql.js';
import { SEED_TABLES } from './tables.js';

export interface SeedFile {
  /** Path inside the output tree, `/`-separated. */
  path: string;
  content: string;
}

/**
 * The seed part of the output tree, pure and deterministic (same profile and region data, same
 * bytes; LF endings; sorted by path):
 *
 *   seed/csv/<table>.csv              one per seed table, header row
 *   seed/mysql/001-schema.sql         CREATE TABLE IF NOT EXISTS … (InnoDB, utf8mb4)
 *   seed/mysql/002-data.sql           INSERT … ON DUPLICATE KEY UPDATE …
 *   seed/postgresql/001-schema.sql    CREATE TABLE IF NOT EXISTS …
 *   seed/postgresql/002-data.sql      INSERT … ON CONFLICT … DO UPDATE …
 *
 * The file names give the load order. Throws SeedDataError when a value cannot be stored faithfully.
 */
export function seedFiles(profile: RegencyProfile, region: RegionIndex, options: SeedOptions = {}): SeedFile[] {
  const rows = seedRows(profile, region, options);
  const files: SeedFile[] = [];
  for (const t of SEED_TABLES) files.push({ path: `seed/csv/${t.name}.csv`, content: tableCsv(t, rows[t.name]) });
  for (const dialect of SQL_DIALECTS) {
    files.push({ path: `seed/${dialect}/001-schema.sql`, content: schemaSql(dialect) });
    files.push({ path: `seed/${dialect}/002-data.sql`, content: dataSql(rows, dialect, { attribution: DECREE.attribution }) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
