import { UsageError } from '../../../errors.js';
import { pick } from '../../../i18n/lang.js';
import type { AppName } from '../../../profile/scaffold.js';
import { APP_NAMES, type StepContext } from '../answers.js';

const LABELS: Record<AppName, { id: string; en: string }> = {
  eoffice: { id: 'e-Office: surat-menyurat dinas seluruh perangkat daerah', en: 'e-Office: official correspondence of every agency' },
  eofficeDesa: { id: 'e-Office Desa: surat-menyurat pemerintah desa', en: 'e-Office Desa: correspondence of village governments' },
  esakip: { id: 'e-SAKIP: akuntabilitas kinerja (RPJMD, perjanjian kinerja)', en: 'e-SAKIP: performance accountability (RPJMD, performance agreements)' },
};

function appsFromFlag(value: string, hasDesa: boolean, lang: StepContext['lang']): AppName[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (s.toLowerCase() === 'eoffice-desa' || s.toLowerCase() === 'eofficedesa' ? 'eofficeDesa' : s.toLowerCase()));
  const unknown = names.filter((n) => !(APP_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(pick(lang, `aplikasi tidak dikenal: ${unknown.join(', ') || '(kosong)'}`, `unknown application: ${unknown.join(', ') || '(none)'}`), `--apps ${APP_NAMES.join(',')}`);
  }
  if (names.includes('eofficeDesa') && !hasDesa) {
    throw new UsageError(pick(lang, 'e-Office Desa tidak dapat dipakai: daerah ini tidak punya desa (hanya kelurahan)', 'e-Office Desa cannot be used: this region has no desa (only kelurahan)'));
  }
  return [...new Set(names as AppName[])];
}

export async function chooseApps(ctx: Pick<StepContext, 'lang' | 'prompter' | 'flags' | 'yes'>, hasDesa: boolean): Promise<AppName[]> {
  if (ctx.flags.apps) return appsFromFlag(ctx.flags.apps, hasDesa, ctx.lang);
  const defaults = APP_NAMES.filter((n) => n !== 'eofficeDesa' || hasDesa);
  if (ctx.yes) return defaults;
  return ctx.prompter.checkbox<AppName>({
    id: 'apps',
    message: pick(ctx.lang, 'Aplikasi yang diterima', 'The applications received'),
    choices: APP_NAMES.map((n) => ({
      value: n,
      name: LABELS[n][ctx.lang],
      short: n,
      checked: defaults.includes(n),
      ...(n === 'eofficeDesa' && !hasDesa ? { disabled: pick(ctx.lang, '(daerah ini tidak punya desa)', '(this region has no desa)') } : {}),
    })),
    validate: (chosen) => (chosen.length > 0 ? true : pick(ctx.lang, 'pilih minimal satu aplikasi', 'choose at least one application')),
  });
}
