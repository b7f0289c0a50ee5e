/**
 * Basis data aplikasi: antarmuka kecil yang sama untuk PostgreSQL (pg) dan MySQL/MariaDB (mysql2).
 * SQL ditulis sekali dengan penanda `?`; adaptor PostgreSQL mengubahnya menjadi `$1, $2, …`.
 */
export type Dialect = 'postgresql' | 'mysql';
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /**
   * Menjalankan `fn` dalam satu transaksi. Bila server melaporkan deadlock atau kegagalan
   * serialisasi, seluruh transaksi (yang sudah dibatalkan server) diulang dari awal.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const SCHEMES: Readonly<Record<string, Dialect>> = {
  'postgres:': 'postgresql',
  'postgresql:': 'postgresql',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

/** Dialek dari skema URL; kata sandi tidak pernah masuk pesan kesalahan. */
export function parseDatabaseUrl(raw: string | undefined, expected: Dialect): URL {
  if (!raw || raw.trim() === '') {
    throw new DatabaseUrlError('DATABASE_URL belum diisi (misalnya postgres://pengguna:sandi@host:5432/eoffice atau mysql://pengguna:sandi@host:3306/eoffice)');
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DatabaseUrlError('DATABASE_URL bukan URL yang sah');
  }
  const dialect = SCHEMES[url.protocol];
  if (!dialect) throw new DatabaseUrlError(`skema DATABASE_URL "${url.protocol}" tidak didukung (postgres://, postgresql://, mysql://, mariadb://)`);
  if (dialect !== expected) {
    throw new DatabaseUrlError(
      `aplikasi ini dibangkitkan untuk ${expected === 'postgresql' ? 'PostgreSQL' : 'MySQL/MariaDB'} (deployment.database.engine di profil), tetapi DATABASE_URL memakai ${url.protocol}//`,
    );
  }
  return url;
}

/** Galat yang berarti basis data tidak dapat dihubungi (bukan kesalahan SQL). */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  '57P01',
  '57P03',
  '53300',
]);

export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
  const message = err instanceof Error ? err.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connect ETIMEDOUT/i.test(message);
}

/**
 * Mengulang `attempt` selama `retryable(galat)` benar, paling banyak `times` kali, dengan jeda acak
 * yang makin panjang: transaksi yang bertabrakan tidak mengulang serentak.
 */
export async function retrying<T>(retryable: (err: unknown) => boolean, attempt: () => Promise<T>, times = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= times || !retryable(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * i));
    }
  }
}

export function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE ?? '10');
  return Number.isInteger(n) && n > 0 && n <= 100 ? n : 10;
}
