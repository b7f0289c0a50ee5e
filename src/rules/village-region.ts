import type { Rule } from './rule.js';
import { t } from './rule.js';

/** Every village (and every include/exclude/details code) exists in the decree and lies in this regency. */
export const villageRegion: Rule = {
  id: 'village-region',
  severity: 'error',
  description: t('Desa/kelurahan ada di Kepmendagri 2025 dan berada di daerah ini', 'Villages exist in the 2025 decree and lie in this regency'),
  check({ profile, region, report, listedInDecree }) {
    const v = profile.villages;
    const regency = profile.regency.code;
    if (!v || !region.regencies.has(regency)) return;
    const prefix = regency + '.';
    const checkCode = (code: string, path: (string | number)[]) => {
      // Look the code up at its own level, so another regency's code is "not part of", not "unknown".
      const levels: Record<number, ReadonlyMap<string, unknown> | undefined> = { 2: region.provinces, 5: region.regencies, 8: region.districts, 13: region.villages };
      const known = levels[code.length]?.has(code) ?? false;
      if (!known) {
        report({
          path,
          message: t('kode {code} tidak ada dalam Kepmendagri 2025', 'code {code} is not in the 2025 decree'),
          hint: t('periksa kode; data wilayah: idn-area-data 4.0.1', 'check the code; region data: idn-area-data 4.0.1'),
          params: { code },
        });
      } else if (code !== regency && !code.startsWith(prefix)) {
        report({
          path,
          message: t('kode {code} bukan bagian dari {regency}', 'code {code} is not part of {regency}'),
          hint: t('desa dan kecamatan harus berada di daerah profil ini ({regency})', "villages and kecamatan must lie in this profile's region ({regency})"),
          params: { code, regency },
        });
      }
    };
    if (Array.isArray(v)) {
      const records = listedInDecree();
      for (let i = 0; i < v.length; i++) {
        const code = v[i]!.code;
        // The common case, a known village of this regency, costs nothing more.
        if (records[i] !== undefined && code.startsWith(prefix)) continue;
        checkCode(code, ['villages', i, 'code']);
      }
      return;
    }
    (v.include ?? []).forEach((c, i) => checkCode(c, ['villages', 'include', i]));
    (v.exclude ?? []).forEach((c, i) => checkCode(c, ['villages', 'exclude', i]));
    (v.details ?? []).forEach((d, i) => checkCode(d.code, ['villages', 'details', i, 'code']));
  },
};
