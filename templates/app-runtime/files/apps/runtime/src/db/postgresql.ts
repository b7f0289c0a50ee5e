/** Adaptor PostgreSQL (pg). */
import pg from 'pg';
import { parseDatabaseUrl, poolSize, retrying, type Database, type Queryable } from './base.js';

/** `?` menjadi `$1`, `$2`, …; SQL aplikasi tidak memuat `?` di dalam teks literal. */
export function numberedPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

/** Deadlock (40P01) dan kegagalan serialisasi (40001): transaksi diulang. */
const retryable = (err: unknown) => ['40P01', '40001'].includes(String((err as { code?: unknown } | null)?.code));

export function openDatabase(raw: string | undefined): Database {
  const url = parseDatabaseUrl(raw, 'postgresql');
  const pool = new pg.Pool({ connectionString: url.href, max: poolSize(), connectionTimeoutMillis: 5_000 });
  // Galat koneksi yang sedang menganggur: kueri berikutnya akan melaporkannya.
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(numberedPlaceholders(sql), [...params]);
      return result.rows as T[];
    },
  });
  return {
    dialect: 'postgresql',
    query: on(pool).query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      retrying(retryable, async () => {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          throw err;
        } finally {
          client.release(broken);
        }
      }),
    close: () => pool.end(),
  };
}
