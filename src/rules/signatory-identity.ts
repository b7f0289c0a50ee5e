import type { Rule } from './rule.js';
import { t } from './rule.js';

const CIVIL_SERVANT_ROLES = new Set(['sekretaris-daerah', 'kepala-opd', 'pejabat', 'camat', 'lurah']);

/**
 * Officials carry a NIP (or an NI PPPK); a village head or an elected head of region does not need
 * one. A signatory belongs to an agency, a village or (grantor side) an institution.
 */
export const signatoryIdentity: Rule = {
  id: 'signatory-identity',
  severity: 'error',
  description: t('Pejabat ASN punya NIP/NI PPPK dan tempat jabatan', 'Officials have a NIP/NI PPPK and a place of office'),
  check({ profile, report }) {
    profile.signatories.forEach((s, i) => {
      const path = ['signatories', i];
      if (CIVIL_SERVANT_ROLES.has(s.role) && s.nip === undefined && s.niPppk === undefined) {
        report({
          path,
          message: t('{id} ({position}) adalah pejabat ASN tetapi tidak mencantumkan NIP atau NI PPPK', '{id} ({position}) is an official but has no NIP or NI PPPK'),
          hint: t('tambahkan `nip:` (18 angka) atau `niPppk:`', 'add `nip:` (18 digits) or `niPppk:`'),
          params: { id: s.id, position: s.position },
        });
      }
      if (s.nip !== undefined && s.golongan === undefined && s.role !== 'kepala-daerah' && s.role !== 'wakil-kepala-daerah') {
        report({
          path: [...path, 'nip'],
          severity: 'warning',
          message: t('{id} ber-NIP tetapi tanpa golongan; pangkat tidak dapat dicetak di bawah tanda tangan', '{id} has a NIP but no golongan; the rank cannot be printed under the signature'),
          hint: t('tambahkan `golongan:` dan `pangkat:`', 'add `golongan:` and `pangkat:`'),
          params: { id: s.id },
        });
      }
      if ((s.role === 'kepala-desa' || s.role === 'sekretaris-desa') && s.village === undefined) {
        report({
          path,
          message: t('{id} ({position}) tidak menyebut desanya (`village`)', '{id} ({position}) does not name its village (`village`)'),
          hint: t('tambahkan `village:` dengan kode desa, misalnya 32.11.01.2001', 'add `village:` with the village code, e.g. 32.11.01.2001'),
          params: { id: s.id, position: s.position },
        });
      }
      if ((s.role === 'kepala-opd' || s.role === 'camat' || s.role === 'lurah' || s.role === 'pejabat') && s.opd === undefined && s.institution === undefined) {
        report({
          path,
          message: t('{id} ({position}) tidak menyebut OPD-nya (`opd`)', '{id} ({position}) does not name its agency (`opd`)'),
          hint: t('tambahkan `opd:` dengan kode OPD', "add `opd:` with the agency's code"),
          params: { id: s.id, position: s.position },
        });
      }
    });
  },
};
