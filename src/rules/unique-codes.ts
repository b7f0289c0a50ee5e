import type { Bilingual } from '../i18n/lang.js';
import type { Finding, Rule } from './rule.js';
import { t } from './rule.js';

/** Codes that identify something are unique: agency codes, unit codes, SIPD codes, village codes, signatory ids, NIPs. */
export const uniqueCodes: Rule = {
  id: 'unique-codes',
  severity: 'error',
  description: t('Kode OPD, kode unit, kode SIPD, kode desa, id penandatangan dan NIP tidak ganda', 'Agency, unit, SIPD and village codes, signatory ids and NIPs are unique'),
  check({ profile, report }) {
    // Values and their paths are given as a count and two accessors, not as arrays of objects: a
    // national profile lists ~10^3 villages per regency, and the allocations cost more than the check.
    const once = (label: Bilingual, count: number, valueAt: (i: number) => string | undefined, pathAt: (i: number) => (string | number)[], fold?: (s: string) => string) => {
      // Values in strictly rising order (village codes as written by `init` and by the decree)
      // cannot repeat: one comparison each, instead of hashing them all into a table.
      if (!fold) {
        let rising = true;
        for (let i = 1; i < count && rising; i++) {
          const a = valueAt(i - 1);
          const b = valueAt(i);
          rising = a !== undefined && b !== undefined && a < b;
        }
        if (rising) return;
      }
      const first = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const value = valueAt(i);
        if (value === undefined) continue;
        const key = fold ? fold(value) : value;
        const prev = first.get(key);
        if (prev !== undefined) {
          const f: Finding = {
            path: pathAt(i),
            message: t('{label} "{value}" ganda (pertama di {first})', 'duplicate {label} "{value}" (first at {first})'),
            hint: t('setiap {label} harus unik', 'each {label} must be unique'),
            params: { label, value, first: '/' + pathAt(prev).join('/') },
          };
          report(f);
        } else {
          first.set(key, i);
        }
      }
    };
    const { opds } = profile;
    once(t('kode OPD', 'agency code'), opds.length, (i) => opds[i]!.code, (i) => ['opds', i, 'code']);
    once(t('kode unit', 'unit code'), opds.length, (i) => opds[i]!.unitCode, (i) => ['opds', i, 'unitCode'], (s) => s.toUpperCase());
    once(t('kode SIPD', 'SIPD code'), opds.length, (i) => opds[i]!.sipdCode, (i) => ['opds', i, 'sipdCode']);
    once(t('nama OPD', 'agency name'), opds.length, (i) => opds[i]!.name, (i) => ['opds', i, 'name'], (s) => s.toLowerCase().replace(/\s+/g, ' ').trim());
    const villages = profile.villages;
    if (Array.isArray(villages)) {
      once(t('kode desa', 'village code'), villages.length, (i) => villages[i]!.code, (i) => ['villages', i, 'code']);
    } else if (villages?.details) {
      const details = villages.details;
      once(t('kode desa', 'village code'), details.length, (i) => details[i]!.code, (i) => ['villages', 'details', i, 'code']);
    }
    const allSignatories = [
      ...profile.signatories.map((s, i) => ({ s, path: ['signatories', i] as (string | number)[] })),
      ...(profile.grant?.grantor.signatories ?? []).map((s, i) => ({ s, path: ['grant', 'grantor', 'signatories', i] as (string | number)[] })),
    ];
    const n = allSignatories.length;
    once(t('id penandatangan', 'signatory id'), n, (i) => allSignatories[i]!.s.id, (i) => [...allSignatories[i]!.path, 'id']);
    once(t('NIP', 'NIP'), n, (i) => allSignatories[i]!.s.nip, (i) => [...allSignatories[i]!.path, 'nip']);
    once(t('NI PPPK', 'NI PPPK'), n, (i) => allSignatories[i]!.s.niPppk, (i) => [...allSignatories[i]!.path, 'niPppk']);
  },
};
