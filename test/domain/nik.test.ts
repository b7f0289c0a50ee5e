import { describe, expect, it } from 'vitest';
import { checkNik } from '../../src/domain/nik.js';

describe('checkNik', () => {
  it.each([
    ['3279011503790001', 'a man born 15-03-(19)79'],
    ['3279015503790001', 'a woman born 15-03-(19)79: day + 40'],
    ['3279014101790001', 'a woman born on the 1st (41)'],
    ['3279017101790001', 'a woman born on the 31st (71)'],
    ['3279013112990001', '31 December'],
    ['3279012902000001', '29 February 2000'],
    ['3279016902000001', 'a woman born 29 February 2000'],
    ['3279012902960001', '29 February 1996'],
    ['3279012902040001', '29 February 2004'],
    ['3211010101000001', '1 January (19|20)00'],
  ])('accepts %s (%s)', (nik) => {
    expect(checkNik(nik)).toBeUndefined();
  });

  it.each([
    ['3279010003790001', 'day 00'],
    ['3279013203790001', 'day 32'],
    ['3279014003790001', 'day 40: neither a man\'s nor a woman\'s'],
    ['3279017203790001', 'day 72: a woman\'s 32nd'],
    ['3279019903790001', 'day 99'],
    ['3279011500790001', 'month 00'],
    ['3279011513790001', 'month 13'],
    ['3279013104790001', '31 April'],
    ['3279017104790001', 'a woman\'s 31 April'],
    ['3279013002800001', '30 February'],
    ['3279012902010001', '29 February (19|20)01'],
    ['3279012902970001', '29 February (19|20)97'],
    ['3279016902970001', 'a woman\'s 29 February (19|20)97'],
  ])('refuses the birth date of %s (%s)', (nik) => {
    expect(checkNik(nik)).toBe('birth-date');
  });

  it.each(['', '327901150379000', '32790115037900011', '3279 0115 0379 0001', '3279-0115-0379-0001', '327901150379000X', '３２７９０１１５０３７９０００１'])('refuses %j: not 16 ASCII digits', (nik) => {
    expect(checkNik(nik)).toBe('length');
  });

  it('refuses sequence 0000', () => {
    expect(checkNik('3279011503790000')).toBe('sequence');
  });

  it('reports the length first, then the date, then the sequence', () => {
    expect(checkNik('327901320379000')).toBe('length');
    expect(checkNik('3279013203790000')).toBe('birth-date');
  });
});
