import type { Rule } from './rule.js';
import { t } from './rule.js';

const TYPED = new Set(['sekretariat-daerah', 'dinas', 'badan', 'kecamatan']);

/** Dinas, Badan and Setda are typed A/B/C; kecamatan A/B only (PP 18/2016). */
export const opdType: Rule = {
  id: 'opd-type',
  severity: 'error',
  description: t('Tipe OPD sesuai jenisnya (kecamatan hanya A/B)', "Agency types fit their kind (kecamatan A/B only)"),
  check({ profile, report }) {
    profile.opds.forEach((o, i) => {
      if (o.kind === 'kecamatan' && o.type === 'C') {
        report({
          path: ['opds', i, 'type'],
          message: t('{name} bertipe C; kecamatan hanya bertipe A atau B', '{name} has type C; a kecamatan is type A or B only'),
          hint: t('tulis `type: A` atau `type: B`', 'write `type: A` or `type: B`'),
          params: { name: o.name },
        });
      } else if (o.type === undefined && TYPED.has(o.kind)) {
        report({
          path: ['opds', i],
          severity: 'warning',
          message: t('{name} tidak mencantumkan tipe (A/B/C)', '{name} has no type (A/B/C)'),
          hint: t('tambahkan `type:` sesuai peraturan daerah tentang perangkat daerah', 'add `type:` as set by the regional regulation on agencies'),
          params: { name: o.name },
        });
      } else if (o.type !== undefined && (o.kind === 'bagian' || o.kind === 'kelurahan' || o.kind === 'uptd')) {
        report({
          path: ['opds', i, 'type'],
          message: t('{kind} tidak bertipe A/B/C', 'a {kind} has no A/B/C type'),
          hint: t('hapus `type:`', 'remove `type:`'),
          params: { kind: o.kind },
        });
      }
    });
  },
};
