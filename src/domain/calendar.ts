/** A calendar date without time zone, as written in NIP and NIK. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Whole years from `from` to `to`. */
export function yearsBetween(from: CalendarDate, to: { year: number; month: number; day?: number }): number {
  let years = to.year - from.year;
  if (to.month < from.month || (to.month === from.month && (to.day ?? 1) < from.day)) years--;
  return years;
}

export function todayOf(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
