/**
 * e-Office Desa: daftar desa dan kelurahan, kop desa tiga tingkat (kabupaten/kota, kecamatan, desa),
 * kepala dan perangkat desa (Permendagri 84/2015), dan nomor surat desa dengan pola `{kodeDesa}`.
 */
import {
  buildLetterhead,
  countIssued,
  countRows,
  ensureLetterTables,
  HttpError,
  letterheadReply,
  letterIssuer,
  requireObject,
  requireText,
  signatories,
  type AppDefinition,
  type Reply,
} from 'eoffice-runtime';
import { loadConfig, type DesaConfig } from './config.js';
import { orderedOfficers, VILLAGE_QUERY, villageHead, villageNumberCode, villageTiers, type OfficerRow, type VillageRow } from './desa.js';

export function eofficeDesa(config: DesaConfig = loadConfig()): AppDefinition {
  return {
    name: 'eoffice-desa',
    title: config.judul,
    version: config.versi,
    info: { penomoran: config.penomoran },
    setup: ({ db }) => ensureLetterTables(db),
    async summary({ db }) {
      const [kecamatan] = await db.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM wilayah WHERE jenis = 'kecamatan'");
      const [desa] = await db.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM desa WHERE jenis <> 'kelurahan'");
      return {
        kecamatan: Number(kecamatan?.n ?? 0),
        desaDanKelurahan: await countRows(db, 'desa'),
        desa: Number(desa?.n ?? 0),
        suratTerbit: await countIssued(db, 'eoffice-desa'),
      };
    },
    routes(ctx) {
      const { db, region } = ctx;
      const issuer = letterIssuer(ctx, 'eoffice-desa', config.penomoran);
      const village = async (code: string) => {
        const [row] = await db.query<VillageRow>(`${VILLAGE_QUERY} WHERE d.kode = ?`, [code]);
        if (!row) throw new HttpError(404, 'desa-tidak-dikenal', `tidak ada desa/kelurahan berkode "${code}"`);
        return row;
      };
      return [
        {
          method: 'GET',
          path: '/desa',
          async handler({ query }): Promise<Reply> {
            const district = query.get('kecamatan');
            const rows = await db.query<VillageRow>(`${VILLAGE_QUERY}${district ? ' WHERE d.kode_kecamatan = ?' : ''} ORDER BY d.kode`, district ? [district] : []);
            const people = await signatories(db);
            return {
              json: {
                jumlah: rows.length,
                jumlahDesa: rows.filter((r) => r.jenis !== 'kelurahan').length,
                jumlahKelurahan: rows.filter((r) => r.jenis === 'kelurahan').length,
                desa: rows.map((r) => ({
                  kode: r.kode,
                  nama: r.nama,
                  jenis: r.jenis,
                  kecamatan: { kode: r.kode_kecamatan, nama: r.nama_kecamatan },
                  kepala: villageHead(r, people),
                })),
              },
            };
          },
        },
        {
          method: 'GET',
          path: '/kop/desa/:kode',
          async handler({ params, query }): Promise<Reply> {
            const v = await village(params.kode!);
            const kop = buildLetterhead(region, villageTiers(v), { alamat: v.alamat, telepon: null, faksimile: null, email: null, laman: null, kodePos: v.kode_pos });
            return letterheadReply(kop, query.get('format'), { desa: { kode: v.kode, nama: v.nama, jenis: v.jenis } });
          },
        },
        {
          method: 'GET',
          path: '/desa/:kode/perangkat',
          async handler({ params }): Promise<Reply> {
            const v = await village(params.kode!);
            const officers = await db.query<OfficerRow>('SELECT peran, urutan, nama FROM perangkat_desa WHERE kode_desa = ?', [v.kode]);
            return {
              json: {
                desa: { kode: v.kode, nama: v.nama, jenis: v.jenis, kecamatan: { kode: v.kode_kecamatan, nama: v.nama_kecamatan } },
                kepala: villageHead(v, await signatories(db)),
                perangkat: orderedOfficers(officers),
              },
            };
          },
        },
        {
          method: 'POST',
          path: '/surat/nomor',
          async handler({ body }): Promise<Reply> {
            const input = requireObject(await body());
            const v = await village(requireText(input.desa, 'desa', 13));
            if (v.jenis === 'kelurahan') {
              throw new HttpError(422, 'bukan-desa', `${v.nama} adalah kelurahan (perangkat daerah); suratnya dinomori e-Office, bukan e-Office Desa`);
            }
            const { klasifikasi, perihal } = await issuer.parseRequest(input);
            const letter = await issuer.issue({ unit: v.kode, pengirim: v.kode, klasifikasi: klasifikasi.kode, perihal, kodeDesa: villageNumberCode(v.kode) });
            return { status: 201, json: { ...letter, desa: { kode: v.kode, nama: v.nama }, klasifikasiPokok: klasifikasi.pokok, perihal } };
          },
        },
      ];
    },
  };
}
