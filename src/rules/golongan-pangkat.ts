import { golonganOfPangkat, normaliseGolongan, pangkatOf } from '../domain/golongan.js';
import type { Rule } from './rule.js';
import { t } from './rule.js';
import { everySignatory } from './signatory-list.js';

/** Golongan is one of the table and its pangkat is the one the table gives it. */
export const golonganPangkat: Rule = {
  id: 'golongan-pangkat',
  severity: 'error',
  description: t('Golongan dan pangkat sesuai tabel', 'Golongan and pangkat match the table'),
  check({ profile, report }) {
    for (const { s, path } of everySignatory(profile)) {
      if (s.golongan === undefined) {
        if (s.pangkat !== undefined) {
          const g = golonganOfPangkat(s.pangkat);
          report({
            path: [...path, 'pangkat'],
            message: t('pangkat "{pangkat}" tanpa golongan', 'pangkat "{pangkat}" without golongan'),
            hint: g ? t('tambahkan `golongan: {g}`', 'add `golongan: {g}`') : t('tambahkan `golongan:`', 'add `golongan:`'),
            params: { pangkat: s.pangkat, g },
          });
        }
        continue;
      }
      const normal = normaliseGolongan(s.golongan);
      const expected = pangkatOf(normal);
      if (!expected) {
        report({
          path: [...path, 'golongan'],
          message: t('golongan "{golongan}" tidak dikenal', 'unknown golongan "{golongan}"'),
          hint: t('golongan PNS: I/a sampai IV/e, misalnya III/a', 'PNS golongan run from I/a to IV/e, e.g. III/a'),
          params: { golongan: s.golongan },
        });
        continue;
      }
      if (normal !== s.golongan) {
        report({
          path: [...path, 'golongan'],
          severity: 'warning',
          message: t('tulis golongan sebagai "{normal}", bukan "{golongan}"', 'write the golongan as "{normal}", not "{golongan}"'),
          hint: t('angka Romawi besar, garis miring, huruf kecil', 'upper-case roman numeral, slash, lower-case letter'),
          params: { normal, golongan: s.golongan },
        });
      }
      if (s.pangkat === undefined) {
        report({
          path: [...path, 'golongan'],
          severity: 'warning',
          message: t('golongan {golongan} tanpa pangkat', 'golongan {golongan} without pangkat'),
          hint: t('tambahkan `pangkat: {expected}`', 'add `pangkat: {expected}`'),
          params: { golongan: normal, expected },
        });
      } else if (s.pangkat.trim().toLowerCase().replace(/\s+/g, ' ') !== expected.toLowerCase()) {
        const other = golonganOfPangkat(s.pangkat);
        report({
          path: [...path, 'pangkat'],
          message: t('pangkat "{pangkat}" tidak sesuai golongan {golongan} ({expected})', 'pangkat "{pangkat}" does not match golongan {golongan} ({expected})'),
          hint: other
            ? t('golongan {golongan} berpangkat {expected}; pangkat "{pangkat}" adalah golongan {other}', 'golongan {golongan} is {expected}; "{pangkat}" is golongan {other}')
            : t('golongan {golongan} berpangkat {expected}; "{pangkat}" bukan pangkat PNS', 'golongan {golongan} is {expected}; "{pangkat}" is not a PNS rank'),
          params: { pangkat: s.pangkat, golongan: normal, expected, other },
        });
      }
    }
  },
};
