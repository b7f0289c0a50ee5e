/**
 * Server HTTP tanpa kerangka kerja (node:http): rute dengan parameter `:nama`, jawaban JSON (atau
 * HTML/teks), badan JSON berbatas ukuran, kesalahan dalam bentuk JSON yang sama, dan metrik per rute.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Counter, Histogram } from './metrics.js';

/** Kesalahan yang dijawab apa adanya: status, kode yang tetap, pesan dalam Bahasa Indonesia. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export interface Reply {
  status?: number;
  json?: unknown;
  html?: string;
  text?: string;
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
}

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Kepala permintaan (nama huruf kecil), apa adanya dari Node. */
  readonly headers: IncomingHttpHeaders;
  /** Badan permintaan sebagai JSON (Content-Type application/json, paling besar {@link MAX_BODY_BYTES}). */
  body(): Promise<unknown>;
}

export type Method = 'GET' | 'POST';

export interface Route {
  method: Method;
  /** `/kop/:opd`: segmen `:nama` menjadi `params.nama`. Label metrik memakai pola ini, bukan path-nya. */
  path: string;
  handler(ctx: RequestContext): Reply | Promise<Reply>;
}

export const MAX_BODY_BYTES = 64 * 1024;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

export interface HttpMetrics {
  requests: Counter;
  duration: Histogram;
}

export interface ServerOptions {
  routes: readonly Route[];
  metrics: HttpMetrics;
  /** Galat yang berarti layanan di belakangnya (basis data) tidak tersedia: dijawab 503. */
  unavailable?: (err: unknown) => boolean;
  /** Awalan jalur di belakang proxy (`/eoffice`): `/eoffice/opd` dilayani sebagai `/opd`; tanpa awalan juga. */
  basePath?: string;
  log?: (entry: Record<string, unknown>) => void;
}

export const UNMATCHED_ROUTE = 'tidak-dikenal';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

const HTML_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'jenis-konten', 'kirim badan JSON dengan Content-Type: application/json');
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'terlalu-besar', `badan permintaan lebih dari ${MAX_BODY_BYTES} bita`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'terlalu-besar', `badan permintaan lebih dari ${MAX_BODY_BYTES} bita`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'badan-kosong', 'badan permintaan kosong; kirim objek JSON');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'json-tidak-sah', 'badan permintaan bukan JSON yang sah');
  }
}

function send(res: ServerResponse, method: string, reply: Reply): number {
  const status = reply.status ?? 200;
  let body: string;
  let contentType: string;
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
  if (reply.html !== undefined) {
    body = reply.html;
    contentType = 'text/html; charset=utf-8';
    headers['content-security-policy'] = HTML_POLICY;
  } else if (reply.text !== undefined) {
    body = reply.text;
    contentType = reply.contentType ?? 'text/plain; charset=utf-8';
  } else {
    body = JSON.stringify(reply.json ?? null) + '\n';
    contentType = 'application/json; charset=utf-8';
  }
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...headers, ...reply.headers, 'content-type': contentType, 'content-length': String(bytes.length) });
  res.end(method === 'HEAD' ? undefined : bytes);
  return status;
}

/** Jawaban kesalahan: `{"galat": {"kode", "pesan", ...rincian}}`. */
export function errorReply(err: HttpError): Reply {
  return {
    status: err.status,
    json: { galat: { kode: err.code, pesan: err.message, ...err.details } },
    ...(err.status === 405 && typeof err.details?.izin === 'string' ? { headers: { allow: err.details.izin } } : {}),
  };
}

/** `eoffice/` → `/eoffice`; kosong atau `/` → tanpa awalan. */
export function normaliseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/?[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) throw new Error(`BASE_PATH "${value}" bukan awalan jalur (misalnya /eoffice)`);
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Menyusun server dari rute; belum mendengarkan port. */
export function createHttpServer(options: ServerOptions): Server {
  const compiled = options.routes.map(compile);
  const basePath = normaliseBasePath(options.basePath);
  const log = options.log ?? (() => undefined);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    let label = UNMATCHED_ROUTE;
    let status = 500;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || '/';
      const candidates = compiled.filter((c) => c.pattern.test(path));
      const match = candidates.find((c) => c.route.method === method || (method === 'HEAD' && c.route.method === 'GET'));
      if (!match) {
        if (candidates.length > 0) {
          label = candidates[0]!.route.path;
          const allow = [...new Set(candidates.map((c) => c.route.method))].join(', ');
          throw new HttpError(405, 'metode-tidak-diizinkan', `metode ${method} tidak diizinkan untuk ${path} (izinkan: ${allow})`, { izin: allow });
        }
        throw new HttpError(404, 'tidak-ditemukan', `tidak ada ${path}`);
      }
      label = match.route.path;
      const groups = match.pattern.exec(path)!;
      const params: Record<string, string> = {};
      match.names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(groups[i + 1]!);
        } catch {
          throw new HttpError(400, 'path-tidak-sah', `bagian path "${groups[i + 1]}" tidak sah`);
        }
      });
      const reply = await match.route.handler({ method, path, params, query: url.searchParams, headers: req.headers, body: () => readJson(req) });
      status = send(res, method, reply);
    } catch (err) {
      const known =
        err instanceof HttpError
          ? err
          : options.unavailable?.(err)
            ? new HttpError(503, 'basis-data-tidak-tersedia', 'basis data tidak dapat dihubungi; coba lagi sebentar lagi')
            : undefined;
      if (!known || known.status >= 500) log({ tingkat: 'galat', metode: method, rute: label, galat: err instanceof Error ? err.message : String(err) });
      const reply = errorReply(known ?? new HttpError(500, 'galat-internal', 'terjadi kesalahan di server'));
      status = res.headersSent ? status : send(res, method, reply);
      if (!res.writableEnded) res.end();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      options.metrics.requests.inc({ route: label, method, status: String(status) });
      options.metrics.duration.observe({ route: label, method }, seconds);
    }
  };
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}

/** Isian teks wajib (dipangkas), atau kesalahan 400 yang menyebut namanya. */
export function requireText(value: unknown, name: string, max = 500): string {
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, 'isian-wajib', `${name} wajib diisi (teks)`);
  if (value.length > max) throw new HttpError(400, 'isian-terlalu-panjang', `${name} lebih dari ${max} karakter`);
  return value.trim();
}

/** Objek JSON (bukan larik atau nilai tunggal). */
export function requireObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'bukan-objek', 'badan permintaan harus objek JSON');
  return value as Record<string, unknown>;
}
