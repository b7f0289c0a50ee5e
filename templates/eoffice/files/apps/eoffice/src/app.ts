/**
 * e-Office: kop tiap OPD, direktori OPD dan penandatangan, penerbitan nomor surat dengan pola daerah,
 * dan blok tanda tangan Pasal 44 — semuanya dari data awal (basis data) dan config/app.json.
 */
import {
  buildLetterhead,
  countIssued,
  countRows,
  ensureLetterTables,
  HttpError,
  letterheadReply,
  letterIssuer,
  nameWithTitles,
  positionWithStatus,
  regionContact,
  requireObject,
  requireText,
  signatories,
  signatory,
  type AppDefinition,
  type Reply,
} from 'eoffice-runtime';
import { DOCUMENT_KINDS, loadConfig, type DocumentKind, type EofficeConfig } from './config.js';
import { directory, OPD_COLUMNS, opdAddress, opdTiers, type OpdRow } from './opd.js';

/** `?jenis=`: naskah-dinas (bawaan, bergelar) atau regeling (peraturan/keputusan, tanpa gelar). */
export function documentKind(value: string | null): DocumentKind {
  const kind = value === null || value === '' ? 'naskah-dinas' : value;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new HttpError(400, 'jenis-tidak-dikenal', `jenis "${kind}" tidak dikenal (${DOCUMENT_KINDS.join(', ')})`);
  }
  return kind as DocumentKind;
}

export function eoffice(config: EofficeConfig = loadConfig()): AppDefinition {
  return {
    name: 'eoffice',
    title: config.judul,
    version: config.versi,
    info: { penomoran: config.penomoran, srikandi: config.srikandi, layananTte: config.tte },
    setup: ({ db }) => ensureLetterTables(db),
    summary: async ({ db }) => ({
      opd: await countRows(db, 'opd'),
      penandatangan: await countRows(db, 'penandatangan'),
      suratTerbit: await countIssued(db, 'eoffice'),
    }),
    routes(ctx) {
      const { db, region } = ctx;
      const issuer = letterIssuer(ctx, 'eoffice', config.penomoran);
      const opds = () => db.query<OpdRow>(`SELECT ${OPD_COLUMNS} FROM opd ORDER BY urutan, kode`);
      return [
        {
          method: 'GET',
          path: '/opd',
          async handler(): Promise<Reply> {
            const rows = await opds();
            return { json: { jumlah: rows.length, opd: directory(rows, await signatories(db)) } };
          },
        },
        {
          method: 'GET',
          path: '/kop/:opd',
          async handler({ params, query }): Promise<Reply> {
            const byCode = new Map((await opds()).map((o) => [o.kode, o]));
            const opd = byCode.get(params.opd!);
            if (!opd) throw new HttpError(404, 'opd-tidak-dikenal', `tidak ada OPD berkode "${params.opd}"`);
            const kop = buildLetterhead(region, opdTiers(opd, byCode), { ...regionContact(region), alamat: opdAddress(opd, byCode) ?? region.kop.alamat });
            return letterheadReply(kop, query.get('format'), { opd: { kode: opd.kode, nama: opd.nama, jenis: opd.jenis } });
          },
        },
        {
          method: 'POST',
          path: '/surat/nomor',
          async handler({ body }): Promise<Reply> {
            const input = requireObject(await body());
            const code = requireText(input.opd, 'opd', 191);
            const [opd] = await db.query<OpdRow>(`SELECT ${OPD_COLUMNS} FROM opd WHERE kode = ?`, [code]);
            if (!opd) throw new HttpError(404, 'opd-tidak-dikenal', `tidak ada OPD berkode "${code}"`);
            const { klasifikasi, perihal } = await issuer.parseRequest(input);
            const letter = await issuer.issue({ unit: opd.kode_unit, pengirim: opd.kode, klasifikasi: klasifikasi.kode, perihal });
            return { status: 201, json: { ...letter, opd: { kode: opd.kode, nama: opd.nama }, klasifikasiPokok: klasifikasi.pokok, perihal } };
          },
        },
        {
          method: 'GET',
          path: '/ttd/:id',
          async handler({ params, query }): Promise<Reply> {
            const jenis = documentKind(query.get('jenis'));
            const person = await signatory(db, params.id!);
            if (!person) throw new HttpError(404, 'penandatangan-tidak-dikenal', `tidak ada penandatangan "${params.id}" di data awal`);
            const block = config.ttd.get(person.id);
            if (!block) throw new HttpError(404, 'ttd-tidak-ada', `blok tanda tangan "${person.id}" tidak ada di config/app.json; bangkitkan ulang dari profil`);
            const text = block[jenis];
            return { json: { id: person.id, jenis, nama: nameWithTitles(person), jabatan: positionWithStatus(person), baris: text.split('\n'), teks: text } };
          },
        },
      ];
    },
  };
}
