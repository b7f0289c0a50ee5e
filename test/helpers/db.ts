/**
 * Throwaway database servers for the seed tests: PostgreSQL (initdb + pg_ctl) and MariaDB
 * (mariadb-install-db + mariadbd), each in its own temporary folder, on a free 127.0.0.1 port,
 * with password authentication over TCP, stopped and removed afterwards (also when the test process
 * exits early).
 *
 * When a server cannot be started: under CI=true the suite fails with the reason; elsewhere a loud
 * warning says which tests did not run. `scripts/install-databases.sh` installs what is missing.
 *
 * As root, PostgreSQL runs as the `postgres` user (initdb refuses root) and MariaDB with --user=root.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import mysql from 'mysql2/promise';

const run = promisify(execFile);

export type ServerDialect = 'postgresql' | 'mysql';

export interface DbServer {
  dialect: ServerDialect;
  /** e.g. "PostgreSQL 15.18" or "MariaDB 10.11.19". */
  version: string;
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** Creates an empty database and returns its URL (password included, URL-encoded). */
  createDatabase(name: string): Promise<string>;
  /** Runs one statement in `database` and returns its rows. */
  query<T = Record<string, unknown>>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** A password that needs URL encoding, so the tests prove it is decoded and never printed. */
function makePassword(): string {
  return `Pw@${randomBytes(6).toString('hex')}:/?#%`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function which(name: string, extra: string[] = []): string | undefined {
  const dirs = [...extra, ...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return undefined;
}

function postgresBinDir(): string {
  if (process.env.EOFFICE_PG_BIN) return process.env.EOFFICE_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(join(base, '15', 'bin', 'pg_ctl'))) return join(base, '15', 'bin');
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  const onPath = which('pg_ctl');
  if (onPath) return onPath.slice(0, -'/pg_ctl'.length);
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found; set EOFFICE_PG_BIN or run scripts/install-databases.sh');
}

const cleanups = new Set<() => void>();
process.once('exit', () => {
  for (const c of cleanups) {
    try {
      c();
    } catch {
      /* best effort at exit */
    }
  }
});

export async function startPostgres(): Promise<DbServer> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-pg-'));
  const password = makePassword();
  const port = await freePort();
  const asPostgres = isRoot();
  const uid = asPostgres ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  const gid = asPostgres ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (asPostgres) {
    chownSync(dir, uid!, gid!);
    chownSync(pwfile, uid!, gid!);
  }
  // runuser lives in an sbin folder, which a non-login PATH (CI's, cron's) may not list.
  const runuser = asPostgres ? (which('runuser') ?? 'runuser') : '';
  const cmd = (tool: string, args: string[]) => (asPostgres ? [runuser, ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]) as [string, string[]];
  const data = join(dir, 'data');
  const stopSync = () => {
    try {
      execFileSync(...cmd('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.add(stopSync);
  try {
    await run(...cmd('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']));
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=30`;
    await run(...cmd('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', opts, 'start']));
  } catch (err) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
    stopSync();
    cleanups.delete(stopSync);
    throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${log}`, { cause: err });
  }
  const user = 'postgres';
  const urlOf = (db: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  const clients = new Map<string, pg.Client>();
  const client = async (db: string) => {
    let c = clients.get(db);
    if (!c) {
      c = new pg.Client({ connectionString: urlOf(db) });
      c.on('error', () => undefined);
      await c.connect();
      clients.set(db, c);
    }
    return c;
  };
  const version = (await (await client('postgres')).query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  return {
    dialect: 'postgresql',
    version: `PostgreSQL ${version}`,
    host: '127.0.0.1',
    port,
    user,
    password,
    async createDatabase(name) {
      await (await client('postgres')).query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
      return urlOf(name);
    },
    async query<T>(db: string, sql: string, params: unknown[] = []) {
      return (await (await client(db)).query(sql, params)).rows as T[];
    },
    async stop() {
      for (const c of clients.values()) await c.end().catch(() => undefined);
      clients.clear();
      stopSync();
      cleanups.delete(stopSync);
    },
  };
}

export async function startMariadb(): Promise<DbServer> {
  const server = which('mariadbd') ?? which('mysqld');
  const install = which('mariadb-install-db') ?? which('mysql_install_db');
  if (!server || !install) throw new Error('MariaDB (mariadbd, mariadb-install-db) not found; run scripts/install-databases.sh');
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'sock');
  const password = makePassword();
  const port = await freePort();
  const userArg = isRoot() ? ['--user=root'] : [];
  const proc: { child?: ChildProcess } = {};
  const stopSync = () => {
    if (proc.child && proc.child.exitCode === null) proc.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.add(stopSync);
  const errLog = join(dir, 'error.log');
  const fail = (why: string): never => {
    const log = existsSync(errLog) ? readFileSync(errLog, 'utf8').slice(-2000) : '';
    stopSync();
    cleanups.delete(stopSync);
    throw new Error(`MariaDB did not start: ${why}\n${log}`);
  };
  try {
    await run(install, ['--no-defaults', `--datadir=${data}`, ...userArg, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve']);
  } catch (err) {
    fail((err as Error).message);
  }
  const child = spawn(
    server,
    [
      '--no-defaults',
      ...userArg,
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      `--pid-file=${join(dir, 'pid')}`,
      `--log-error=${errLog}`,
      `--tmpdir=${dir}`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=128M',
      '--innodb-flush-log-at-trx-commit=2',
    ],
    { stdio: 'ignore' },
  );
  proc.child = child;
  const started = Date.now();
  let root: mysql.Connection | undefined;
  while (!root) {
    if (child.exitCode !== null) fail(`mariadbd exited with ${child.exitCode}`);
    if (Date.now() - started > 30_000) fail('no connection within 30 s');
    root = await mysql.createConnection({ socketPath: socket, user: 'root' }).catch(() => undefined);
    if (!root) await new Promise((r) => setTimeout(r, 100));
  }
  const user = 'eoffice';
  await root.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY ?`, [password]);
  await root.query(`GRANT ALL PRIVILEGES ON *.* TO '${user}'@'127.0.0.1'`);
  const [[v]] = (await root.query('SELECT VERSION() AS v')) as unknown as [[{ v: string }]];
  const urlOf = (db: string) => `mysql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  const conns = new Map<string, mysql.Connection>();
  const conn = async (db: string) => {
    let c = conns.get(db);
    if (!c) {
      c = await mysql.createConnection({ host: '127.0.0.1', port, user, password, database: db, charset: 'utf8mb4' });
      conns.set(db, c);
    }
    return c;
  };
  return {
    dialect: 'mysql',
    version: `MariaDB ${v.v}`,
    host: '127.0.0.1',
    port,
    user,
    password,
    async createDatabase(name) {
      // The server's default character set stays latin1 (--no-defaults): the seed must bring utf8mb4.
      await root.query(`CREATE DATABASE \`${name}\``);
      return urlOf(name);
    },
    async query<T>(db: string, sql: string, params: unknown[] = []) {
      const [rows] = await (await conn(db)).query(sql, params);
      return rows as T[];
    },
    async stop() {
      for (const c of conns.values()) await c.end().catch(() => undefined);
      conns.clear();
      await root.end().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      stopSync();
      cleanups.delete(stopSync);
    },
  };
}

/**
 * Starts a server for a test file. If it cannot start: under CI=true this throws (the suite fails
 * with the reason); elsewhere it warns loudly and returns undefined, and the caller's tests do not run.
 */
export async function serverForTests(dialect: ServerDialect): Promise<DbServer | undefined> {
  const name = dialect === 'postgresql' ? 'PostgreSQL' : 'MariaDB';
  try {
    return dialect === 'postgresql' ? await startPostgres() : await startMariadb();
  } catch (err) {
    const why = `${name} could not be started for the seed tests: ${(err as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${why}\n(CI=true: the real-database tests must run; scripts/install-databases.sh installs the servers)`, { cause: err });
    console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: the ${name} seed tests did not run.\n!!! ${why}\n!!! Run scripts/install-databases.sh; under CI=true this fails the suite.\n${'!'.repeat(78)}\n`);
    return undefined;
  }
}
