import type { Bilingual } from '../i18n/lang.js';
import type { Finding, Rule } from './rule.js';
import { t } from './rule.js';

/** Codes that identify something are unique: agency codes, unit codes, SIPD codes, village codes, signatory ids, NIPs. */
export const uniqueCodes: Rule = {
  id: 'unique-codes',
  severity: 'error',
  description: t('Kode OPD, kode unit, kode SIPD, kode desa, id penandatangan dan NIP tidak ganda', 'Agency, unit, SIPD and village codes, signatory ids and NIPs are unique'),
  check({ profile, report }) {
    const once = (label: Bilingual, items: Array<{ value: string | undefined; path: (string | number)[] }>, fold = (s: string) => s) => {
      const first = new Map<string, (string | number)[]>();
      for (const { value, path } of items) {
        if (value === undefined) continue;
        const key = fold(value);
        const prev = first.get(key);
        if (prev) {
          const f: Finding = {
            path,
            message: t('{label} "{value}" ganda (pertama di {first})', 'duplicate {label} "{value}" (first at {first})'),
            hint: t('setiap {label} harus unik', 'each {label} must be unique'),
            params: { label, value, first: '/' + prev.join('/') },
          };
          report(f);
        } else {
          first.set(key, path);
        }
      }
    };
    once(t('kode OPD', 'agency code'), profile.opds.map((o, i) => ({ value: o.code, path: ['opds', i, 'code'] })));
    once(t('kode unit', 'unit code'), profile.opds.map((o, i) => ({ value: o.unitCode, path: ['opds', i, 'unitCode'] })), (s) => s.toUpperCase());
    once(t('kode SIPD', 'SIPD code'), profile.opds.map((o, i) => ({ value: o.sipdCode, path: ['opds', i, 'sipdCode'] })));
    once(t('nama OPD', 'agency name'), profile.opds.map((o, i) => ({ value: o.name, path: ['opds', i, 'name'] })), (s) => s.toLowerCase().replace(/\s+/g, ' ').trim());
    if (Array.isArray(profile.villages)) {
      once(t('kode desa', 'village code'), profile.villages.map((v, i) => ({ value: v.code, path: ['villages', i, 'code'] })));
    } else if (profile.villages?.details) {
      once(t('kode desa', 'village code'), profile.villages.details.map((v, i) => ({ value: v.code, path: ['villages', 'details', i, 'code'] })));
    }
    const allSignatories = [
      ...profile.signatories.map((s, i) => ({ s, path: ['signatories', i] as (string | number)[] })),
      ...(profile.grant?.grantor.signatories ?? []).map((s, i) => ({ s, path: ['grant', 'grantor', 'signatories', i] as (string | number)[] })),
    ];
    once(t('id penandatangan', 'signatory id'), allSignatories.map(({ s, path }) => ({ value: s.id, path: [...path, 'id'] })));
    once(t('NIP', 'NIP'), allSignatories.map(({ s, path }) => ({ value: s.nip, path: [...path, 'nip'] })));
    once(t('NI PPPK', 'NI PPPK'), allSignatories.map(({ s, path }) => ({ value: s.niPppk, path: [...path, 'niPppk'] })));
  },
};
