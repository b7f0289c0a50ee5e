/**
 * Loads a generated seed (`DIR/seed/<dialect>/*.sql`, in name order) into a real database.
 *
 * PostgreSQL (`postgres://`, `postgresql://`): everything (schema and data) runs in one transaction;
 * DDL is transactional there, so a failure anywhere leaves the database exactly as it was.
 *
 * MySQL/MariaDB (`mysql://`, `mariadb://`): DDL commits implicitly, so one transaction cannot hold
 * it. The load therefore runs in two phases: first every statement before the first data statement
 * (the schema: `CREATE TABLE IF NOT EXISTS`, idempotent), then all the rest in one transaction. A
 * seed with DDL after its first data statement is refused before anything runs. When the load
 * fails, the data transaction is rolled back, and tables that this run created (absent before, and
 * still empty) are dropped again, so the database is left as it was.
 *
 * Statements run one at a time, so a failure names its file and line. The URL's password is never
 * printed: every message passes through `redact`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ExitCode, UserError } from '../errors.js';
import type { Bilingual } from '../i18n/lang.js';
import { splitSql, SqlSplitError, type SqlStatement } from './split.js';
import { quoteIdentifier, type SqlDialect } from './sql.js';

export interface DbTarget {
  dialect: SqlDialect;
  /** The URL as given (holds the password: never print it). */
  url: string;
  /** The URL with its password (and any secret-looking parameter) replaced by `***`. */
  display: string;
  /** Strings that must never appear in output. */
  secrets: string[];
}

export type SeedFailureKind = 'url' | 'no-seed' | 'connect' | 'split' | 'order' | 'statement';

export interface SeedFailureDetails {
  /** Seed file, relative to DIR (`seed/postgresql/002-data.sql`). */
  file?: string;
  /** 1-based line in the file: where the server located the error, else where the statement starts. */
  line?: number;
  /** 1-based line where the failing statement starts. */
  statementLine?: number;
  /** 1-based number of the statement in its file. */
  statement?: number;
  /** The statement's first line, shortened. */
  excerpt?: string;
  /** The server's (or driver's) message, redacted. */
  serverMessage?: string;
  /** SQLSTATE, MySQL error code or system error code. */
  code?: string;
}

/**
 * Why a load failed. Exit 1 when it failed because of the seed (its data or its statements); exit 2
 * when the database cannot be reached, the URL is bad or DIR has no seed.
 */
export class SeedApplyError extends UserError {
  override readonly name = 'SeedApplyError';
  constructor(
    readonly kind: SeedFailureKind,
    readonly messages: Bilingual,
    exitCode: ExitCode,
    readonly details: SeedFailureDetails = {},
    readonly hints?: Bilingual,
  ) {
    super(messages.en, exitCode, hints?.en);
  }
}

export type ApplyEvent =
  | { type: 'connected'; dialect: SqlDialect; target: string; server: string }
  | { type: 'file'; file: string; statements: number }
  | { type: 'committed' }
  | { type: 'rolled-back'; droppedTables: string[] };

export interface ApplyResult {
  dialect: SqlDialect;
  /** The redacted URL. */
  target: string;
  server: string;
  files: Array<{ file: string; statements: number }>;
  /** Rows in each table the seed creates or fills, after loading. */
  tables: Array<{ table: string; rows: number }>;
  durationMs: number;
}

const SCHEMES: Record<string, SqlDialect> = {
  'postgres:': 'postgresql',
  'postgresql:': 'postgresql',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

const SECRET_PARAM = /pass|secret|token|key/i;

function urlError(id: string, en: string): SeedApplyError {
  return new SeedApplyError('url', { id, en }, ExitCode.usage, {}, {
    id: 'contoh: postgres://pengguna:sandi@host:5432/basisdata atau mysql://pengguna:sandi@host:3306/basisdata; sandi sebaiknya lewat --db env:DATABASE_URL',
    en: 'e.g. postgres://user:password@host:5432/database or mysql://user:password@host:3306/database; pass the password with --db env:DATABASE_URL',
  });
}

/** Parses a database URL; its password never appears in the error. */
export function parseDatabaseUrl(raw: string): DbTarget {
  const text = raw.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1];
  if (!scheme) throw urlError('URL basis data tidak dikenali (tanpa skema)', 'not a database URL (no scheme)');
  const dialect = SCHEMES[`${scheme.toLowerCase()}:`];
  if (!dialect) {
    throw urlError(
      `skema URL basis data "${scheme}:" tidak didukung; gunakan postgres://, postgresql://, mysql:// atau mariadb://`,
      `database URL scheme "${scheme}:" is not supported; use postgres://, postgresql://, mysql:// or mariadb://`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlError('URL basis data tidak sah', 'the database URL is not valid');
  }
  if (!text.slice(scheme.length + 1).startsWith('//')) throw urlError('URL basis data tidak sah (harus skema://…)', 'the database URL is not valid (must be scheme://…)');
  const secrets: string[] = [text];
  if (url.password) {
    secrets.push(url.password);
    try {
      secrets.push(decodeURIComponent(url.password));
    } catch {
      /* the raw form is enough */
    }
  }
  const params: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (SECRET_PARAM.test(k) && v !== '') {
      secrets.push(v);
      params.push(`${encodeURIComponent(k)}=***`);
    } else {
      params.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    }
  }
  const auth = url.username ? `${url.username}${url.password ? ':***' : ''}@` : url.password ? ':***@' : '';
  const display = `${url.protocol}//${auth}${url.host}${url.pathname}${params.length ? `?${params.join('&')}` : ''}`;
  if (dialect === 'mysql' && decodeURIComponent(url.pathname.replace(/^\//, '')) === '') {
    throw urlError(`URL ${display} tidak menyebut nama basis data`, `the URL ${display} names no database`);
  }
  return { dialect, url: text, display, secrets: [...new Set(secrets)].filter((s) => s !== '').sort((a, b) => b.length - a.length) };
}

/** Replaces every secret in `text` with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

interface LoadedFile {
  file: string;
  statements: SqlStatement[];
}

const noSeedHint: Bilingual = {
  id: 'DIR adalah folder keluaran `eoffice generate`, yang memuat seed/postgresql/ dan seed/mysql/',
  en: 'DIR is the output folder of `eoffice generate`, which holds seed/postgresql/ and seed/mysql/',
};

async function readSeed(dir: string, dialect: SqlDialect): Promise<LoadedFile[]> {
  const rel = `seed/${dialect}`;
  const folder = join(dir, 'seed', dialect);
  const st = await stat(folder).catch(() => undefined);
  if (!st?.isDirectory()) {
    throw new SeedApplyError('no-seed', { id: `${dir} tidak memuat ${rel}/`, en: `${dir} has no ${rel}/` }, ExitCode.usage, {}, noSeedHint);
  }
  const names = (await readdir(folder)).filter((f) => f.endsWith('.sql')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) {
    throw new SeedApplyError('no-seed', { id: `${dir}/${rel}/ tidak memuat berkas .sql`, en: `${dir}/${rel}/ holds no .sql file` }, ExitCode.usage, {}, noSeedHint);
  }
  const out: LoadedFile[] = [];
  for (const name of names) {
    const file = `${rel}/${name}`;
    let text: string;
    try {
      text = await readFile(join(folder, name), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new SeedApplyError('no-seed', { id: `${file} tidak dapat dibaca (${code})`, en: `cannot read ${file} (${code})` }, ExitCode.usage, { file });
    }
    try {
      out.push({ file, statements: splitSql(text, dialect) });
    } catch (err) {
      if (!(err instanceof SqlSplitError)) throw err;
      throw new SeedApplyError(
        'split',
        { id: `${file}:${err.line}: ${err.message === 'unterminated string literal' ? 'literal string tidak ditutup' : `tidak ditutup (${err.message})`}`, en: `${file}:${err.line}: ${err.message}` },
        ExitCode.invalid,
        { file, line: err.line, statementLine: err.line },
      );
    }
  }
  return out;
}

const TRANSACTION_CONTROL = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'START', 'END', 'SAVEPOINT', 'RELEASE', 'ABORT', 'XA']);
const MYSQL_DDL = new Set(['CREATE', 'ALTER', 'DROP', 'RENAME', 'TRUNCATE', 'LOCK', 'UNLOCK', 'GRANT', 'REVOKE', 'FLUSH', 'OPTIMIZE', 'REPAIR', 'ANALYZE', 'INSTALL', 'UNINSTALL']);
const DATA_KEYWORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'MERGE', 'COPY', 'LOAD', 'WITH']);

function excerpt(sql: string): string {
  const first = sql.split('\n', 1)[0]!;
  return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}

function orderError(f: LoadedFile, index: number, id: string, en: string): SeedApplyError {
  const s = f.statements[index]!;
  return new SeedApplyError('order', { id: `${f.file}:${s.line}: ${id}`, en: `${f.file}:${s.line}: ${en}` }, ExitCode.invalid, {
    file: f.file,
    line: s.line,
    statementLine: s.line,
    statement: index + 1,
    excerpt: excerpt(s.sql),
  });
}

/** Refuses what would break the one transaction, before anything runs. Returns where data starts. */
function checkOrder(files: LoadedFile[], dialect: SqlDialect): { file: number; statement: number } | undefined {
  let dataAt: { file: number; statement: number } | undefined;
  files.forEach((f, fi) =>
    f.statements.forEach((s, si) => {
      if (TRANSACTION_CONTROL.has(s.keyword) || /^SET\s+(?:SESSION\s+|@@(?:SESSION\.)?)?(?:autocommit|TRANSACTION)\b/i.test(s.sql)) {
        throw orderError(f, si, 'berkas data awal tidak boleh mengatur transaksi; eoffice memuat semuanya dalam satu transaksi', 'seed files must not control transactions; eoffice loads everything in one transaction');
      }
      if (dialect === 'mysql') {
        if (DATA_KEYWORDS.has(s.keyword)) dataAt ??= { file: fi, statement: si };
        else if (dataAt && MYSQL_DDL.has(s.keyword)) {
          throw orderError(
            f,
            si,
            'DDL setelah pernyataan data: di MySQL/MariaDB DDL meng-commit transaksi, jadi skema harus dimuat sebelum data',
            'DDL after a data statement: on MySQL/MariaDB DDL commits the transaction, so the schema must come before the data',
          );
        }
      }
    }),
  );
  return dataAt;
}

const TABLE_NAME = /^(?:CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?|INSERT\s+(?:IGNORE\s+)?INTO\s+|REPLACE\s+INTO\s+)("(?:[^"]|"")+"|`(?:[^`]|``)+`|[A-Za-z_][\w$]*)/i;

/** The tables the seed creates or fills, in order of first appearance. */
function seedTables(files: LoadedFile[]): string[] {
  const names: string[] = [];
  for (const f of files) {
    for (const s of f.statements) {
      const m = TABLE_NAME.exec(s.sql);
      if (!m) continue;
      const raw = m[1]!;
      const name = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw.startsWith('`') ? raw.slice(1, -1).replaceAll('``', '`') : raw;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

interface DriverError {
  message?: string;
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  fatal?: boolean;
  position?: string;
  detail?: string;
}

function connectError(target: DbTarget, err: unknown): SeedApplyError {
  const e = err as DriverError;
  const reason = redact(e.sqlMessage ?? e.message ?? String(err), target.secrets) || (e.code ?? 'unknown error');
  return new SeedApplyError(
    'connect',
    { id: `tidak dapat terhubung ke ${target.display}: ${reason}`, en: `cannot connect to ${target.display}: ${reason}` },
    ExitCode.usage,
    { serverMessage: reason, ...(e.code ? { code: e.code } : {}) },
    {
      id: 'periksa host, port, nama basis data, pengguna dan sandi, dan bahwa server menerima koneksi dari mesin ini',
      en: 'check the host, port, database name, user and password, and that the server accepts connections from this machine',
    },
  );
}

/** Errors of the environment (connection, privileges, server going away), not of the seed. */
function isEnvironmentError(dialect: SqlDialect, e: DriverError): boolean {
  if (e.fatal) return true;
  if (e.code && /^E[A-Z]+$/.test(e.code) && !e.code.startsWith('ER')) return true; // ECONNRESET, ETIMEDOUT, EPIPE
  if (/Connection terminated|connection.*closed|Client has encountered a connection error/i.test(e.message ?? '')) return true;
  if (dialect === 'postgresql') return /^(08|28|53|57|58|3D)/.test(e.code ?? '') || e.code === '42501';
  return [1044, 1045, 1049, 1142, 1143, 1227, 1370, 2002, 2003, 2006, 2013].includes(e.errno ?? 0);
}

function statementError(target: DbTarget, f: LoadedFile, index: number, err: unknown): SeedApplyError {
  const e = err as DriverError;
  const s = f.statements[index]!;
  let line = s.line;
  if (target.dialect === 'postgresql' && e.position && /^\d+$/.test(e.position)) {
    const before = s.sql.slice(0, Number(e.position) - 1);
    line = s.line + (before.match(/\n/g)?.length ?? 0);
  } else if (target.dialect === 'mysql') {
    const m = /at line (\d+)\s*$/.exec(e.sqlMessage ?? e.message ?? '');
    if (m) line = s.line + Number(m[1]) - 1;
  }
  const server = redact([e.sqlMessage ?? e.message ?? String(err), e.detail].filter(Boolean).map((m) => String(m).replace(/\.\s*$/, '')).join(' — '), target.secrets);
  const code = e.sqlState && e.code ? `${e.code} (${e.sqlState})` : e.code;
  const environment = isEnvironmentError(target.dialect, e);
  return new SeedApplyError(
    'statement',
    environment
      ? {
          id: `${f.file}:${line}: pernyataan ke-${index + 1} gagal: ${server}; transaksi tidak di-commit`,
          en: `${f.file}:${line}: statement ${index + 1} failed: ${server}; the transaction was not committed`,
        }
      : {
          id: `${f.file}:${line}: pernyataan ke-${index + 1} gagal: ${server}; basis data dikembalikan seperti semula`,
          en: `${f.file}:${line}: statement ${index + 1} failed: ${server}; the database was left as it was`,
        },
    environment ? ExitCode.usage : ExitCode.invalid,
    {
      file: f.file,
      line,
      statementLine: s.line,
      statement: index + 1,
      excerpt: redact(excerpt(s.sql), target.secrets),
      serverMessage: server,
      ...(code ? { code } : {}),
    },
  );
}

interface Session {
  server: string;
  run(sql: string): Promise<void>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

async function connectPostgres(target: DbTarget): Promise<Session & { begin(): Promise<void>; commit(): Promise<void>; rollback(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000, application_name: 'eoffice seed apply' });
  client.on('error', () => {
    /* a lost connection surfaces as the failing query's error */
  });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw connectError(target, err);
  }
  const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v").then((r) => r.rows[0]?.v ?? '', () => '');
  return {
    server: `PostgreSQL ${version.split(' ')[0]}`,
    run: async (sql) => void (await client.query(sql)),
    count: async (table) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdentifier(table, 'postgresql')}`)).rows[0]!.n),
    begin: async () => void (await client.query('BEGIN')),
    commit: async () => void (await client.query('COMMIT')),
    rollback: async () => void (await client.query('ROLLBACK')),
    close: () => client.end(),
  };
}

async function connectMysql(target: DbTarget) {
  const { default: mysql } = await import('mysql2/promise');
  const url = new URL(target.url);
  const socket = url.searchParams.get('socket') ?? undefined;
  let conn: import('mysql2/promise').Connection;
  try {
    conn = await mysql.createConnection({
      host: url.hostname.replace(/^\[|\]$/g, '') || 'localhost',
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
      ...(socket ? { socketPath: socket } : {}),
      charset: 'utf8mb4',
      connectTimeout: 10_000,
      multipleStatements: false,
      supportBigNumbers: true,
    });
  } catch (err) {
    throw connectError(target, err);
  }
  conn.on('error', () => {
    /* surfaces as the failing query's error */
  });
  const [rows] = await conn.query('SELECT VERSION() AS v').catch(() => [[]] as [unknown[]]);
  const version = String((rows as Array<{ v?: string }>)[0]?.v ?? '');
  const tablesNow = async (): Promise<Set<string>> => {
    const [r] = await conn.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()');
    return new Set((r as Array<{ t: string }>).map((x) => x.t));
  };
  return {
    server: `${/mariadb/i.test(version) ? 'MariaDB' : 'MySQL'} ${version.split('-')[0]}`,
    run: async (sql: string) => void (await conn.query(sql)),
    count: async (table: string) => {
      const [r] = await conn.query(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(table, 'mysql')}`);
      return Number((r as Array<{ n: number | string }>)[0]!.n);
    },
    begin: () => conn.beginTransaction(),
    commit: () => conn.commit(),
    rollback: () => conn.rollback(),
    tablesNow,
    isEmpty: async (table: string) => {
      const [r] = await conn.query(`SELECT 1 AS x FROM ${quoteIdentifier(table, 'mysql')} LIMIT 1`);
      return (r as unknown[]).length === 0;
    },
    close: () => conn.end(),
  };
}

/**
 * Loads `DIR/seed/<dialect>/*.sql` into the database at `url` (see the file comment for the
 * transaction design). Throws SeedApplyError; its message never holds the password.
 */
export async function applySeed(dir: string, url: string, onEvent: (e: ApplyEvent) => void = () => undefined): Promise<ApplyResult> {
  const started = performance.now();
  const target = parseDatabaseUrl(url);
  const files = await readSeed(dir, target.dialect);
  const dataAt = checkOrder(files, target.dialect);
  const tables = seedTables(files);

  const execute = async (session: Session, from: { file: number; statement: number }, to?: { file: number; statement: number }) => {
    for (let fi = from.file; fi < files.length && !(to && fi > to.file); fi++) {
      const f = files[fi]!;
      const first = fi === from.file ? from.statement : 0;
      const last = to && fi === to.file ? to.statement : f.statements.length;
      for (let si = first; si < last; si++) {
        try {
          await session.run(f.statements[si]!.sql);
        } catch (err) {
          throw statementError(target, f, si, err);
        }
      }
      if (last === f.statements.length) onEvent({ type: 'file', file: f.file, statements: f.statements.length });
    }
  };
  const counts = async (session: Session) => {
    const out: Array<{ table: string; rows: number }> = [];
    for (const table of tables) {
      try {
        out.push({ table, rows: await session.count(table) });
      } catch (err) {
        throw new SeedApplyError(
          'statement',
          { id: `tabel ${table} tidak dapat dihitung: ${redact(String((err as Error).message), target.secrets)}`, en: `cannot count table ${table}: ${redact(String((err as Error).message), target.secrets)}` },
          ExitCode.invalid,
        );
      }
    }
    return out;
  };
  const result = (server: string, tableCounts: ApplyResult['tables']): ApplyResult => ({
    dialect: target.dialect,
    target: target.display,
    server,
    files: files.map((f) => ({ file: f.file, statements: f.statements.length })),
    tables: tableCounts,
    durationMs: Math.round(performance.now() - started),
  });

  if (target.dialect === 'postgresql') {
    const session = await connectPostgres(target);
    onEvent({ type: 'connected', dialect: target.dialect, target: target.display, server: session.server });
    try {
      await session.begin();
      await execute(session, { file: 0, statement: 0 });
      const tableCounts = await counts(session);
      await session.commit();
      onEvent({ type: 'committed' });
      return result(session.server, tableCounts);
    } catch (err) {
      await session.rollback().catch(() => undefined);
      onEvent({ type: 'rolled-back', droppedTables: [] });
      throw err;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  const session = await connectMysql(target);
  onEvent({ type: 'connected', dialect: target.dialect, target: target.display, server: session.server });
  let before: Set<string> | undefined;
  let inTransaction = false;
  try {
    before = await session.tablesNow();
    const boundary = dataAt ?? { file: files.length, statement: 0 };
    // Phase 1: the schema, which MySQL commits statement by statement.
    await execute(session, { file: 0, statement: 0 }, boundary);
    // Phase 2: the data, in one transaction.
    await session.begin();
    inTransaction = true;
    if (dataAt) await execute(session, dataAt);
    const tableCounts = await counts(session);
    await session.commit();
    onEvent({ type: 'committed' });
    return result(session.server, tableCounts);
  } catch (err) {
    if (inTransaction) await session.rollback().catch(() => undefined);
    const dropped: string[] = [];
    if (before) {
      // Undo the schema phase: drop the seed's tables this run created, if nothing else filled them.
      const now = await session.tablesNow().catch(() => new Set<string>());
      for (const t of tables) {
        if (before.has(t) || !now.has(t)) continue;
        const empty = await session.isEmpty(t).catch(() => false);
        if (empty && (await session.run(`DROP TABLE ${quoteIdentifier(t, 'mysql')}`).then(() => true, () => false))) dropped.push(t);
      }
    }
    onEvent({ type: 'rolled-back', droppedTables: dropped });
    throw err;
  } finally {
    await session.close().catch(() => undefined);
  }
}
