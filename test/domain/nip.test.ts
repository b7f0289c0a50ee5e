import { describe, expect, it } from 'vitest';
import { groupNip, parseNip } from '../../src/domain/nip.js';

const TODAY = { year: 2026, month: 11, day: 23 };
const problems = (raw: string, today = TODAY) => {
  const r = parseNip(raw, today);
  return r.ok ? [] : r.problems;
};

describe('parseNip', () => {
  it('reads every part of a NIP', () => {
    expect(parseNip('198001012005011001', TODAY)).toEqual({
      ok: true,
      nip: { kind: 'nip', birth: { year: 1980, month: 1, day: 1 }, appointed: { year: 2005, month: 1 }, sex: 'male', sequence: '001' },
    });
    const woman = parseNip('197903152005012002', TODAY);
    expect(woman.ok && woman.nip.sex).toBe('female');
    expect(woman.ok && woman.nip.sequence).toBe('002');
  });

  it('reads an NI PPPK: a code in place of the month, the year only', () => {
    expect(parseNip('199005152021211001', TODAY)).toEqual({
      ok: true,
      nip: { kind: 'nipppk', birth: { year: 1990, month: 5, day: 15 }, appointed: { year: 2021, month: 0 }, pppkCode: '21', sex: 'male', sequence: '001' },
    });
    const r = parseNip('199005152022242003', TODAY);
    expect(r.ok && [r.nip.kind, r.nip.pppkCode, r.nip.sex]).toEqual(['nipppk', '24', 'female']);
  });

  it.each(['13', '21', '24', '99'])('takes month %s for an NI PPPK code', (mm) => {
    const r = parseNip(`199005152021${mm}1001`, TODAY);
    expect(r.ok && r.nip.kind).toBe('nipppk');
  });

  describe('birth date', () => {
    it.each([
      ['19800229', true],
      ['20000229', true],
      ['19840229', true],
      ['19810229', false],
      ['19000229', false],
      ['19800230', false],
      ['19800431', false],
      ['19800431', false],
      ['19801301', false],
      ['19800001', false],
      ['19800100', false],
      ['18991231', false],
      ['19000101', true],
    ])('%s is a real date: %s', (birth, real) => {
      const tmt = Number(birth.slice(0, 4)) + 20;
      const p = problems(`${birth}${tmt}011001`);
      if (real) expect(p).toEqual([]);
      else expect(p).toEqual([{ problem: 'birth-date', value: birth }]);
    });
  });

  it('refuses month 00 of the TMT', () => {
    expect(problems('198001012005001001')).toEqual([{ problem: 'tmt-month', value: '00' }]);
  });

  it.each(['0', '3', '9'])('refuses sex digit %s', (d) => {
    expect(problems(`19800101200501${d}001`)).toEqual([{ problem: 'sex', value: d }]);
  });

  it('refuses sequence 000', () => {
    expect(problems('198001012005011000')).toEqual([{ problem: 'sequence' }]);
  });

  it.each(['', '19800101200501100', '1980010120050110011', '19800101 200501 1 001', '19800101-200501-1-001', '19800101200501100a', '１９８００１０１２００５０１１００１'])('refuses %j: not 18 ASCII digits', (raw) => {
    expect(problems(raw)).toEqual([{ problem: 'length' }]);
  });

  it('gathers every structural problem, and checks dates only once the structure is sound', () => {
    expect(problems('198002312005003000').map((p) => p.problem)).toEqual(['birth-date', 'tmt-month', 'sex', 'sequence']);
    // The TMT of a NIP with a bad sex digit is not also judged.
    expect(problems('200001012010013001').map((p) => p.problem)).toEqual(['sex']);
  });

  describe('TMT at 18 or older', () => {
    it('accepts the month of the 18th birthday when the birthday is the first', () => {
      expect(problems('198001011998011001')).toEqual([]);
    });

    it('refuses the month of the 18th birthday when the birthday is later in the month', () => {
      expect(problems('198001151998011001')).toEqual([{ problem: 'tmt-before-18', age: 17 }]);
    });

    it('gives the age reached', () => {
      expect(problems('198001011997121001')).toEqual([{ problem: 'tmt-before-18', age: 17 }]);
      expect(problems('198006151975011001')).toEqual([{ problem: 'tmt-before-18', age: -6 }]);
    });

    it('gives an NI PPPK the whole appointment year', () => {
      expect(problems('200312312021211001')).toEqual([]);
      expect(problems('200401012021211001')).toEqual([{ problem: 'tmt-before-18', age: 17 }]);
    });
  });

  describe('TMT not in the future', () => {
    it('accepts this month and refuses the next', () => {
      expect(problems('198001012026111001')).toEqual([]);
      expect(problems('198001012026121001')).toEqual([{ problem: 'tmt-future', value: '2026-12' }]);
      expect(problems('198001012027011001')).toEqual([{ problem: 'tmt-future', value: '2027-01' }]);
    });

    it('judges an NI PPPK by its year', () => {
      expect(problems('199001012026211001')).toEqual([]);
      expect(problems('199001012027211001')).toEqual([{ problem: 'tmt-future', value: '2027' }]);
    });

    it('uses the day it is given', () => {
      expect(problems('198001012026121001', { year: 2026, month: 12, day: 1 })).toEqual([]);
      expect(problems('198001012026111001', { year: 2026, month: 10, day: 31 })).toEqual([{ problem: 'tmt-future', value: '2026-11' }]);
    });
  });
});

describe('groupNip', () => {
  it('groups a NIP as printed under a signature', () => {
    expect(groupNip('198001012005011001')).toBe('19800101 200501 1 001');
    expect(groupNip('199005152021211001')).toBe('19900515 202121 1 001');
  });

  it('leaves anything else as it is', () => {
    expect(groupNip('19800101 200501 1 001')).toBe('19800101 200501 1 001');
    expect(groupNip('12345')).toBe('12345');
    expect(groupNip('')).toBe('');
  });
});
