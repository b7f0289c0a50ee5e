/**
 * The scripts the deployment runs, against real servers (test/helpers/db.ts):
 * - deploy/scripts/backup.sh, the backup job of docker compose and of the VM timer: its cron matcher,
 *   and real dumps of PostgreSQL and MariaDB with passwords that need quoting, gzip, mode 0600 and
 *   the retention window;
 * - deploy/vm/install.sh seed: the generated seed data loaded into each engine, twice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generate } from '../../src/generate/generate.js';
import { VERSION } from '../../src/main.js';
import { serverForTests, type DbServer } from '../helpers/db.js';
import { tempDir } from '../helpers/tree.js';
import { EXAMPLES, TEMPLATES } from './support.js';

const SCRIPT = join(TEMPLATES, 'deploy', 'files', 'deploy', 'scripts', 'backup.sh');

function due(schedule: string, ...at: Array<number | string>): number | null {
  return spawnSync('sh', [SCRIPT, 'due', schedule, ...at.map(String)]).status;
}

describe('backup.sh due: the cron schedule matcher', () => {
  // [schedule, minute, hour, day, month, weekday (0 = Sunday), expected exit status]
  const cases: Array<[string, number, number, number, number, number, 0 | 1 | 2]> = [
    ['0 2 * * *', 0, 2, 15, 6, 3, 0],
    ['0 2 * * *', 1, 2, 15, 6, 3, 1],
    ['0 2 * * *', 0, 14, 15, 6, 3, 1],
    ['*/15 * * * *', 45, 13, 1, 1, 0, 0],
    ['*/15 * * * *', 44, 13, 1, 1, 0, 1],
    ['5/20 * * * *', 45, 2, 1, 1, 1, 0],
    ['5/20 * * * *', 40, 2, 1, 1, 1, 1],
    ['0,30 8-17 * * *', 30, 9, 9, 9, 2, 0],
    ['0,30 8-17 * * *', 30, 18, 9, 9, 2, 1],
    ['0 8-18/2 * * *', 0, 10, 1, 1, 1, 0],
    ['0 8-18/2 * * *', 0, 11, 1, 1, 1, 1],
    ['30 1 * * 1-5', 30, 1, 6, 1, 5, 0],
    ['30 1 * * 1-5', 30, 1, 7, 1, 6, 1],
    // Sunday is 0 and 7.
    ['0 3 * * 7', 0, 3, 5, 6, 0, 0],
    ['0 3 * * 0', 0, 3, 5, 6, 0, 0],
    // Day of month and day of week both restricted: either one is enough (cron's rule).
    ['0 2 1 * 0', 0, 2, 5, 6, 0, 0],
    ['0 2 1 * 0', 0, 2, 1, 6, 3, 0],
    ['0 2 1 * 0', 0, 2, 5, 6, 1, 1],
    // Only one restricted: both must match.
    ['0 2 1 * *', 0, 2, 2, 6, 1, 1],
    ['0 0 1 1,7 *', 0, 0, 1, 7, 2, 0],
    ['0 0 1 1,7 *', 0, 0, 1, 8, 2, 1],
    // Not a schedule this script reads: names, four fields, out of range, an empty step.
    ['0 2 * * mon', 0, 2, 1, 1, 1, 2],
    ['0 2 * *', 0, 2, 1, 1, 1, 2],
    ['61 2 * * *', 0, 2, 1, 1, 1, 2],
    ['*/0 * * * *', 0, 2, 1, 1, 1, 2],
  ];
  for (const [schedule, minute, hour, day, month, weekday, expected] of cases) {
    it(`"${schedule}" at ${minute} ${hour} ${day} ${month} ${weekday} → ${expected}`, () => {
      expect(due(schedule, minute, hour, day, month, weekday)).toBe(expected);
    });
  }

  it('reads leading zeros as decimal, as `date +%M` prints them', () => {
    expect(due('8 9 * * *', '08', '09', '01', '01', '1')).toBe(0);
    expect(due('8 9 * * *', '08', '10', '01', '01', '1')).toBe(1);
  });
});

/** The newest PostgreSQL client tools, matching the test server (which prefers 15). */
function pgBin(): string {
  if (process.env.EOFFICE_PG_BIN) return process.env.EOFFICE_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(join(base, '15', 'bin', 'pg_dump'))) return join(base, '15', 'bin');
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_dump'))).sort((a, b) => Number(b) - Number(a)) : [];
  return versions[0] ? join(base, versions[0], 'bin') : '/usr/bin';
}

interface Run {
  status: number | null;
  stderr: string;
  stdout: string;
}

function backupNow(env: Record<string, string>): Run {
  const r = spawnSync('sh', [SCRIPT, 'now'], { encoding: 'utf8', env: { PATH: `${pgBin()}:${process.env.PATH}`, ...env } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

const daysAgo = (path: string, days: number) => {
  const t = new Date(Date.now() - days * 86_400_000 - 3_600_000);
  utimesSync(path, t, t);
};

/** Runs a backup into a fresh folder holding an old and a recent backup, and returns what is there after. */
function backupWithRetention(env: Record<string, string>, db: string) {
  const dir = tempDir('eoffice-backups-');
  const old = join(dir, `${db}-20000101-000000.sql.gz`);
  const recent = join(dir, `${db}-20000102-000000.sql.gz`);
  const otherDb = join(dir, `lain-20000101-000000.sql.gz`);
  for (const f of [old, recent, otherDb]) writeFileSync(f, '');
  daysAgo(old, 5);
  daysAgo(recent, 1);
  daysAgo(otherDb, 9);
  const run = backupNow({ ...env, DB_NAME: db, BACKUP_DIR: dir, BACKUP_RETENTION_DAYS: '3' });
  const files = readdirSync(dir).sort();
  const made = files.filter((f) => new RegExp(`^${db}-\\d{8}-\\d{6}\\.sql\\.gz$`).test(f) && !f.startsWith(`${db}-2000`));
  return { dir, run, files, made, old, recent, otherDb };
}

let postgres: DbServer | undefined;
let mariadb: DbServer | undefined;

beforeAll(async () => {
  [postgres, mariadb] = await Promise.all([serverForTests('postgresql'), serverForTests('mysql')]);
}, 90_000);

afterAll(async () => {
  await postgres?.stop();
  await mariadb?.stop();
});

describe('backup.sh now against real servers', () => {
  it('dumps PostgreSQL (a role whose password needs quoting) into a gzip file, 0600, and prunes past the retention', async () => {
    if (!postgres) return;
    await postgres.createDatabase('eoffice_backup_pg');
    const password = `p"a\\ss'w$rd #;x ${Date.now()}`;
    await postgres.query('eoffice_backup_pg', `CREATE ROLE cadangan LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
    await postgres.query('eoffice_backup_pg', 'CREATE TABLE surat (nomor text PRIMARY KEY, perihal text)');
    await postgres.query('eoffice_backup_pg', "INSERT INTO surat VALUES ('000.1/7/SETDA/2026', 'Undangan rapat ''koordinasi''')");
    await postgres.query('eoffice_backup_pg', 'GRANT SELECT ON surat TO cadangan');
    const r = backupWithRetention({ DB_ENGINE: 'postgresql', DB_HOST: '127.0.0.1', DB_PORT: String(postgres.port), DB_USER: 'cadangan', DB_PASSWORD: password }, 'eoffice_backup_pg');
    expect(r.run.stderr).not.toContain(password);
    expect(r.run.status, r.run.stderr).toBe(0);
    expect(r.made).toHaveLength(1);
    const file = join(r.dir, r.made[0]!);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const sql = gunzipSync(readFileSync(file)).toString('utf8');
    expect(sql).toContain('CREATE TABLE public.surat');
    expect(sql).toContain("000.1/7/SETDA/2026\tUndangan rapat 'koordinasi'");
    // Retention 3 days: the 5-day-old backup of this database goes, the 1-day-old one and another
    // database's stay; nothing half-written is left behind.
    expect(existsSync(r.old)).toBe(false);
    expect(existsSync(r.recent)).toBe(true);
    expect(existsSync(r.otherDb)).toBe(true);
    expect(r.files.filter((f) => f.startsWith('.') || f.endsWith('.part'))).toEqual([]);
    expect(r.run.stderr).toContain(`dihapus (lebih dari 3 hari): ${r.old}`);
  });

  it('dumps MariaDB through an option file (a password with quotes, backslash and #), then removes the option file', async () => {
    if (!mariadb) return;
    await mariadb.createDatabase('eoffice_backup_my');
    await mariadb.query('eoffice_backup_my', 'CREATE TABLE surat (nomor varchar(40) PRIMARY KEY, perihal text) CHARACTER SET utf8mb4');
    await mariadb.query('eoffice_backup_my', 'INSERT INTO surat VALUES (?, ?)', ['000.1/7/SETDA/2026', 'Undangan rapat']);
    const password = `p"a\\ss'w$rd #;x`;
    await mariadb.query('eoffice_backup_my', 'SET PASSWORD = PASSWORD(?)', [password]);
    let r: ReturnType<typeof backupWithRetention>;
    try {
      r = backupWithRetention({ DB_ENGINE: 'mariadb', DB_HOST: '127.0.0.1', DB_PORT: String(mariadb.port), DB_USER: mariadb.user, DB_PASSWORD: password }, 'eoffice_backup_my');
    } finally {
      await mariadb.query('eoffice_backup_my', 'SET PASSWORD = PASSWORD(?)', [mariadb.password]);
    }
    expect(r.run.status, r.run.stderr).toBe(0);
    expect(r.made).toHaveLength(1);
    const sql = gunzipSync(readFileSync(join(r.dir, r.made[0]!))).toString('utf8');
    expect(sql).toContain('CREATE TABLE `surat`');
    expect(sql).toContain("('000.1/7/SETDA/2026','Undangan rapat')");
    expect(existsSync(r.old)).toBe(false);
    expect(existsSync(r.recent)).toBe(true);
    expect(r.files.filter((f) => f.startsWith('.') || f.endsWith('.part'))).toEqual([]);
  });

  it('fails without leaving a partial file when the database refuses the login', () => {
    if (!postgres) return;
    const dir = tempDir('eoffice-backups-');
    const run = backupNow({ DB_ENGINE: 'postgresql', DB_HOST: '127.0.0.1', DB_PORT: String(postgres.port), DB_NAME: 'postgres', DB_USER: 'postgres', DB_PASSWORD: 'wrong', BACKUP_DIR: dir });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/password authentication failed/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unknown engine and a retention that is not a number of days', () => {
    const dir = tempDir('eoffice-backups-');
    const base = { DB_HOST: '127.0.0.1', DB_NAME: 'x', DB_USER: 'x', BACKUP_DIR: dir };
    const engine = backupNow({ ...base, DB_ENGINE: 'oracle' });
    expect(engine.status).toBe(2);
    expect(engine.stderr).toContain('DB_ENGINE must be postgresql, mariadb or mysql, not "oracle"');
    const retention = backupNow({ ...base, DB_ENGINE: 'postgresql', BACKUP_RETENTION_DAYS: '0' });
    expect(retention.status).toBe(2);
    expect(retention.stderr).toContain('BACKUP_RETENTION_DAYS must be a whole number of days, not "0"');
  });
});

/** Sumedang's profile for the VM, with its database on a test server; the password is a reference. */
async function generateForServer(server: DbServer, engine: 'postgresql' | 'mariadb', database: string): Promise<string> {
  const doc = parseDocument(readFileSync(join(EXAMPLES, 'sumedang', 'regency.yaml'), 'utf8'));
  doc.setIn(['deployment'], {
    targets: ['vm'],
    domain: 'eoffice.sumedangkab.go.id',
    tls: { mode: 'none' },
    database: { engine, host: '127.0.0.1', port: server.port, name: database, user: server.user, password: 'env:EOFFICE_TEST_DB_PASSWORD' },
  });
  const profile = join(tempDir('eoffice-seed-profile-'), 'regency.yaml');
  writeFileSync(profile, doc.toString());
  const out = join(tempDir('eoffice-seed-out-'), 'out');
  const outcome = await generate({ profile, out, mode: 'write', lang: 'en', templatesDir: TEMPLATES, toolkitVersion: VERSION, env: { EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'cache') } });
  expect(outcome.kind).toBe('done');
  return out;
}

/** Rows per table of the generated seed, from its CSV copy (header line aside; no field spans lines). */
function csvRows(out: string, table: string): number {
  return readFileSync(join(out, 'seed', 'csv', `${table}.csv`), 'utf8').split('\n').filter((l) => l !== '').length - 1;
}

describe('install.sh seed against real servers', () => {
  const engines = [
    ['postgresql', () => postgres],
    ['mariadb', () => mariadb],
  ] as const;
  for (const [engine, server] of engines) {
    it(`loads the generated seed into ${engine}, as the app's user, and again without harm`, async () => {
      const db = server();
      if (!db) return;
      const database = `eoffice_seed_${engine}`;
      await db.createDatabase(database);
      const out = await generateForServer(db, engine, database);
      const install = join(out, 'deploy', 'vm', 'install.sh');
      const env = { PATH: `${pgBin()}:${process.env.PATH}`, EOFFICE_TEST_DB_PASSWORD: db.password };
      for (let round = 1; round <= 2; round++) {
        const r = spawnSync('sh', [install, 'seed'], { encoding: 'utf8', env });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout + r.stderr).not.toContain(db.password);
        expect(r.stdout).toContain('eoffice: data awal dimuat');
        for (const table of ['wilayah', 'opd', 'penandatangan', 'desa']) {
          const [row] = await db.query<{ n: number | string }>(database, `SELECT count(*) AS n FROM ${table}`);
          expect(Number(row!.n), `${table}, round ${round}`).toBe(csvRows(out, table));
        }
      }
      expect(csvRows(out, 'opd')).toBeGreaterThan(10);
    });
  }

  it('says which password is missing instead of loading without one', async () => {
    const db = postgres;
    if (!db) return;
    const out = await generateForServer(db, 'postgresql', 'tidak_ada');
    const r = spawnSync('sh', [join(out, 'deploy', 'vm', 'install.sh'), 'seed'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('kata sandi basis data kosong');
    expect(r.stderr).toContain('env:EOFFICE_TEST_DB_PASSWORD');
  });
});
