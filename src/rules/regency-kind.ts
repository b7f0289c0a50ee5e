import { regencyKindOf } from '../region/decree.js';
import type { Rule } from './rule.js';
import { t } from './rule.js';

/** Kabupaten or kota follows from the code (KK 01–69 kabupaten, 71–99 kota) and the name agrees. */
export const regencyKind: Rule = {
  id: 'regency-kind',
  severity: 'error',
  description: t('Jenis daerah (kabupaten/kota) sesuai kodenya', 'The region kind (kabupaten/kota) agrees with its code'),
  check({ profile, report }) {
    const { code, kind, name } = profile.regency;
    const derived = regencyKindOf(code);
    if (!derived) {
      report({
        path: ['regency', 'code'],
        message: t('kode {code} bukan kode kabupaten (01–69) atau kota (71–99)', 'code {code} is neither a kabupaten (01–69) nor a kota (71–99)'),
        hint: t('periksa dua angka terakhir kode', 'check the last two digits of the code'),
        params: { code },
      });
      return;
    }
    if (kind !== undefined && kind !== derived) {
      report({
        path: ['regency', 'kind'],
        message: t('jenis "{kind}" tidak sesuai kode {code}, yang merupakan {derived}', 'kind "{kind}" disagrees with code {code}, which is a {derived}'),
        hint: t('hapus `kind` (diturunkan dari kode) atau tulis `kind: {derived}`', 'remove `kind` (it follows from the code) or write `kind: {derived}`'),
        params: { kind, code, derived },
      });
    }
    const prefix = /^(kabupaten|kota)\b/i.exec(name.trim())?.[1]?.toLowerCase();
    if (prefix && prefix !== derived) {
      report({
        path: ['regency', 'name'],
        message: t('nama "{name}" menyebut {prefix}, tetapi kode {code} adalah {derived}', 'name "{name}" says {prefix}, but code {code} is a {derived}'),
        hint: t('periksa kode dan nama daerah', 'check the code and the name'),
        params: { name, prefix, code, derived },
      });
    }
  },
};
