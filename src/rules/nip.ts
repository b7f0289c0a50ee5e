import { parseNip, type NipProblem } from '../domain/nip.js';
import type { Rule } from './rule.js';
import { t } from './rule.js';
import { everySignatory } from './signatory-list.js';

const MESSAGES: Record<NipProblem['problem'], { message: ReturnType<typeof t>; hint: ReturnType<typeof t> }> = {
  length: {
    message: t('{field} "{value}" harus 18 angka tanpa spasi', '{field} "{value}" must be 18 digits without spaces'),
    hint: t('tulis tanpa spasi, misalnya 198001012005011001 (dicetak 19800101 200501 1 001)', 'write it without spaces, e.g. 198001012005011001 (printed 19800101 200501 1 001)'),
  },
  'birth-date': {
    message: t('{field} "{value}": tanggal lahir {detail} tidak ada di kalender', '{field} "{value}": birth date {detail} is not a real date'),
    hint: t('8 angka pertama adalah tanggal lahir YYYYMMDD', 'the first 8 digits are the birth date YYYYMMDD'),
  },
  'tmt-month': {
    message: t('{field} "{value}": bulan TMT CPNS {detail} tidak valid', '{field} "{value}": TMT CPNS month {detail} is not valid'),
    hint: t('angka 9–14 adalah TMT CPNS YYYYMM (bulan 01–12)', 'digits 9–14 are the TMT CPNS as YYYYMM (month 01–12)'),
  },
  sex: {
    message: t('{field} "{value}": digit jenis kelamin {detail} harus 1 atau 2', '{field} "{value}": sex digit {detail} must be 1 or 2'),
    hint: t('angka ke-15: 1 laki-laki, 2 perempuan', 'digit 15: 1 male, 2 female'),
  },
  'tmt-before-18': {
    message: t('{field} "{value}": TMT CPNS pada usia {detail} tahun, sebelum usia 18', '{field} "{value}": TMT CPNS at age {detail}, before 18'),
    hint: t('periksa tanggal lahir (angka 1–8) dan TMT (angka 9–14)', 'check the birth date (digits 1–8) and the TMT (digits 9–14)'),
  },
  'tmt-future': {
    message: t('{field} "{value}": TMT {detail} ada di masa depan', '{field} "{value}": TMT {detail} lies in the future'),
    hint: t('periksa angka 9–14 (TMT CPNS YYYYMM)', 'check digits 9–14 (TMT CPNS YYYYMM)'),
  },
  sequence: {
    message: t('{field} "{value}": nomor urut 000 tidak dipakai', '{field} "{value}": sequence 000 is not issued'),
    hint: t('tiga angka terakhir adalah nomor urut, mulai 001', 'the last three digits are a sequence starting at 001'),
  },
};

/** "At age -6" reads oddly: an appointment before the birth date says so. */
const BEFORE_BIRTH = {
  message: t('{field} "{value}": TMT CPNS sebelum tanggal lahir', '{field} "{value}": TMT CPNS before the birth date'),
  hint: MESSAGES['tmt-before-18'].hint,
};

/** NIP and NI PPPK structure: real birth date, real TMT month, TMT after age 18 and not in the future, sex 1 or 2. */
export const nip: Rule = {
  id: 'nip',
  severity: 'error',
  description: t('Struktur NIP dan NI PPPK', 'NIP and NI PPPK structure'),
  check({ profile, today, report }) {
    for (const { s, path } of everySignatory(profile)) {
      for (const field of ['nip', 'niPppk'] as const) {
        const value = s[field];
        if (value === undefined) continue;
        const parsed = parseNip(value, today);
        if (!parsed.ok) {
          for (const p of parsed.problems) {
            const detail = 'value' in p ? p.value : 'age' in p ? p.age : '';
            const text = p.problem === 'tmt-before-18' && p.age < 0 ? BEFORE_BIRTH : MESSAGES[p.problem];
            report({ path: [...path, field], ...text, params: { field: field === 'nip' ? 'NIP' : 'NI PPPK', value, detail } });
          }
          continue;
        }
        if (field === 'nip' && parsed.nip.kind === 'nipppk') {
          report({
            path: [...path, field],
            message: t('"{value}" berbentuk NI PPPK (kode {code} di tempat bulan TMT), bukan NIP', '"{value}" is shaped like an NI PPPK (code {code} where the TMT month stands), not a NIP'),
            hint: t('tulis di `niPppk:` bila ini pegawai PPPK', 'put it under `niPppk:` if this is PPPK staff'),
            params: { value, code: parsed.nip.pppkCode },
          });
        } else if (field === 'niPppk' && parsed.nip.kind === 'nip') {
          report({
            path: [...path, field],
            message: t('"{value}" berbentuk NIP (bulan TMT {month}), bukan NI PPPK', '"{value}" is shaped like a NIP (TMT month {month}), not an NI PPPK'),
            hint: t('tulis di `nip:` bila ini PNS', 'put it under `nip:` if this is a civil servant'),
            params: { value, month: String(parsed.nip.appointed.month).padStart(2, '0') },
          });
        }
      }
      if (s.nip !== undefined && s.niPppk !== undefined) {
        report({
          path: [...path, 'niPppk'],
          message: t('{id} mempunyai NIP dan NI PPPK sekaligus', '{id} has both a NIP and an NI PPPK'),
          hint: t('pegawai adalah PNS (NIP) atau PPPK (NI PPPK), bukan keduanya', 'staff are either PNS (NIP) or PPPK (NI PPPK), not both'),
          params: { id: s.id },
        });
      }
    }
  },
};
