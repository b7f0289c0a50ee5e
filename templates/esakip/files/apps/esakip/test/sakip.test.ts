import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError, type SignatoryRow } from 'eoffice-runtime';
import { loadConfig } from '../src/config.js';
import { DEFAULT_WEIGHTS, grade, gradeBands, parseScore, periodColumns, pkPairs, weightsOf } from '../src/sakip.js';

const person = (id: string, peran: string, extra: Partial<SignatoryRow> = {}): SignatoryRow => ({
  id,
  gelar_depan: null,
  nama: id.toUpperCase(),
  gelar_belakang: null,
  jabatan: `Jabatan ${id}`,
  peran,
  opd: null,
  desa: null,
  status: 'definitif',
  atasan: null,
  ...extra,
});

describe('predikat evaluasi SAKIP', () => {
  it('AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D ≤ 30', () => {
    const cases: Array<[number, string]> = [
      [100, 'AA'], [90.01, 'AA'], [90, 'A'], [80.5, 'A'], [80, 'BB'], [70.1, 'BB'], [70, 'B'],
      [60.01, 'B'], [60, 'CC'], [50.5, 'CC'], [50, 'C'], [30.01, 'C'], [30, 'D'], [0, 'D'],
    ];
    for (const [nilai, predikat] of cases) assert.equal(grade(nilai).predikat, predikat, String(nilai));
    assert.deepEqual(gradeBands().map((b) => b.rentang), ['> 90', '> 80 – 90', '> 70 – 80', '> 60 – 70', '> 50 – 60', '> 30 – 50', '≤ 30']);
  });

  it('?nilai= 0–100, titik atau koma desimal', () => {
    assert.equal(parseScore('85'), 85);
    assert.equal(parseScore('85,5'), 85.5);
    assert.equal(parseScore(' 100 '), 100);
    for (const bad of [null, '', 'abc', '-1', '100.5', '1e2', '85,5,5']) {
      assert.throws(() => parseScore(bad), (err: unknown) => err instanceof HttpError && err.status === 400, String(bad));
    }
  });

  it('bobot bawaan PermenPANRB 88/2021 30/30/15/25, atau bobot profil', () => {
    assert.deepEqual(weightsOf(null).komponen.map((k) => k.bobot), [30, 30, 15, 25]);
    assert.equal(weightsOf(null).jumlah, 100);
    assert.match(weightsOf(null).sumber, /88\/2021/);
    const own = weightsOf({ perencanaan: 25, pengukuran: 35, pelaporan: 15, evaluasi: 25 });
    assert.equal(own.sumber, 'profil daerah');
    assert.equal(own.komponen[1]!.bobot, 35);
    assert.equal(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0), 100);
  });
});

describe('periode RPJMD', () => {
  it('kondisi awal, target tiap tahun, kondisi akhir', () => {
    const cols = periodColumns(2025, 2029);
    assert.deepEqual(cols.map((c) => c.kunci), ['kondisi-awal', 'target-2025', 'target-2026', 'target-2027', 'target-2028', 'target-2029', 'kondisi-akhir']);
    assert.equal(cols[0]!.tahun, 2024);
    assert.equal(cols.at(-1)!.tahun, 2029);
  });
});

describe('pasangan perjanjian kinerja', () => {
  const rows = [
    person('bupati', 'kepala-daerah'),
    person('wabup', 'wakil-kepala-daerah'),
    person('sekda', 'sekretaris-daerah', { opd: 'setda', atasan: 'bupati' }),
    person('kadis', 'kepala-opd', { opd: 'dinas', atasan: 'sekda' }),
    person('camat', 'camat', { opd: 'kec' }),
    person('kabag', 'pejabat', { opd: 'bagian', atasan: 'sekda' }),
    person('lurah', 'lurah', { atasan: 'camat' }),
    person('kasi', 'pejabat', { atasan: 'tidak-ada' }),
    person('kabid', 'pejabat'),
    person('kades', 'kepala-desa', { desa: '99.01.01.2001' }),
  ];

  it('PK daerah oleh kepala daerah; kepala perangkat daerah dengan kepala daerah; pejabat lain dengan atasan langsung', () => {
    const { pasangan, tanpaPasangan } = pkPairs(rows, new Map([['bupati', 'BUPATI CONTOH,\n\n\n\n\nBUDI']]));
    const pairs = pasangan.map((p) => [p.jenis, p.pihakPertama.id, p.pihakKedua?.id ?? null]);
    assert.deepEqual(pairs, [
      ['kinerja-daerah', 'bupati', null],
      ['kepala-perangkat-daerah', 'sekda', 'bupati'],
      ['kepala-perangkat-daerah', 'kadis', 'bupati'],
      ['kepala-perangkat-daerah', 'camat', 'bupati'],
      ['atasan-langsung', 'kabag', 'sekda'],
      ['atasan-langsung', 'lurah', 'camat'],
    ]);
    assert.deepEqual(pasangan[0]!.pihakPertama.ttd, ['BUPATI CONTOH,', '', '', '', '', 'BUDI']);
    assert.deepEqual(tanpaPasangan.map((t) => t.penandatangan.id), ['kasi', 'kabid']);
    assert.match(tanpaPasangan[0]!.alasan, /tidak-ada/);
  });

  it('tanpa kepala daerah, kepala perangkat daerah tidak berpasangan', () => {
    const { pasangan, tanpaPasangan } = pkPairs(rows.filter((r) => r.peran !== 'kepala-daerah'));
    assert.equal(pasangan.some((p) => p.jenis !== 'atasan-langsung'), false);
    assert.ok(tanpaPasangan.some((t) => t.penandatangan.id === 'kadis' && /kepala-daerah/.test(t.alasan)));
  });
});

describe('konfigurasi e-SAKIP yang dibangkitkan', () => {
  it('periode lima tahun, tahun berurutan, blok tanda tangan perjanjian kinerja tanpa a.n.', () => {
    const config = loadConfig();
    assert.equal(config.tahun.length, config.periode.selesai - config.periode.mulai + 1);
    assert.ok(config.ttd.size > 0);
    for (const [id, block] of config.ttd) {
      assert.doesNotMatch(block, /^(a\.n\.|u\.b\.)/m, `${id} menandatangani PK atas nama sendiri`);
      assert.match(block.split('\n')[0] ?? '', /,$/, id);
    }
  });
});
