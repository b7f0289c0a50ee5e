import type { Rule } from './rule.js';
import { t } from './rule.js';

/** Counts of villages and kecamatan against the decree: a partial list is allowed, but said. */
export const villageCoverage: Rule = {
  id: 'village-coverage',
  severity: 'warning',
  description: t('Jumlah desa/kelurahan dan kecamatan dibandingkan Kepmendagri 2025', 'Village and kecamatan counts against the 2025 decree'),
  check({ profile, region, villages, report }) {
    const regency = profile.regency.code;
    if (!region.regencies.has(regency)) return;
    const expected = region.villagesOfRegency(regency);
    const districts = region.districtsOf(regency);
    const prefix = regency + '.';
    const have = villages().filter((v) => v.code.startsWith(prefix));
    if (!profile.villages) {
      if (profile.apps.eofficeDesa && profile.apps.eofficeDesa.enabled !== false) return; // app-requirements says it
      report({
        path: [],
        message: t('profil tidak memuat desa/kelurahan ({n} menurut Kepmendagri 2025)', 'the profile lists no villages ({n} in the 2025 decree)'),
        hint: t('tambahkan `villages: {from: kemendagri}`', 'add `villages: {from: kemendagri}`'),
        params: { n: expected.length },
      });
      return;
    }
    if (have.length < expected.length) {
      const coveredDistricts = new Set(have.map((v) => v.districtCode));
      const byKind = (list: readonly { kind: string }[], kind: string) => list.filter((v) => v.kind === kind).length;
      report({
        path: ['villages'],
        message: t(
          'profil memuat {have} dari {total} desa/kelurahan ({desa}/{desaTotal} desa, {kel}/{kelTotal} kelurahan) di {dHave} dari {dTotal} kecamatan',
          'the profile lists {have} of {total} villages ({desa}/{desaTotal} desa, {kel}/{kelTotal} kelurahan) in {dHave} of {dTotal} kecamatan',
        ),
        hint: t('bila disengaja, abaikan; untuk semuanya tulis `villages: {from: kemendagri}`', 'if intended, ignore this; for all of them write `villages: {from: kemendagri}`'),
        params: {
          have: have.length,
          total: expected.length,
          desa: byKind(have, 'desa') + byKind(have, 'desa-adat'),
          desaTotal: byKind(expected, 'desa') + byKind(expected, 'desa-adat'),
          kel: byKind(have, 'kelurahan'),
          kelTotal: byKind(expected, 'kelurahan'),
          dHave: coveredDistricts.size,
          dTotal: districts.length,
        },
      });
    }
  },
};
