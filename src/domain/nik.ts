import { isRealDate } from './calendar.js';

/**
 * NIK (Nomor Induk Kependudukan), needed by a TTE signer: 16 digits, PPKKCC region of registration,
 * DDMMYY birth date (day + 40 for women), then a sequence of four.
 */
export type NikProblem = 'length' | 'birth-date' | 'sequence';

export function checkNik(raw: string): NikProblem | undefined {
  if (!/^\d{16}$/.test(raw)) return 'length';
  let day = Number(raw.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(raw.slice(8, 10));
  // The two-digit year fits a leap day in either century only where the full year does.
  const yy = Number(raw.slice(10, 12));
  if (!isRealDate(1900 + yy, month, day) && !isRealDate(2000 + yy, month, day)) return 'birth-date';
  if (raw.slice(12) === '0000') return 'sequence';
  return undefined;
}
