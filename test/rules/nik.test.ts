import { describe, expect, it } from 'vitest';
import { del, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'nik';
const KADIS_NIK = ['signatories', 2, 'nik'] as const;
const AT = '/signatories/2/nik';

const badNik = (value: string, mentions: string[]) => {
  const d = expectFinding(RULE, [set(KADIS_NIK, value)], { severity: 'error', path: AT, mentions });
  expect(d.line).toBe(lineContaining(d.text, 'nik:'));
  return d;
};

describe('nik', () => {
  it('accepts the fixture (a woman\'s NIK: day 15 + 40 = 55)', () => expectNone(RULE));

  it.each([
    ['3279011503790001', 'a man born 15 March 1979'],
    ['3279017101790001', 'a woman born 31 January 1979 (71)'],
    ['3279014101790001', 'a woman born 1 January 1979 (41)'],
    ['3279012902000001', '29 February 2000'],
    ['3279016902000001', 'a woman born 29 February 2000 (69)'],
    ['3279012902840001', '29 February 1984'],
    ['3279013112991234', '31 December 1999'],
  ])('accepts %s, %s', (value) => {
    expectNone(RULE, [set(KADIS_NIK, value)]);
  });

  it.each(['env:KADIS_NIK', 'file:/run/secrets/nik-kadis'])('accepts the reference %s', (ref) => {
    expectNone(RULE, [set(KADIS_NIK, ref)]);
  });

  it('accepts a signatory without NIK', () => {
    expectNone(RULE, [del(KADIS_NIK)]);
  });

  it.each([
    ['3279010003790001', 'day 00'],
    ['3279013203790001', 'day 32'],
    ['3279014003790001', 'day 40'],
    ['3279017203790001', 'day 72 (32 + 40)'],
    ['3279011500790001', 'month 00'],
    ['3279011513790001', 'month 13'],
    ['3279013104790001', '31 April'],
    ['3279012902010001', '29 February 2001/1901'],
    ['3279016902010001', 'a woman born 29 February 2001/1901'],
  ])('reports %s (%s)', (value) => {
    const d = badNik(value, ['7–12', 'DDMMYY']);
    expect(d.hint).toContain('40');
  });

  it.each(['327901150379000', '32790115037900011', '3279 0115 0379 0001', '327901150379000X', ''])('reports %j: not 16 digits', (value) => {
    const d = badNik(value, ['16']);
    expect(d.hint).toContain('env:');
  });

  it('reports sequence 0000', () => {
    badNik('3279011503790000', ['0000']);
  });

  it('checks the grantor\'s signatories too', () => {
    expectFinding(RULE, [set(['grant', 'grantor', 'signatories', 0, 'nik'], '3211013202700001')], { severity: 'error', path: '/grant/grantor/signatories/0/nik', mentions: ['DDMMYY'] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(KADIS_NIK, '3279013203790001')], { severity: 'error', path: AT, mentions: ['digits 7–12 are not a real DDMMYY birth date'] });
    expectEnglish(RULE, [set(KADIS_NIK, '32790115')], { severity: 'error', path: AT, mentions: ['a NIK must be 16 digits'] });
  });
});
