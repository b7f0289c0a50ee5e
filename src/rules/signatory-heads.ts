import type { Rule } from './rule.js';
import { t } from './rule.js';

/** One head of region and at most one Sekda sign for the regency; an agency has at most one head. */
export const signatoryHeads: Rule = {
  id: 'signatory-heads',
  severity: 'error',
  description: t('Satu kepala daerah, paling banyak satu Sekda, satu kepala per OPD', 'One head of region, at most one Sekda, one head per agency'),
  check({ profile, report }) {
    const heads = profile.signatories.map((s, i) => ({ s, i })).filter(({ s }) => s.role === 'kepala-daerah');
    if (heads.length === 0) {
      report({
        path: ['signatories'],
        message: t('tidak ada kepala daerah (role: kepala-daerah) di antara penandatangan', 'no head of region (role: kepala-daerah) among the signatories'),
        hint: t('BAST dan perjanjian kinerja daerah ditandatangani kepala daerah; tambahkan Bupati/Wali Kota (atau Pj.)', 'the BAST and the regency performance agreement are signed by the head of region; add the Bupati/Wali Kota (or Pj.)'),
      });
    }
    for (const role of ['kepala-daerah', 'wakil-kepala-daerah', 'sekretaris-daerah'] as const) {
      const list = profile.signatories.map((s, i) => ({ s, i })).filter(({ s }) => s.role === role);
      for (const { i } of list.slice(1)) {
        report({
          path: ['signatories', i, 'role'],
          message: t('{role} kedua (yang pertama: signatories[{first}])', 'a second {role} (the first: signatories[{first}])'),
          hint: t('hanya satu {role} yang menjabat pada satu waktu', 'only one {role} holds office at a time'),
          params: { role, first: list[0]!.i },
        });
      }
    }
    const headOf = new Map<string, number>();
    profile.signatories.forEach((s, i) => {
      if ((s.role !== 'kepala-opd' && s.role !== 'camat') || s.opd === undefined) return;
      const first = headOf.get(s.opd);
      if (first !== undefined) {
        report({
          path: ['signatories', i, 'opd'],
          message: t('OPD {opd} sudah punya kepala (signatories[{first}])', 'agency {opd} already has a head (signatories[{first}])'),
          hint: t('kepala yang diganti dihapus dari profil; pejabat sementara memakai `status: plt`', 'remove the replaced head; an acting head uses `status: plt`'),
          params: { opd: s.opd, first },
        });
      } else {
        headOf.set(s.opd, i);
      }
    });
  },
};
