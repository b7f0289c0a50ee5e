import type { Rule } from './rule.js';
import { t } from './rule.js';

/** One kecamatan agency per kecamatan of the regency in the decree, each with its region code. */
export const opdKecamatan: Rule = {
  id: 'opd-kecamatan',
  severity: 'error',
  description: t('Satu OPD kecamatan untuk setiap kecamatan dalam Kepmendagri 2025', 'One kecamatan agency for each kecamatan of the 2025 decree'),
  check({ profile, region, report }) {
    const regency = profile.regency.code;
    if (!region.regencies.has(regency)) return;
    const seen = new Map<string, number>();
    profile.opds.forEach((o, i) => {
      if (o.kind !== 'kecamatan') return;
      if (o.regionCode === undefined) {
        report({
          path: ['opds', i],
          message: t('OPD kecamatan {name} tidak mencantumkan `regionCode`', 'kecamatan agency {name} has no `regionCode`'),
          hint: t('tambahkan kode kecamatannya, misalnya `regionCode: "{regency}.01"`', 'add its kecamatan code, e.g. `regionCode: "{regency}.01"`'),
          params: { name: o.name, regency },
        });
        return;
      }
      const d = region.districts.get(o.regionCode);
      if (!d || d.regencyCode !== regency) {
        report({
          path: ['opds', i, 'regionCode'],
          message: d
            ? t('{code} adalah kecamatan {dname} di daerah lain, bukan di {regency}', '{code} is kecamatan {dname} of another regency, not of {regency}')
            : t('{code} bukan kode kecamatan dalam Kepmendagri 2025', '{code} is not a kecamatan code in the 2025 decree'),
          hint: t('kode kecamatan {regency} berbentuk {regency}.CC', 'kecamatan codes of {regency} look like {regency}.CC'),
          params: { code: o.regionCode, dname: d?.name, regency },
        });
        return;
      }
      const first = seen.get(o.regionCode);
      if (first !== undefined) {
        report({
          path: ['opds', i, 'regionCode'],
          message: t('kecamatan {dname} ({code}) sudah punya OPD (opds[{first}])', 'kecamatan {dname} ({code}) already has an agency (opds[{first}])'),
          hint: t('satu kecamatan, satu OPD kecamatan', 'one kecamatan, one kecamatan agency'),
          params: { dname: d.name, code: o.regionCode, first },
        });
      } else {
        seen.set(o.regionCode, i);
      }
    });
    const missing = region.districtsOf(regency).filter((d) => !seen.has(d.code));
    if (missing.length > 0) {
      const list = missing.slice(0, 8).map((d) => `${d.code} ${d.name}`).join(', ') + (missing.length > 8 ? ', …' : '');
      report({
        path: ['opds'],
        message: t('{n} kecamatan belum punya OPD kecamatan: {list}', '{n} kecamatan without a kecamatan agency: {list}'),
        hint: t('tambahkan OPD `kind: kecamatan` dengan `regionCode` untuk masing-masing; `eoffice init` mengisinya dari data Kepmendagri', 'add a `kind: kecamatan` agency with `regionCode` for each; `eoffice init` fills them from the decree'),
        params: { n: missing.length, list },
      });
    }
  },
};
