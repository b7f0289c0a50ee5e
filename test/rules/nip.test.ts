import { describe, expect, it } from 'vitest';
import { add, del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'nip';
const SEKDA_NIP = ['signatories', 1, 'nip'] as const;
const AT = '/signatories/1/nip';
/** A PPPK analyst added as signatories[5]. */
const pppk = (niPppk: string) => add(['signatories'], { id: 'analis', name: 'Rudi Hartono', position: 'Analis Kebijakan', role: 'pejabat', opd: 'diskominfo', superior: 'kadis-kominfo', niPppk });

/** One nip finding for the sekda's NIP set to `value`. */
const badNip = (value: string, mentions: string[], match?: RegExp) =>
  expectFinding(RULE, [set(SEKDA_NIP, value)], { severity: 'error', path: AT, mentions: [`"${value}"`, ...mentions], ...(match ? { match } : {}) });

describe('nip', () => {
  it('accepts the fixture (today fixed at 2026-11-23)', () => expectNone(RULE));

  it('accepts a village head without NIP', () => {
    expectNone(RULE, [del(['signatories', 4, 'nip'])]);
    expectNone(RULE, [add(['signatories'], { id: 'kades-cibeureum', name: 'Ujang', position: 'Kepala Desa Cibeureum', role: 'kepala-desa', village: '32.79.01.2004' })]);
  });

  describe('birth date (digits 1–8)', () => {
    it.each([
      ['198002312005011001', '19800231'],
      ['198004312005011001', '19800431'],
      ['198013012005011001', '19801301'],
      ['198000102005011001', '19800010'],
      ['198001002005011001', '19800100'],
      ['189912312005011001', '18991231'],
    ])('reports %s (birth date %s)', (value, birth) => {
      const d = badNip(value, [birth]);
      expect(d.line).toBe(lineContaining(d.text, value));
      expect(d.hint).toContain('YYYYMMDD');
    });

    it('knows leap years: 29 February 1980 and 2000 exist, 1981 and 1900 do not', () => {
      expectNone(RULE, [set(SEKDA_NIP, '198002292005011001')]);
      expectNone(RULE, [set(SEKDA_NIP, '200002292020011001')]);
      badNip('198102292005011001', ['19810229']);
      badNip('190002291925011001', ['19000229']);
    });
  });

  describe('TMT CPNS month (digits 13–14)', () => {
    it('reports month 00', () => {
      badNip('196805121994001004', ['00']);
    });

    it.each(['12', '01'])('accepts month %s', (mm) => {
      expectNone(RULE, [set(SEKDA_NIP, `196805121994${mm}1004`)]);
    });

    it.each(['13', '21', '24', '99'])('takes month %s under nip: for an NI PPPK, and says so', (code) => {
      const value = `196805121994${code}1004`;
      const d = badNip(value, [`kode ${code}`, 'NI PPPK']);
      expect(d.hint).toContain('niPppk');
    });
  });

  it.each(['0', '3', '9'])('reports sex digit %s', (digit) => {
    const value = `19680512199403${digit}004`;
    const d = badNip(value, [` ${digit} `, '1 atau 2']);
    expect(d.hint).toMatch(/1 laki-laki, 2 perempuan/);
  });

  it('reports sequence 000', () => {
    badNip('196805121994031000', ['000']);
  });

  describe('TMT against the 18th birthday', () => {
    it('accepts a TMT in the month of the 18th birthday', () => {
      expectNone(RULE, [set(SEKDA_NIP, '198001011998011001')]);
    });

    it('reports a TMT before age 18, with the age', () => {
      badNip('198001011997121001', ['17']);
      badNip('198006151990011001', ['9']);
    });

    it('reports a TMT before birth as such', () => {
      const d = badNip('198006151975011001', ['sebelum tanggal lahir']);
      expect(d.message).not.toContain('-6');
    });
  });

  describe('TMT against today (2026-11-23)', () => {
    it('accepts this month', () => {
      expectNone(RULE, [set(SEKDA_NIP, '198001012026111001')]);
    });

    it.each([
      ['198001012026121001', '2026-12'],
      ['198001012027011001', '2027-01'],
    ])('reports %s (TMT %s)', (value, tmt) => {
      badNip(value, [tmt]);
    });

    it('depends on the day given, not on the clock', () => {
      expectNone(RULE, [set(SEKDA_NIP, '198001012026121001')], { today: new Date('2026-12-01') });
    });
  });

  describe('shape', () => {
    it.each([
      '19680512199403100',
      '1968051219940310045',
      '19680512 199403 1 004',
      '19680512-199403-1-004',
      '1968051219940310O4',
      '',
    ])('reports %j: 18 digits without spaces', (value) => {
      const d = badNip(value, ['18']);
      expect(d.hint).toContain('198001012005011001');
    });
  });

  it('reports each problem of one NIP', () => {
    const { found } = diagnosticsOf(RULE, [set(SEKDA_NIP, '198002312005013000')]);
    expect(found.map((d) => d.message)).toEqual([
      'NIP "198002312005013000": tanggal lahir 19800231 tidak ada di kalender',
      'NIP "198002312005013000": digit jenis kelamin 3 harus 1 atau 2',
      'NIP "198002312005013000": nomor urut 000 tidak dipakai',
    ]);
    expect(new Set(found.map((d) => d.line)).size).toBe(1);
  });

  describe('NI PPPK', () => {
    it.each(['21', '24'])('accepts code %s in niPppk', (code) => {
      expectNone(RULE, [pppk(`199005152021${code}1001`)]);
    });

    it('reports a NIP-shaped value in niPppk', () => {
      const d = expectFinding(RULE, [pppk('199005152015031001')], { severity: 'error', path: '/signatories/5/niPppk', mentions: ['"199005152015031001"', 'NIP', '03'] });
      expect(d.line).toBe(lineContaining(d.text, '199005152015031001'));
      expect(d.hint).toContain('`nip:`');
    });

    it('checks the structure of an NI PPPK, naming the field', () => {
      expectFinding(RULE, [pppk('1990051520212110')], { severity: 'error', path: '/signatories/5/niPppk', mentions: ['NI PPPK', '"1990051520212110"'] });
      expectFinding(RULE, [pppk('199002302021211001')], { severity: 'error', path: '/signatories/5/niPppk', mentions: ['NI PPPK', '19900230'] });
      expectFinding(RULE, [pppk('199005152027211001')], { severity: 'error', path: '/signatories/5/niPppk', mentions: ['NI PPPK', '2027'] });
      expectFinding(RULE, [pppk('201005152021211001')], { severity: 'error', path: '/signatories/5/niPppk', mentions: ['NI PPPK', '11'] });
    });

    it('gives a PPPK appointment year the benefit of the whole year at 18', () => {
      // Born December 2003, appointed in 2021 (code 21 year): 18 by the end of 2021.
      expectNone(RULE, [pppk('200312312021211001')]);
    });

    it('reports a signatory with both a NIP and an NI PPPK', () => {
      expectFinding(RULE, [set(['signatories', 1, 'niPppk'], '196805122021211004')], { severity: 'error', path: '/signatories/1/niPppk', mentions: ['sekda', 'NIP', 'NI PPPK'] });
    });
  });

  it('checks the grantor\'s signatories too', () => {
    expectFinding(RULE, [set(['grant', 'grantor', 'signatories', 0, 'nip'], '197002301995031001')], { severity: 'error', path: '/grant/grantor/signatories/0/nip', mentions: ['19700230'] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(SEKDA_NIP, '198002312005011001')], { severity: 'error', path: AT, mentions: ['NIP "198002312005011001": birth date 19800231 is not a real date'] });
    expectEnglish(RULE, [set(SEKDA_NIP, '196805121994211004')], { severity: 'error', path: AT, mentions: ['"196805121994211004" is shaped like an NI PPPK (code 21'] });
    expectEnglish(RULE, [set(SEKDA_NIP, '198001012026121001')], { severity: 'error', path: AT, mentions: ['TMT 2026-12 lies in the future'] });
  });
});
