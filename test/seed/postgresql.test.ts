import { afterAll, describe, expect, it } from 'vitest';
import { applySeed } from '../../src/seed/apply.js';
import { seedRows } from '../../src/seed/rows.js';
import { dataSql, schemaSql } from '../../src/seed/sql.js';
import { serverForTests } from '../helpers/db.js';
import { seedLoadSuite } from './load-suite.js';
import { fixtureProfile, region, writeSeed } from './support.js';

// A real PostgreSQL server in a temporary folder (test/helpers/db.ts); under CI=true it must start.
const server = await serverForTests('postgresql');
afterAll(async () => {
  await server?.stop();
});

describe.runIf(server !== undefined)('PostgreSQL', () => {
  seedLoadSuite('postgresql', server);

  it('loads a seed of all 83,762 villages of the decree in one transaction', async () => {
    // One profile-shaped seed: the fixture's rows with every village of Kepmendagri 300.2.2-2138/2025.
    const rows = seedRows(fixtureProfile(), region);
    rows.desa = [...region.villages.values()]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((v) => ({ kode: v.code, nama: v.name, jenis: v.kind, kode_kecamatan: v.districtCode, kepala: null, alamat: null, kode_pos: null }));
    const t = writeSeed([
      { path: 'seed/postgresql/001-schema.sql', content: schemaSql('postgresql') },
      { path: 'seed/postgresql/002-data.sql', content: dataSql(rows, 'postgresql') },
    ]);
    try {
      const url = await server!.createDatabase('all_villages');
      const result = await applySeed(t.dir, url);
      console.log(`seed apply: ${rows.desa.length} villages into ${server!.version} in ${result.durationMs} ms`);
      expect(result.tables.find((x) => x.table === 'desa')?.rows).toBe(83_762);
      const kinds = await server!.query<{ jenis: string; n: string }>('all_villages', 'SELECT jenis, count(*) AS n FROM desa GROUP BY jenis ORDER BY jenis');
      // 8,496 kelurahan and 75,266 desa (of which desa adat are counted apart by the data).
      expect(kinds.reduce((n, k) => n + Number(k.n), 0)).toBe(83_762);
      expect(Number(kinds.find((k) => k.jenis === 'kelurahan')?.n)).toBe(8_496);
    } finally {
      t.remove();
    }
  });
});
