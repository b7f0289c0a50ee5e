import { pick } from '../../../i18n/lang.js';
import type { Opd } from '../../../profile/types.generated.js';
import type { PersonAnswer } from '../../../profile/scaffold.js';
import { explainGolongan, explainNip, nipDigits, splitTitles, validateFullName } from '../person.js';
import type { InitAnswers, StepContext } from '../answers.js';

type Ctx = Pick<StepContext, 'lang' | 'prompter'>;

async function askName(ctx: Ctx, id: string, message: string): Promise<ReturnType<typeof splitTitles>> {
  const full = await ctx.prompter.input({
    id,
    message,
    validate: (v) => validateFullName(ctx.lang, v),
    explain: (v) => {
      const s = splitTitles(v);
      if (!s.frontTitle && !s.backTitle) return undefined;
      return pick(ctx.lang, `gelar depan: ${s.frontTitle ?? '-'}, nama: ${s.name}, gelar belakang: ${s.backTitle ?? '-'}`, `front title: ${s.frontTitle ?? '-'}, name: ${s.name}, back title: ${s.backTitle ?? '-'}`);
    },
  });
  return splitTitles(full);
}

/** A civil servant: name with titles, NIP (explained back as it is typed), golongan (with its pangkat). */
async function askOfficial(ctx: Ctx, key: string, role: string, usedNips: Set<string>): Promise<PersonAnswer> {
  const { lang, prompter } = ctx;
  const name = await askName(ctx, `${key}-name`, pick(lang, `${role}: nama lengkap dengan gelar (mis. Dr. H. Ahmad Hidayat, S.E., M.M.)`, `${role}: full name with titles (e.g. Dr. H. Ahmad Hidayat, S.E., M.M.)`));
  const nip = nipDigits(await prompter.input({
    id: `${key}-nip`,
    message: pick(lang, `${role}: NIP (18 angka)`, `${role}: NIP (18 digits)`),
    validate: (v) => {
      const r = explainNip(lang, v);
      if (!r.ok) return r.reason;
      return usedNips.has(nipDigits(v)) ? pick(lang, 'NIP ini sudah dipakai penandatangan lain', 'this NIP is already another signatory’s') : true;
    },
    explain: (v) => {
      const r = explainNip(lang, v);
      return r.ok ? r.text : undefined;
    },
  }));
  usedNips.add(nip);
  const explained = explainNip(lang, nip);
  if (explained.ok && explained.kind === 'nipppk') return { ...name, niPppk: nip };
  const golongan = await prompter.input({
    id: `${key}-golongan`,
    message: pick(lang, `${role}: golongan (mis. IV/b)`, `${role}: golongan (e.g. IV/b)`),
    validate: (v) => {
      const g = explainGolongan(lang, v);
      return g.ok ? true : g.reason;
    },
    explain: (v) => {
      const g = explainGolongan(lang, v);
      return g.ok ? g.pangkat : undefined;
    },
  });
  const g = explainGolongan(lang, golongan);
  return { ...name, nip, ...(g.ok ? { golongan: g.golongan } : {}) };
}

/**
 * The head of region, the Sekda and heads of agencies. A person who is not given keeps the
 * scaffold's fictional one, which the profile's header lists for replacing.
 */
export async function chooseSignatories(ctx: Pick<StepContext, 'lang' | 'prompter' | 'yes'>, headTitle: string, opds: readonly Opd[]): Promise<InitAnswers['people']> {
  const people: InitAnswers['people'] = { heads: {} };
  if (ctx.yes) return people;
  const { lang, prompter } = ctx;
  const now = await prompter.select({
    id: 'signatories',
    message: pick(lang, 'Penandatangan naskah dinas', 'Signatories of official documents'),
    choices: [
      { value: true, name: pick(lang, `Isi sekarang: ${headTitle}, Sekretaris Daerah, kepala OPD`, `Fill in now: ${headTitle}, the Sekda, heads of agencies`) },
      { value: false, name: pick(lang, 'Nanti: pakai contoh fiktif, lalu ganti di regency.yaml', 'Later: use fictional examples, replace them in regency.yaml') },
    ],
    default: true,
  });
  if (!now) return people;
  const nips = new Set<string>();
  people.headOfRegion = await askName(ctx, 'head', pick(lang, `${headTitle}: nama lengkap dengan gelar`, `${headTitle}: full name with titles`));
  people.sekda = await askOfficial(ctx, 'sekda', pick(lang, 'Sekretaris Daerah', 'Sekretaris Daerah'), nips);
  const candidates = opds.filter((o) => o.kind !== 'sekretariat-daerah' && o.kind !== 'bagian');
  while (await prompter.confirm({ id: 'head-more', message: pick(lang, 'Isi kepala OPD (berikutnya)?', 'Fill in the head of an(other) agency?'), default: Object.keys(people.heads).length === 0 })) {
    const code = await prompter.search({
      id: 'head-opd',
      message: pick(lang, 'OPD (ketik sebagian namanya)', 'Agency (type part of its name)'),
      source: (term) =>
        candidates
          .filter((o) => !(o.code in people.heads))
          .filter((o) => `${o.name} ${o.shortName ?? ''}`.toLowerCase().includes(term.toLowerCase().trim()))
          .map((o) => ({ value: o.code, name: o.shortName ? `${o.name} (${o.shortName})` : o.name })),
    });
    const opd = candidates.find((o) => o.code === code)!;
    people.heads[code] = await askOfficial(ctx, 'kepala', pick(lang, `Kepala ${opd.shortName ?? opd.name}`, `Head of ${opd.shortName ?? opd.name}`), nips);
  }
  return people;
}
