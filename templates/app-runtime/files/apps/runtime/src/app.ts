/**
 * Kerangka bersama ketiga aplikasi: konfigurasi daerah, basis data, rute bawaan (`GET /`,
 * `GET /healthz`, `GET /metrics`), persiapan tabel milik aplikasi (diulang sampai basis data dapat
 * dihubungi), dan penghentian yang rapi pada SIGTERM/SIGINT.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRegionConfig, type RegionConfig } from './config.js';
import { isUnavailable, openDatabase, type Database } from './db/index.js';
import { createHttpServer, HttpError, type Reply, type Route } from './http.js';
import { PROMETHEUS_CONTENT_TYPE, Registry } from './metrics.js';

export type Logger = (level: 'info' | 'peringatan' | 'galat', message: string, extra?: Record<string, unknown>) => void;

export interface AppContext {
  readonly db: Database;
  readonly region: RegionConfig;
  readonly metrics: Registry;
  readonly log: Logger;
}

export interface AppDefinition {
  /** Nama layanan: `eoffice`, `eoffice-desa`, `esakip`. */
  name: string;
  /** Nama yang dibaca orang: `e-Office`. */
  title: string;
  version: string;
  /** Konfigurasi yang ditampilkan di `GET /` (pola nomor surat, periode …). */
  info?: Readonly<Record<string, unknown>>;
  /** Sekali, setelah basis data dapat dihubungi: tabel milik aplikasi. */
  setup?(ctx: AppContext): Promise<void>;
  routes(ctx: AppContext): Route[];
  /** Angka ringkasan untuk `GET /` (jumlah OPD, desa, surat …), dari basis data. */
  summary(ctx: AppContext): Promise<Record<string, number>>;
}

export interface StartOptions {
  db: Database;
  region?: RegionConfig;
  /** 0: port bebas mana saja. */
  port?: number;
  host?: string;
  log?: Logger;
  /** Jeda antara percobaan persiapan selama basis data belum dapat dihubungi. */
  retryMs?: number;
  /** Awalan jalur di belakang proxy (`BASE_PATH`). */
  basePath?: string;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly metrics: Registry;
  /** Selesai setelah basis data terhubung dan tabel aplikasi siap. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Berhenti menerima koneksi, menunggu permintaan berjalan (paling lama `graceMs`), menutup basis data. */
  stop(graceMs?: number): Promise<void>;
}

export function jsonLogger(app: string): Logger {
  return (level, message, extra = {}) => {
    const line = JSON.stringify({ waktu: new Date().toISOString(), tingkat: level, aplikasi: app, pesan: message, ...extra });
    if (level === 'info') process.stdout.write(line + '\n');
    else process.stderr.write(line + '\n');
  };
}

const HEALTH_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`tidak ada jawaban dalam ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Menjalankan aplikasi pada `options.port`; persiapan basis data berjalan di latar belakang. */
export async function startApp(def: AppDefinition, options: StartOptions): Promise<RunningApp> {
  const region = options.region ?? loadRegionConfig();
  const log = options.log ?? jsonLogger(def.name);
  const { db } = options;
  const metrics = new Registry();
  const http = {
    requests: metrics.counter('http_requests_total', 'Permintaan HTTP menurut rute, metode dan status.', ['route', 'method', 'status']),
    duration: metrics.histogram('http_request_duration_seconds', 'Lama melayani permintaan HTTP, dalam detik.', ['route', 'method']),
  };
  metrics.gauge('eoffice_app_info', 'Aplikasi, versi dan daerah (nilai selalu 1).', () => 1, { aplikasi: def.name, versi: def.version, daerah: region.daerah.kode });
  metrics.gauge('process_uptime_seconds', 'Lama proses berjalan, dalam detik.', () => Math.round(process.uptime() * 1000) / 1000);
  const ctx: AppContext = { db, region, metrics, log };

  let ready = false;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const prepared = (async () => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await db.query('SELECT 1');
        await def.setup?.(ctx);
        ready = true;
        log('info', 'basis data terhubung; aplikasi siap', { basisData: db.dialect });
        return;
      } catch (err) {
        log('peringatan', 'persiapan basis data gagal; dicoba lagi', { percobaan: attempt, galat: errorText(err) });
        await new Promise<void>((resolve) => {
          wake = resolve;
          retryTimer = setTimeout(resolve, options.retryMs ?? 2_000);
        });
      }
    }
  })();

  const appRoutes = def.routes(ctx).map(
    (route): Route => ({
      ...route,
      handler: (req) => {
        if (!ready) throw new HttpError(503, 'belum-siap', 'aplikasi belum siap: basis data belum dapat dihubungi');
        return route.handler(req);
      },
    }),
  );
  const health = async (): Promise<Reply> => {
    const base = { aplikasi: def.name, versi: def.version, daerah: region.daerah.kode, basisData: db.dialect };
    if (stopping) return { status: 503, json: { status: 'berhenti', ...base } };
    try {
      await withTimeout(db.query('SELECT 1 AS ok'), HEALTH_TIMEOUT_MS);
      if (!ready) return { status: 503, json: { status: 'bersiap', ...base, pesan: 'tabel aplikasi sedang disiapkan' } };
      return { json: { status: 'ok', ...base } };
    } catch (err) {
      return { status: 503, json: { status: 'error', ...base, pesan: `basis data tidak dapat dihubungi: ${errorText(err)}` } };
    }
  };
  const builtIn: Route[] = [
    {
      method: 'GET',
      path: '/',
      handler: async () => {
        if (!ready) throw new HttpError(503, 'belum-siap', 'aplikasi belum siap: basis data belum dapat dihubungi');
        return {
          json: {
            aplikasi: def.name,
            judul: def.title,
            versi: def.version,
            daerah: { kode: region.daerah.kode, nama: region.daerah.nama, pemerintah: region.daerah.pemerintah },
            konfigurasi: { zonaWaktu: region.zonaWaktu, kertas: region.kop.kertas, ...def.info },
            jumlah: await def.summary(ctx),
            rute: ['/healthz', '/metrics', ...appRoutes.map((r) => `${r.method} ${r.path}`)],
          },
        };
      },
    },
    { method: 'GET', path: '/healthz', handler: health },
    {
      method: 'GET',
      path: '/metrics',
      // Metrik untuk Prometheus di jaringan dalam saja. Setiap proksi di depan aplikasi (Caddy, nginx,
      // ingress-nginx) menambahkan X-Forwarded-For, jadi permintaan dari luar ditolak di sini juga,
      // walau proksinya lupa memblokir jalur ini.
      handler: ({ headers }) => {
        if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined) {
          throw new HttpError(404, 'tidak-ditemukan', 'tidak ada /metrics');
        }
        return { text: metrics.render(), contentType: PROMETHEUS_CONTENT_TYPE };
      },
    },
  ];

  const server = createHttpServer({
    routes: [...builtIn, ...appRoutes],
    metrics: http,
    unavailable: isUnavailable,
    ...(options.basePath ? { basePath: options.basePath } : {}),
    log: (entry) => log('galat', String(entry.galat ?? 'galat'), entry),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  log('info', 'mendengarkan', { alamat: url, daerah: region.daerah.nama, versi: def.version });

  return {
    url,
    port: address.port,
    server,
    metrics,
    ready: prepared,
    isReady: () => ready,
    async stop(graceMs = 10_000) {
      stopping = true;
      clearTimeout(retryTimer);
      wake?.();
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      force.unref();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(force);
      await prepared;
      await db.close();
    },
  };
}

/** `PORT` (bawaan 8080). */
export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT "${value}" bukan nomor port (0–65535)`);
  return port;
}

/**
 * Titik masuk `npm start`: `DATABASE_URL`, `PORT` (8080), `HOST` (semua antarmuka), `BASE_PATH`
 * (awalan jalur di belakang proxy, boleh kosong); SIGTERM dan
 * SIGINT menghentikan aplikasi dengan rapi (kode keluar 0).
 */
export async function main(def: AppDefinition): Promise<void> {
  const log = jsonLogger(def.name);
  let app: RunningApp;
  try {
    const db = openDatabase(process.env.DATABASE_URL);
    app = await startApp(def, {
      db,
      port: portFromEnv(process.env.PORT),
      ...(process.env.HOST ? { host: process.env.HOST } : {}),
      ...(process.env.BASE_PATH ? { basePath: process.env.BASE_PATH } : {}),
      log,
    });
  } catch (err) {
    log('galat', `tidak dapat dimulai: ${errorText(err)}`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', `${signal} diterima; berhenti setelah permintaan yang berjalan selesai`);
    const deadline = setTimeout(() => {
      log('galat', 'tidak berhenti dalam 15 detik; dipaksa');
      process.exit(1);
    }, 15_000);
    deadline.unref();
    app.stop().then(
      () => {
        log('info', 'berhenti');
        process.exitCode = 0;
      },
      (err: unknown) => {
        log('galat', `gagal berhenti dengan rapi: ${errorText(err)}`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
