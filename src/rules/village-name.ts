import type { Rule } from './rule.js';
import { t } from './rule.js';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A listed village carries the name the decree gives its code (a warning: spellings drift). */
export const villageName: Rule = {
  id: 'village-name',
  severity: 'warning',
  description: t('Nama desa/kelurahan sesuai Kepmendagri 2025', 'Village names match the 2025 decree'),
  check({ profile, report, listedInDecree }) {
    const v = profile.villages;
    if (!Array.isArray(v)) return;
    const records = listedInDecree();
    v.forEach((item, i) => {
      const rec = records[i];
      if (rec && rec.name !== item.name && fold(rec.name) !== fold(item.name)) {
        report({
          path: ['villages', i, 'name'],
          message: t('nama "{name}" berbeda dari Kepmendagri 2025 untuk {code}: "{expected}"', 'name "{name}" differs from the 2025 decree for {code}: "{expected}"'),
          hint: t('pakai nama resmi "{expected}", atau periksa kodenya', 'use the official name "{expected}", or check the code'),
          params: { name: item.name, code: item.code, expected: rec.name },
        });
      }
    });
  },
};
