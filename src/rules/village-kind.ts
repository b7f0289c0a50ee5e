import { villageKindOf } from '../region/decree.js';
import type { Rule } from './rule.js';
import { t } from './rule.js';

/** A listed village's kind agrees with its code: first N 1 kelurahan, 2 desa, 3 desa adat. */
export const villageKind: Rule = {
  id: 'village-kind',
  severity: 'error',
  description: t('Jenis desa/kelurahan sesuai kodenya', "A village's kind agrees with its code"),
  check({ profile, report }) {
    const v = profile.villages;
    if (!Array.isArray(v)) return;
    v.forEach((item, i) => {
      const derived = villageKindOf(item.code);
      if (!derived) {
        report({
          path: ['villages', i, 'code'],
          message: t('kode {code}: digit pertama NNNN harus 1 (kelurahan), 2 (desa) atau 3 (desa adat)', 'code {code}: the first N must be 1 (kelurahan), 2 (desa) or 3 (desa adat)'),
          hint: t('periksa kode desa', 'check the village code'),
          params: { code: item.code },
        });
      } else if (item.kind !== undefined && item.kind !== derived) {
        report({
          path: ['villages', i, 'kind'],
          message: t('{name} ({code}) adalah {derived}, bukan {kind}', '{name} ({code}) is a {derived}, not a {kind}'),
          hint: t('hapus `kind` (diturunkan dari kode) atau tulis `kind: {derived}`', 'remove `kind` (it follows from the code) or write `kind: {derived}`'),
          params: { name: item.name, code: item.code, derived, kind: item.kind },
        });
      }
    });
  },
};
