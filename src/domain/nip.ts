import { isRealDate, yearsBetween, type CalendarDate } from './calendar.js';

/**
 * NIP (Nomor Induk Pegawai) of a civil servant: birth date YYYYMMDD, TMT CPNS YYYYMM, sex digit
 * (1 male, 2 female), sequence of three. NI PPPK has the same length with a two-digit code where
 * the TMT month stands (21 and 24 are seen; the full set is unconfirmed, so any code above 12 is
 * taken as PPPK).
 */
export interface ParsedNip {
  kind: 'nip' | 'nipppk';
  birth: CalendarDate;
  /** TMT CPNS (NIP) or year of appointment (NI PPPK; month 0). */
  appointed: { year: number; month: number };
  pppkCode?: string;
  sex: 'male' | 'female';
  sequence: string;
}

export type NipProblem =
  | { problem: 'length' }
  | { problem: 'birth-date'; value: string }
  | { problem: 'tmt-month'; value: string }
  | { problem: 'sex'; value: string }
  | { problem: 'tmt-before-18'; age: number }
  | { problem: 'tmt-future'; value: string }
  | { problem: 'sequence' };

export function parseNip(raw: string, today: CalendarDate): { ok: true; nip: ParsedNip } | { ok: false; problems: NipProblem[] } {
  if (!/^\d{18}$/.test(raw)) return { ok: false, problems: [{ problem: 'length' }] };
  const problems: NipProblem[] = [];
  const birth = { year: Number(raw.slice(0, 4)), month: Number(raw.slice(4, 6)), day: Number(raw.slice(6, 8)) };
  const year = Number(raw.slice(8, 12));
  const mm = raw.slice(12, 14);
  const sexDigit = raw.charAt(14);
  const sequence = raw.slice(15);
  const month = Number(mm);
  const kind: ParsedNip['kind'] = month > 12 ? 'nipppk' : 'nip';

  if (!isRealDate(birth.year, birth.month, birth.day) || birth.year < 1900) {
    problems.push({ problem: 'birth-date', value: raw.slice(0, 8) });
  }
  if (month === 0) problems.push({ problem: 'tmt-month', value: mm });
  if (sexDigit !== '1' && sexDigit !== '2') problems.push({ problem: 'sex', value: sexDigit });
  if (sequence === '000') problems.push({ problem: 'sequence' });
  if (problems.length === 0) {
    const tmt = { year, month: kind === 'nip' ? month : 1 };
    if (tmt.year > today.year || (kind === 'nip' && tmt.year === today.year && tmt.month > today.month)) {
      problems.push({ problem: 'tmt-future', value: kind === 'nip' ? `${year}-${mm}` : String(year) });
    }
    const age = yearsBetween(birth, { ...tmt, day: kind === 'nip' ? 1 : 31 });
    // A PPPK appointment year has no month: give it the benefit of the whole year.
    const ageAtYearEnd = yearsBetween(birth, { year: tmt.year, month: 12, day: 31 });
    if ((kind === 'nip' ? age : ageAtYearEnd) < 18) problems.push({ problem: 'tmt-before-18', age: kind === 'nip' ? age : ageAtYearEnd });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    nip: {
      kind,
      birth,
      appointed: { year, month: kind === 'nip' ? month : 0 },
      ...(kind === 'nipppk' ? { pppkCode: mm } : {}),
      sex: sexDigit === '1' ? 'male' : 'female',
      sequence,
    },
  };
}

/** `198001012005011001` → `19800101 200501 1 001`, as printed under a signature. */
export function groupNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}
