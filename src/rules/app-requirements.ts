import type { Rule } from './rule.js';
import { t } from './rule.js';

/** An enabled application has what it needs from the profile. */
export const appRequirements: Rule = {
  id: 'app-requirements',
  severity: 'error',
  description: t('Aplikasi yang aktif mendapat data yang dibutuhkannya', 'Enabled applications get the data they need'),
  check({ profile, villages, report }) {
    const { eoffice, eofficeDesa, esakip } = profile.apps;
    const on = (app: { enabled?: boolean } | undefined) => app !== undefined && app.enabled !== false;
    if (!on(eoffice) && !on(eofficeDesa) && !on(esakip)) {
      report({
        path: ['apps'],
        message: t('tidak ada aplikasi yang diaktifkan', 'no application is enabled'),
        hint: t('aktifkan minimal satu dari eoffice, eofficeDesa, esakip', 'enable at least one of eoffice, eofficeDesa, esakip'),
      });
    }
    if (on(eofficeDesa)) {
      if (!villages().some((v) => v.kind !== 'kelurahan')) {
        report({
          path: ['apps', 'eofficeDesa'],
          message: t('e-Office Desa diaktifkan, tetapi profil tidak memuat satu desa pun', 'e-Office Desa is enabled, but the profile has no desa'),
          hint: t('tambahkan `villages: {from: kemendagri}`, atau nonaktifkan eofficeDesa (kota umumnya hanya punya kelurahan)', 'add `villages: {from: kemendagri}`, or disable eofficeDesa (a kota usually has only kelurahan)'),
        });
      }
    }
    if (on(eoffice) && !eoffice!.letterNumber) {
      report({
        path: ['apps', 'eoffice'],
        severity: 'warning',
        message: t('pola nomor surat tidak ditulis; dipakai bawaan "{default}"', 'no letter-number template; the default "{default}" is used'),
        hint: t('tulis `letterNumber: {template: ...}` sesuai peraturan kepala daerah tentang tata naskah dinas', 'write `letterNumber: {template: ...}` as the regional rules on official documents say'),
        params: { default: '{klasifikasi}/{nomor}/{unit}/{tahun}' },
      });
    }
    const missingUnit = profile.opds.map((o, i) => ({ o, i })).filter(({ o }) => o.unitCode === undefined && o.kind !== 'bagian');
    if (on(eoffice) && missingUnit.length > 0) {
      for (const { o, i } of missingUnit) {
        report({
          path: ['opds', i],
          severity: 'warning',
          message: t('{name} tanpa kode unit; nomor suratnya akan memakai kode "{code}"', '{name} has no unit code; its letter numbers will use "{code}"'),
          hint: t('tambahkan `unitCode:`', 'add `unitCode:`'),
          params: { name: o.name, code: o.code.toUpperCase() },
        });
      }
    }
    if (on(esakip) && !profile.signatories.some((s) => s.role === 'kepala-opd')) {
      report({
        path: ['signatories'],
        severity: 'warning',
        message: t('e-SAKIP aktif, tetapi belum ada kepala OPD untuk pasangan perjanjian kinerja', 'e-SAKIP is enabled, but no head of agency is listed for performance-agreement pairs'),
        hint: t('tambahkan penandatangan `role: kepala-opd` dengan `opd:` dan `superior:`', 'add `role: kepala-opd` signatories with `opd:` and `superior:`'),
      });
    }
  },
};
