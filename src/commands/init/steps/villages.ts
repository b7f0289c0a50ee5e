import { UsageError } from '../../../errors.js';
import { pick } from '../../../i18n/lang.js';
import type { StepContext } from '../answers.js';

/** `--kecamatan 32.11.01,Jatinangor`: codes or names of the regency's kecamatan. */
function districtsFromFlag(ctx: Pick<StepContext, 'lang' | 'region'>, regencyCode: string, value: string): string[] {
  const districts = ctx.region.districtsOf(regencyCode);
  const out: string[] = [];
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const d = districts.find((x) => x.code === item || x.name.toLowerCase() === item.toLowerCase());
    if (!d) throw new UsageError(pick(ctx.lang, `kecamatan "${item}" tidak ada di ${regencyCode}`, `kecamatan "${item}" is not in ${regencyCode}`));
    out.push(d.code);
  }
  return [...new Set(out)];
}

/**
 * Villages always come from the decree: all of them, or those of the kecamatan chosen (a regency
 * starting with a pilot). Returns undefined for all.
 */
export async function chooseVillages(ctx: Pick<StepContext, 'lang' | 'prompter' | 'flags' | 'yes' | 'region'>, regencyCode: string): Promise<string[] | undefined> {
  if (ctx.flags.kecamatan) return districtsFromFlag(ctx, regencyCode, ctx.flags.kecamatan);
  if (ctx.yes) return undefined;
  const { lang, prompter, region } = ctx;
  const districts = region.districtsOf(regencyCode);
  const villages = region.villagesOfRegency(regencyCode);
  const which = await prompter.select({
    id: 'villages',
    message: pick(lang, 'Desa dan kelurahan (dari data Kepmendagri 2025)', 'Villages (from the 2025 decree data)'),
    choices: [
      { value: 'all' as const, name: pick(lang, `Semua: ${villages.length} desa/kelurahan di ${districts.length} kecamatan`, `All: ${villages.length} villages in ${districts.length} kecamatan`) },
      { value: 'some' as const, name: pick(lang, 'Hanya kecamatan tertentu (misalnya untuk uji coba)', 'Only some kecamatan (e.g. for a pilot)') },
    ],
    default: 'all',
  });
  if (which === 'all') return undefined;
  return prompter.checkbox({
    id: 'kecamatan',
    message: pick(lang, 'Kecamatan yang desanya dimuat', 'Kecamatan whose villages are loaded'),
    choices: districts.map((d) => ({ value: d.code, name: `${d.name} (${region.villagesOfDistrict(d.code).length})` })),
    validate: (chosen) => (chosen.length > 0 ? true : pick(lang, 'pilih minimal satu kecamatan', 'choose at least one kecamatan')),
  });
}
