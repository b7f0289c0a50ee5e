import type { Rule } from './rule.js';
import { t } from './rule.js';

const SINGLETONS = [
  ['sekretariat-daerah', 'Sekretariat Daerah'],
  ['sekretariat-dprd', 'Sekretariat DPRD'],
  ['inspektorat', 'Inspektorat'],
] as const;

/** A regency has exactly one Setda, one Setwan and one Inspektorat (PP 18/2016). */
export const opdSingletons: Rule = {
  id: 'opd-singletons',
  severity: 'error',
  description: t('Tepat satu Sekretariat Daerah, Sekretariat DPRD dan Inspektorat', 'Exactly one Setda, Setwan and Inspektorat'),
  check({ profile, report }) {
    for (const [kind, label] of SINGLETONS) {
      const found = profile.opds.map((o, i) => ({ o, i })).filter(({ o }) => o.kind === kind);
      if (found.length === 0) {
        report({
          path: ['opds'],
          message: t('tidak ada {label} (kind: {kind})', 'no {label} (kind: {kind})'),
          hint: t('setiap kabupaten/kota punya tepat satu {label}; tambahkan dengan `kind: {kind}`', 'every regency has exactly one {label}; add it with `kind: {kind}`'),
          params: { label, kind },
        });
      }
      for (const { i } of found.slice(1)) {
        report({
          path: ['opds', i, 'kind'],
          message: t('{label} kedua (yang pertama: opds[{first}])', 'a second {label} (the first: opds[{first}])'),
          hint: t('hanya boleh satu {label}; periksa jenis (kind) OPD ini', 'there can be only one {label}; check this agency\'s kind'),
          params: { label, first: found[0]!.i },
        });
      }
    }
  },
};
