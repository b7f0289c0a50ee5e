import { checkNik } from '../domain/nik.js';
import type { Rule } from './rule.js';
import { t } from './rule.js';
import { everySignatory } from './signatory-list.js';

/** A TTE signer's NIK: 16 digits with a real birth date (day + 40 for women). References are allowed. */
export const nik: Rule = {
  id: 'nik',
  severity: 'error',
  description: t('NIK penanda tangan TTE: 16 angka dengan tanggal lahir yang sah', "A TTE signer's NIK: 16 digits with a real birth date"),
  check({ profile, report }) {
    for (const { s, path } of everySignatory(profile)) {
      if (s.nik === undefined || /^(env|file):/.test(s.nik)) continue;
      const problem = checkNik(s.nik);
      if (problem === 'length') {
        report({
          path: [...path, 'nik'],
          message: t('NIK harus 16 angka', 'a NIK must be 16 digits'),
          hint: t('tulis 16 angka tanpa spasi, atau rujuk `env:NAMA`', 'write 16 digits without spaces, or refer to `env:NAME`'),
        });
      } else if (problem === 'birth-date') {
        report({
          path: [...path, 'nik'],
          message: t('NIK: angka 7–12 bukan tanggal lahir DDMMYY yang sah', 'NIK: digits 7–12 are not a real DDMMYY birth date'),
          hint: t('untuk perempuan tanggal ditambah 40', 'for women the day has 40 added'),
        });
      } else if (problem === 'sequence') {
        report({
          path: [...path, 'nik'],
          message: t('NIK: nomor urut 0000 tidak dipakai', 'NIK: sequence 0000 is not issued'),
          hint: t('periksa empat angka terakhir', 'check the last four digits'),
        });
      }
    }
  },
};
