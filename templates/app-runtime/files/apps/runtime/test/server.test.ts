import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startApp, portFromEnv, type AppDefinition, type RunningApp } from '../src/app.js';
import { loadRegionConfig } from '../src/config.js';
import { DatabaseUrlError, parseDatabaseUrl, type Database } from '../src/db/index.js';
import { HttpError, normaliseBasePath, requireObject } from '../src/http.js';

/** Basis data tiruan: menjawab `SELECT 1`, atau gagal seperti server yang mati. */
function stubDatabase(): Database & { down: boolean; closed: boolean } {
  const db = {
    dialect: 'postgresql' as const,
    down: false,
    closed: false,
    async query<T extends object>(): Promise<T[]> {
      if (db.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return [{ ok: 1 } as unknown as T];
    },
    async transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
      return fn(db);
    },
    async close() {
      db.closed = true;
    },
  };
  return db;
}

const definition: AppDefinition = {
  name: 'uji',
  title: 'Uji',
  version: '9.9.9',
  summary: async () => ({ contoh: 3 }),
  routes: () => [
    { method: 'GET', path: '/gema/:kata', handler: ({ params, query }) => ({ json: { kata: params.kata, q: query.get('q') } }) },
    {
      method: 'POST',
      path: '/gema',
      async handler({ body }) {
        const input = requireObject(await body());
        if (input.gagal) throw new Error('rahasia internal');
        if (input.teapot) throw new HttpError(418, 'teko', 'saya teko');
        return { status: 201, json: input };
      },
    },
  ],
};

const silent = () => undefined;
const running: RunningApp[] = [];
after(async () => {
  for (const app of running) await app.stop(100).catch(() => undefined);
});

async function start(db = stubDatabase()) {
  const app = await startApp(definition, { db, port: 0, host: '127.0.0.1', log: silent, retryMs: 20 });
  running.push(app);
  await app.ready;
  return { app, db, get: (path: string, init?: RequestInit) => fetch(app.url + path, init) };
}

const post = (body: string, type = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body });

describe('server HTTP', () => {
  it('rute dengan parameter, dan ringkasan di GET /', async () => {
    const { get } = await start();
    const res = await get('/gema/kop%20desa?q=1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await res.json(), { kata: 'kop desa', q: '1' });
    const index = (await (await get('/')).json()) as { aplikasi: string; versi: string; jumlah: unknown; daerah: { nama: string } };
    assert.equal(index.aplikasi, 'uji');
    assert.equal(index.versi, '9.9.9');
    assert.deepEqual(index.jumlah, { contoh: 3 });
    assert.equal(index.daerah.nama, loadRegionConfig().daerah.nama);
  });

  it('kesalahan dalam JSON: 404, 405 dengan Allow, 415, 400, 413, dan 500 tanpa rincian internal', async () => {
    const { get } = await start();
    const notFound = await get('/tidak/ada');
    assert.equal(notFound.status, 404);
    assert.equal(((await notFound.json()) as { galat: { kode: string } }).galat.kode, 'tidak-ditemukan');
    const wrongMethod = await get('/gema', { method: 'GET' });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    assert.equal((await get('/gema', post('{}', 'text/plain'))).status, 415);
    assert.equal((await get('/gema', post('{bukan json'))).status, 400);
    assert.equal((await get('/gema', post('[1]'))).status, 400);
    assert.equal((await get('/gema', post(JSON.stringify({ x: 'a'.repeat(70_000) })))).status, 413);
    assert.equal((await get('/gema', post('{"teapot":true}'))).status, 418);
    const crash = await get('/gema', post('{"gagal":true}'));
    assert.equal(crash.status, 500);
    assert.doesNotMatch(await crash.text(), /rahasia/);
    assert.equal((await get('/gema', post('{"a":1}'))).status, 201);
  });

  it('metrik per pola rute dan status, dalam format teks Prometheus', async () => {
    const { get } = await start();
    await get('/gema/satu');
    await get('/gema/dua');
    await get('/nihil');
    const res = await get('/metrics');
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^http_requests_total\{route="\/gema\/:kata",method="GET",status="200"\} 2$/m);
    assert.match(text, /^http_requests_total\{route="tidak-dikenal",method="GET",status="404"\} 1$/m);
    assert.match(text, /^# TYPE http_request_duration_seconds histogram$/m);
    assert.match(text, /^eoffice_app_info\{aplikasi="uji",versi="9\.9\.9",daerah="\d{2}\.\d{2}"\} 1$/m);
  });

  it('/metrics tidak dilayani lewat proksi (ada X-Forwarded-For atau Forwarded): hanya untuk jaringan dalam', async () => {
    const { get } = await start();
    for (const headers of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }]) {
      const res = await get('/metrics', { headers });
      assert.equal(res.status, 404);
      const body = (await res.json()) as { galat?: { kode?: string } };
      assert.equal(body.galat?.kode, 'tidak-ditemukan');
    }
    assert.equal((await get('/metrics')).status, 200);
  });

  it('/healthz: 200 bila basis data menjawab, 503 bila tidak; rute aplikasi 503 saat belum siap', async () => {
    const { get, db } = await start();
    const ok = await get('/healthz');
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { status: string }).status, 'ok');
    db.down = true;
    const down = await get('/healthz');
    assert.equal(down.status, 503);
    assert.equal(((await down.json()) as { status: string }).status, 'error');
    assert.equal((await get('/gema/x')).status, 200, 'rute tanpa basis data tetap melayani setelah siap');

    const cold = stubDatabase();
    cold.down = true;
    const app = await startApp(definition, { db: cold, port: 0, host: '127.0.0.1', log: silent, retryMs: 20 });
    running.push(app);
    assert.equal(app.isReady(), false);
    assert.equal((await fetch(app.url + '/gema/x')).status, 503);
    cold.down = false;
    await app.ready;
    assert.equal((await fetch(app.url + '/gema/x')).status, 200);
  });

  it('BASE_PATH: jalur berawalan dan tanpa awalan sama-sama dilayani', async () => {
    const app = await startApp(definition, { db: stubDatabase(), port: 0, host: '127.0.0.1', log: silent, basePath: 'eoffice/' });
    running.push(app);
    await app.ready;
    assert.deepEqual(await (await fetch(app.url + '/eoffice/gema/a')).json(), { kata: 'a', q: null });
    assert.equal((await fetch(app.url + '/eoffice')).status, 200);
    assert.equal((await fetch(app.url + '/healthz')).status, 200);
    assert.equal((await fetch(app.url + '/eofficex/gema/a')).status, 404);
    assert.equal(normaliseBasePath('/'), '');
    assert.throws(() => normaliseBasePath('/a b'), /BASE_PATH/);
  });

  it('berhenti dengan rapi: menutup server dan basis data', async () => {
    const { app, db, get } = await start();
    assert.equal((await get('/healthz')).status, 200);
    await app.stop(100);
    assert.equal(db.closed, true);
    await assert.rejects(fetch(app.url + '/healthz'));
  });
});

describe('lingkungan', () => {
  it('PORT bawaan 8080, dan ditolak bila bukan nomor port', () => {
    assert.equal(portFromEnv(undefined), 8080);
    assert.equal(portFromEnv('9090'), 9090);
    assert.throws(() => portFromEnv('http'), /PORT/);
    assert.throws(() => portFromEnv('70000'), /PORT/);
  });

  it('DATABASE_URL: skema harus sesuai mesin yang dibangkitkan; sandi tidak pernah disebut', () => {
    assert.equal(parseDatabaseUrl('postgres://u:p@h:5432/d', 'postgresql').hostname, 'h');
    assert.equal(parseDatabaseUrl('mariadb://u:p@h/d', 'mysql').pathname, '/d');
    for (const [url, dialect] of [
      [undefined, 'postgresql'],
      ['mysql://u:s3cr3t@h/d', 'postgresql'],
      ['postgresql://u:s3cr3t@h/d', 'mysql'],
      ['http://u:s3cr3t@h/d', 'mysql'],
      ['bukan url s3cr3t', 'mysql'],
    ] as const) {
      assert.throws(
        () => parseDatabaseUrl(url, dialect),
        (err: unknown) => err instanceof DatabaseUrlError && !err.message.includes('s3cr3t'),
      );
    }
  });
});
