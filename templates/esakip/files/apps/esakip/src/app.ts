/**
 * e-SAKIP: periode RPJMD dan kolom tahunannya, OPD dengan kepalanya, pasangan penandatangan
 * perjanjian kinerja, bobot komponen dan predikat evaluasi (PermenPANRB 88/2021).
 */
import { calendarDay, countRows, signatories, signatorySummary, type AppDefinition, type Reply } from 'eoffice-runtime';
import { loadConfig, type SakipConfig } from './config.js';
import { grade, gradeBands, parseScore, periodColumns, pkPairs, weightsOf } from './sakip.js';

interface OpdRow {
  kode: string;
  nama: string;
  singkatan: string | null;
  jenis: string;
  tipe: string | null;
  kode_sipd: string | null;
}

const HEAD_ROLES = new Set(['sekretaris-daerah', 'kepala-opd', 'camat', 'lurah']);

export function esakip(config: SakipConfig = loadConfig(), now: () => Date = () => new Date()): AppDefinition {
  return {
    name: 'esakip',
    title: config.judul,
    version: config.versi,
    info: { periode: config.periode, bobot: config.bobot ? 'profil daerah' : 'bawaan PermenPANRB 88/2021' },
    summary: async ({ db }) => {
      const { pasangan } = pkPairs(await signatories(db));
      return { opd: await countRows(db, 'opd'), penandatangan: await countRows(db, 'penandatangan'), pasanganPerjanjianKinerja: pasangan.length };
    },
    routes({ db, region }) {
      return [
        {
          method: 'GET',
          path: '/periode',
          handler(): Reply {
            const { mulai, selesai } = config.periode;
            const tahunBerjalan = calendarDay(now(), region.zonaWaktu).tahun;
            return {
              json: {
                rpjmd: { mulai, selesai, judul: `RPJMD ${region.daerah.nama} ${mulai}–${selesai}` },
                tahun: config.tahun,
                kolom: periodColumns(mulai, selesai),
                tahunBerjalan,
                dalamPeriode: tahunBerjalan >= mulai && tahunBerjalan <= selesai,
              },
            };
          },
        },
        {
          method: 'GET',
          path: '/opd',
          async handler(): Promise<Reply> {
            const rows = await db.query<OpdRow>('SELECT kode, nama, singkatan, jenis, tipe, kode_sipd FROM opd ORDER BY urutan, kode');
            const people = await signatories(db);
            return {
              json: {
                jumlah: rows.length,
                opd: rows.map((o) => {
                  const head = people.find((s) => s.opd === o.kode && HEAD_ROLES.has(s.peran));
                  return { kode: o.kode, nama: o.nama, singkatan: o.singkatan, jenis: o.jenis, tipe: o.tipe, kodeSipd: o.kode_sipd, kepala: head ? signatorySummary(head) : null };
                }),
              },
            };
          },
        },
        {
          method: 'GET',
          path: '/pk/pasangan',
          async handler(): Promise<Reply> {
            const { pasangan, tanpaPasangan } = pkPairs(await signatories(db), config.ttd);
            return { json: { jumlah: pasangan.length, pasangan, tanpaPasangan } };
          },
        },
        {
          method: 'GET',
          path: '/evaluasi/bobot',
          handler: (): Reply => ({ json: { ...weightsOf(config.bobot), predikat: gradeBands() } }),
        },
        {
          method: 'GET',
          path: '/evaluasi/predikat',
          handler({ query }): Reply {
            const nilai = parseScore(query.get('nilai'));
            return { json: { nilai, ...grade(nilai) } };
          },
        },
      ];
    },
  };
}
