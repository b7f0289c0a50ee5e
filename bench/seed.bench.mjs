// Benchmark of `eoffice seed apply`: a seed holding all 83,762 villages of the 2025 decree loaded
// into a real PostgreSQL 15 server this script starts (test/helpers/db.ts), first into an empty
// database, then again (nothing changes: the upserts are idempotent). The floor, measured in the
// same run: the same SQL files sent by a bare `pg` client in one transaction, no statement
// splitting, no counts, no error mapping. Target (issue 3): ≤ 3 s into PostgreSQL.
//
//   npm run bench:seed
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pg = require('pg');
const { regionIndex } = await import(join(root, 'dist/region/decree.js'));
const { scaffoldProfile } = await import(join(root, 'dist/profile/scaffold.js'));
const { seedRows } = await import(join(root, 'dist/seed/rows.js'));
const { dataSql, schemaSql } = await import(join(root, 'dist/seed/sql.js'));
const { applySeed } = await import(join(root, 'dist/seed/apply.js'));
// Node >= 22.18 / 24 strips the types of the test helper as it loads it.
const { startPostgres } = await import(join(root, 'test/helpers/db.ts'));

const region = regionIndex();
const rows = seedRows(scaffoldProfile('32.11', {}), region);
rows.desa = [...region.villages.values()]
  .sort((a, b) => (a.code < b.code ? -1 : 1))
  .map((v) => ({ kode: v.code, nama: v.name, jenis: v.kind, kode_kecamatan: v.districtCode, kepala: null, alamat: null, kode_pos: null }));
const work = mkdtempSync(join(tmpdir(), 'eoffice-seedbench-'));
mkdirSync(join(work, 'seed', 'postgresql'), { recursive: true });
const files = [
  ['001-schema.sql', schemaSql('postgresql')],
  ['002-data.sql', dataSql(rows, 'postgresql')],
];
for (const [name, content] of files) writeFileSync(join(work, 'seed', 'postgresql', name), content);
const sqlBytes = files.reduce((n, [, c]) => n + Buffer.byteLength(c), 0);

const server = await startPostgres();
const time = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
try {
  const floorUrl = await server.createDatabase('floor');
  const floor = await time(async () => {
    const client = new pg.Client({ connectionString: floorUrl });
    await client.connect();
    await client.query('BEGIN');
    for (const [name] of files) await client.query(readFileSync(join(work, 'seed', 'postgresql', name), 'utf8'));
    await client.query('COMMIT');
    await client.end();
  });
  const url = await server.createDatabase('bench');
  let result;
  const first = await time(async () => (result = await applySeed(work, url)));
  const again = await time(() => applySeed(work, url));
  const villages = result.tables.find((t) => t.table === 'desa')?.rows;
  console.log(`eoffice seed apply benchmark — ${villages} villages, ${(sqlBytes / 1048576).toFixed(1)} MiB of SQL, ${server.version}, node ${process.versions.node}`);
  console.log('');
  console.log('measurement                          wall ms   × floor  target');
  console.log(`floor: bare pg client, one txn      ${floor.toFixed(0).padEnd(10)}`);
  const ok = first <= 3000;
  console.log(`seed apply, empty database          ${first.toFixed(0).padEnd(10)}${(first / floor).toFixed(2).padEnd(9)}≤ 3000 ms  ${ok ? 'met' : 'MISSED'}`);
  console.log(`seed apply again (no change)        ${again.toFixed(0).padEnd(10)}${(again / floor).toFixed(2).padEnd(9)}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
