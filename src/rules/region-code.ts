import type { Rule } from './rule.js';
import { t } from './rule.js';

/** The regency exists in the 2025 decree, under the name and province the decree gives it. */
export const regionCode: Rule = {
  id: 'region-code',
  severity: 'error',
  description: t('Kode kabupaten/kota ada di Kepmendagri 2025, dengan nama dan provinsinya', 'The regency code exists in the 2025 decree, with its name and province'),
  check({ profile, region, report }) {
    const { code, name, province } = profile.regency;
    const rec = region.regencies.get(code);
    if (!rec) {
      const sameProvince = [...region.regencies.values()].filter((r) => r.provinceCode === code.slice(0, 2)).length;
      report({
        path: ['regency', 'code'],
        message: t('kode wilayah {code} tidak ada dalam Kepmendagri 300.2.2-2138/2025', 'region code {code} is not in decree 300.2.2-2138/2025'),
        hint: sameProvince > 0
          ? t('provinsi {prov} punya {n} kabupaten/kota; `eoffice init` membantu mencari kodenya', 'province {prov} has {n} regencies; `eoffice init` helps find the code')
          : t('kode provinsi {prov} pun tidak ada; contoh kode yang benar: 32.11 (Kabupaten Sumedang)', 'province {prov} does not exist either; a valid code looks like 32.11 (Kabupaten Sumedang)'),
        params: { code, prov: code.slice(0, 2), n: sameProvince },
      });
      return;
    }
    if (name.trim().toLowerCase() !== rec.name.toLowerCase()) {
      report({
        path: ['regency', 'name'],
        message: t('nama "{name}" tidak sesuai dengan kode {code}, yaitu "{expected}"', 'name "{name}" does not match code {code}, which is "{expected}"'),
        hint: t('tulis `name: {expected}` atau periksa kodenya', 'write `name: {expected}` or check the code'),
        params: { name, code, expected: rec.name },
      });
    }
    const prov = region.provinces.get(rec.provinceCode);
    if (province !== undefined && prov && province.trim().toLowerCase() !== prov.name.toLowerCase()) {
      report({
        path: ['regency', 'province'],
        message: t('provinsi "{province}" tidak sesuai; {code} berada di provinsi {expected}', 'province "{province}" is wrong; {code} is in {expected}'),
        hint: t('tulis `province: {expected}`', 'write `province: {expected}`'),
        params: { province, code, expected: prov.name },
      });
    }
  },
};
