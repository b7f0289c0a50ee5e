import type { Rule } from './rule.js';
import { t } from './rule.js';

/**
 * Status and delegation make sense together (Permendagri 1/2023): a.n. signs one level down for a
 * principal, u.b. two levels down through an official who signs a.n.; nobody delegates to themself;
 * the head of region signs in their own name.
 */
export const signatureDelegation: Rule = {
  id: 'signature-delegation',
  severity: 'error',
  description: t('Status dan delegasi (a.n., u.b.) penandatangan masuk akal', 'Signatory status and delegation (a.n., u.b.) make sense'),
  check({ profile, report }) {
    const byId = new Map(profile.signatories.map((s) => [s.id, s]));
    profile.signatories.forEach((s, i) => {
      const d = s.delegation;
      if (/^(plt|plh|pj|pjs)\.?\s/i.test(s.position)) {
        report({
          path: ['signatories', i, 'position'],
          message: t('jabatan "{position}" memuat Plt./Plh./Pj.', 'position "{position}" carries Plt./Plh./Pj.'),
          hint: t('tulis jabatannya saja dan nyatakan `status: plt|plh|pj`; awalan ditambahkan saat dicetak', 'write the position alone and set `status: plt|plh|pj`; the prefix is added when printed'),
          params: { position: s.position },
        });
      }
      if (s.role === 'kepala-daerah' && s.status !== undefined && s.status !== 'definitif' && s.nip === undefined) {
        report({
          path: ['signatories', i, 'status'],
          severity: 'warning',
          message: t('{status} kepala daerah biasanya pejabat ASN dengan NIP', 'an acting or interim ({status}) head of region is usually a civil servant with a NIP'),
          hint: t('tambahkan `nip:` bila ada', 'add `nip:` if there is one'),
          params: { status: ({ plt: 'Plt.', plh: 'Plh.', pj: 'Pj.', pjs: 'Pjs.' } as const)[s.status] },
        });
      }
      if (!d) return;
      if (s.role === 'kepala-daerah') {
        report({
          path: ['signatories', i, 'delegation'],
          message: t('kepala daerah menandatangani atas namanya sendiri, tanpa a.n./u.b.', 'the head of region signs in their own name, without a.n./u.b.'),
          hint: t('hapus `delegation`', 'remove `delegation`'),
        });
        return;
      }
      if (d.principal === s.id || d.via === s.id) {
        report({
          path: ['signatories', i, 'delegation'],
          message: t('{id} tidak dapat menandatangani atas nama dirinya sendiri', '{id} cannot sign on behalf of themself'),
          hint: t('`principal` adalah pejabat yang diwakili', '`principal` is the official signed for'),
          params: { id: s.id },
        });
        return;
      }
      if (d.type === 'u.b.' && d.via === undefined) {
        report({
          path: ['signatories', i, 'delegation'],
          message: t('u.b. (untuk beliau) memerlukan `via`: pejabat yang menandatangani a.n.', 'u.b. needs `via`: the official who signs a.n.'),
          hint: t('contoh: a.n. Bupati, Sekretaris Daerah, u.b. Kepala Bagian → `principal: bupati`, `via: sekda`', 'e.g. a.n. Bupati, Sekretaris Daerah, u.b. Kepala Bagian → `principal: bupati`, `via: sekda`'),
        });
      }
      if (d.type === 'a.n.' && d.via !== undefined) {
        report({
          path: ['signatories', i, 'delegation', 'via'],
          message: t('a.n. (atas nama) tidak memakai `via`; itu untuk u.b.', 'a.n. does not use `via`; that is for u.b.'),
          hint: t('hapus `via`, atau ubah `type` menjadi u.b.', 'remove `via`, or make `type` u.b.'),
        });
      }
      const principal = byId.get(d.principal);
      if (principal && principal.role !== 'kepala-daerah' && principal.role !== 'sekretaris-daerah' && principal.role !== 'kepala-opd' && principal.role !== 'camat' && principal.role !== 'kepala-desa') {
        report({
          path: ['signatories', i, 'delegation', 'principal'],
          severity: 'warning',
          message: t('{principal} ({position}) bukan pimpinan yang lazim diwakili a.n./u.b.', '{principal} ({position}) is not a head usually signed for with a.n./u.b.'),
          hint: t('a.n. dipakai atas nama kepala daerah, Sekda, kepala OPD, camat atau kepala desa', 'a.n. is used for the head of region, Sekda, heads of agencies, camat or village heads'),
          params: { principal: principal.id, position: principal.position },
        });
      }
      const via = d.via === undefined ? undefined : byId.get(d.via);
      if (via && via.delegation?.principal !== d.principal) {
        report({
          path: ['signatories', i, 'delegation', 'via'],
          severity: 'warning',
          message: t('{via} tidak menandatangani a.n. {principal}, jadi rantai u.b. tidak tersambung', '{via} does not sign a.n. {principal}, so the u.b. chain is broken'),
          hint: t('beri {via} `delegation: {type: a.n., principal: {principal}}`', 'give {via} `delegation: {type: a.n., principal: {principal}}`'),
          params: { via: via.id, principal: d.principal },
        });
      }
    });
  },
};
