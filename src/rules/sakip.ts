import type { Rule } from './rule.js';
import { t } from './rule.js';

/** The RPJMD period spans five years; evaluation weights (PermenPANRB 88/2021) sum to 100. */
export const sakip: Rule = {
  id: 'sakip',
  severity: 'error',
  description: t('Periode RPJMD lima tahun; bobot evaluasi berjumlah 100', 'RPJMD period of five years; evaluation weights sum to 100'),
  check({ profile, report }) {
    const esakip = profile.apps.esakip;
    if (!esakip) return;
    const p = esakip.period;
    if (p) {
      if (p.end - p.start + 1 !== 5) {
        report({
          path: ['apps', 'esakip', 'period'],
          message: t('periode {start}–{end} bukan lima tahun', 'period {start}–{end} is not five years'),
          hint: t('periode RPJMD lima tahun, misalnya {start}–{expected}', 'an RPJMD period spans five years, e.g. {start}–{expected}'),
          params: { start: p.start, end: p.end, expected: p.start + 4 },
        });
      }
    } else if (esakip.enabled !== false) {
      report({
        path: ['apps', 'esakip'],
        message: t('e-SAKIP diaktifkan tanpa periode RPJMD', 'e-SAKIP is enabled without an RPJMD period'),
        hint: t('tambahkan `period: {start: 2025, end: 2029}`', 'add `period: {start: 2025, end: 2029}`'),
      });
    }
    const w = esakip.weights;
    if (w) {
      const sum = w.planning + w.measurement + w.reporting + w.evaluation;
      if (Math.abs(sum - 100) > 1e-9) {
        report({
          path: ['apps', 'esakip', 'weights'],
          message: t('bobot evaluasi berjumlah {sum}, seharusnya 100', 'evaluation weights sum to {sum}, not 100'),
          hint: t('PermenPANRB 88/2021: perencanaan 30, pengukuran 30, pelaporan 15, evaluasi internal 25', 'PermenPANRB 88/2021: planning 30, measurement 30, reporting 15, internal evaluation 25'),
          params: { sum: Math.round(sum * 100) / 100 },
        });
      }
    }
  },
};
