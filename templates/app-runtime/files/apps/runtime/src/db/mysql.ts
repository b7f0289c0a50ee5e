/** Adaptor MySQL/MariaDB (mysql2). */
import mysql from 'mysql2/promise';
import { parseDatabaseUrl, poolSize, retrying, type Database, type Queryable } from './base.js';

/** Deadlock (1213) dan batas tunggu kunci (1205): transaksi diulang. */
const retryable = (err: unknown) => [1213, 1205].includes(Number((err as { errno?: unknown } | null)?.errno));

export function openDatabase(raw: string | undefined): Database {
  const url = parseDatabaseUrl(raw, 'mysql');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '') throw new Error('DATABASE_URL tidak menyebut nama basis data (mysql://pengguna:sandi@host:3306/NAMA)');
  const pool = mysql.createPool({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    charset: 'utf8mb4',
    connectionLimit: poolSize(),
    waitForConnections: true,
    connectTimeout: 5_000,
    dateStrings: true,
    supportBigNumbers: true,
  });
  const on = (conn: mysql.Pool | mysql.PoolConnection): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const [rows] = await conn.query(sql, [...params]);
      return (Array.isArray(rows) ? rows : []) as T[];
    },
  });
  return {
    dialect: 'mysql',
    query: on(pool).query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      retrying(retryable, async () => {
        const conn = await pool.getConnection();
        try {
          await conn.beginTransaction();
          const result = await fn(on(conn));
          await conn.commit();
          return result;
        } catch (err) {
          await conn.rollback().catch(() => undefined);
          throw err;
        } finally {
          conn.release();
        }
      }),
    close: () => pool.end(),
  };
}
