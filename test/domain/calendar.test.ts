import { describe, expect, it } from 'vitest';
import { isRealDate, todayOf, yearsBetween } from '../../src/domain/calendar.js';

describe('isRealDate', () => {
  it.each([
    [2024, 2, 29, true], [2000, 2, 29, true], [1900, 2, 29, false], [2023, 2, 29, false],
    [2026, 4, 30, true], [2026, 4, 31, false], [2026, 12, 31, true], [2026, 0, 1, false], [2026, 13, 1, false], [2026, 1, 0, false],
  ])('%i-%i-%i: %s', (y, m, d, real) => {
    expect(isRealDate(y, m, d)).toBe(real);
  });
});

describe('yearsBetween', () => {
  it('counts whole years', () => {
    const birth = { year: 1980, month: 6, day: 15 };
    expect(yearsBetween(birth, { year: 1998, month: 6, day: 15 })).toBe(18);
    expect(yearsBetween(birth, { year: 1998, month: 6, day: 14 })).toBe(17);
    expect(yearsBetween(birth, { year: 1998, month: 5, day: 31 })).toBe(17);
    expect(yearsBetween(birth, { year: 1998, month: 7 })).toBe(18);
  });

  it('takes the first of the month when no day is given', () => {
    expect(yearsBetween({ year: 1980, month: 1, day: 1 }, { year: 1998, month: 1 })).toBe(18);
    expect(yearsBetween({ year: 1980, month: 1, day: 2 }, { year: 1998, month: 1 })).toBe(17);
  });
});

describe('todayOf', () => {
  it('reads the UTC calendar date', () => {
    expect(todayOf(new Date('2026-11-23'))).toEqual({ year: 2026, month: 11, day: 23 });
    expect(todayOf(new Date('2026-12-31T23:59:59Z'))).toEqual({ year: 2026, month: 12, day: 31 });
  });
});
