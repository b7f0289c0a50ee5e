import { UsageError } from '../../../errors.js';
import { pick } from '../../../i18n/lang.js';
import type { RegencyRecord, RegionIndex } from '../../../region/decree.js';
import { placeOf } from '../../../profile/scaffold.js';
import type { StepContext } from '../answers.js';

const squeeze = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9. ]/g, '');

/**
 * Regencies whose name, province or code hold every word typed. Those whose place name is exactly
 * what was typed come first ("banjar": Kota Banjar and Kabupaten Banjar before Banjarnegara), then
 * those whose place name or code starts with it, then the rest; decree order within each.
 */
export function searchRegencies(region: RegionIndex, term: string): RegencyRecord[] {
  const words = squeeze(term).split(/\s+/).filter(Boolean);
  const all = [...region.regencies.values()];
  if (words.length === 0) return all;
  const hay = (r: RegencyRecord) => squeeze(`${r.name} ${region.provinces.get(r.provinceCode)?.name ?? ''} ${r.code}`);
  const typed = words.join(' ');
  const rank = (r: RegencyRecord) => {
    const place = squeeze(placeOf(r.name));
    if (place === typed) return 0;
    return place.startsWith(words[0]!) || r.code.startsWith(words[0]!) ? 1 : 2;
  };
  return all
    .filter((r) => words.every((w) => hay(r).includes(w)))
    .map((r, i) => ({ r, i, rank: rank(r) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.r);
}

/** `--regency 32.11` or `--regency "Kabupaten Sumedang"`. */
export function regencyFromFlag(region: RegionIndex, value: string, lang: StepContext['lang']): string {
  if (region.regencies.has(value.trim())) return value.trim();
  const byName = [...region.regencies.values()].filter((r) => squeeze(r.name) === squeeze(value) || squeeze(placeOf(r.name)) === squeeze(value));
  if (byName.length === 1) return byName[0]!.code;
  if (byName.length > 1) {
    throw new UsageError(
      pick(lang, `"${value}" bisa berarti ${byName.map((r) => `${r.code} ${r.name}`).join(' atau ')}`, `"${value}" may mean ${byName.map((r) => `${r.code} ${r.name}`).join(' or ')}`),
      pick(lang, 'sebut kodenya, mis. --regency ' + byName[0]!.code, 'give its code, e.g. --regency ' + byName[0]!.code),
    );
  }
  const suggestions = searchRegencies(region, value).slice(0, 3).map((r) => `${r.code} ${r.name}`);
  throw new UsageError(
    pick(lang, `"${value}" bukan kabupaten/kota dalam Kepmendagri 300.2.2-2138/2025`, `"${value}" is not a regency or city of decree 300.2.2-2138/2025`),
    suggestions.length > 0 ? pick(lang, `mungkin: ${suggestions.join('; ')}`, `perhaps: ${suggestions.join('; ')}`) : undefined,
  );
}

export async function chooseRegency(ctx: Pick<StepContext, 'lang' | 'prompter' | 'flags' | 'region'>): Promise<string> {
  if (ctx.flags.regency) return regencyFromFlag(ctx.region, ctx.flags.regency, ctx.lang);
  const { region, lang } = ctx;
  return ctx.prompter.search({
    id: 'regency',
    message: pick(lang, 'Kabupaten/kota penerima (ketik sebagian namanya)', 'The recipient regency or city (type part of its name)'),
    source: (term) =>
      searchRegencies(region, term).map((r) => ({
        value: r.code,
        name: `${r.name} (${r.code})`,
        description: `${region.provinces.get(r.provinceCode)?.name ?? ''} · ${region.districtsOf(r.code).length} ${pick(lang, 'kecamatan', 'kecamatan')}`,
      })),
  });
}

/** The office address on the letterhead; the scaffold's placeholder by default. */
export async function chooseAddress(ctx: Pick<StepContext, 'lang' | 'prompter' | 'flags' | 'yes' | 'region'>, regencyCode: string): Promise<string | undefined> {
  if (ctx.flags.address) return ctx.flags.address;
  if (ctx.yes) return undefined;
  const place = placeOf(ctx.region.regencies.get(regencyCode)!.name);
  const answer = await ctx.prompter.input({
    id: 'address',
    message: pick(ctx.lang, 'Alamat kantor pemerintah daerah (untuk kop surat)', 'Address of the regional government office (for the letterhead)'),
    default: `Jalan Pusat Pemerintahan No. 1, ${place}`,
    validate: (v) => (v.trim().length >= 5 ? true : pick(ctx.lang, 'tulis alamat lengkap', 'write the full address')),
  });
  return answer.trim();
}
