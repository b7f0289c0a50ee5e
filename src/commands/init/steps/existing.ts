import { pick } from '../../../i18n/lang.js';
import type { StepContext } from '../answers.js';

export type ExistingChoice = 'reuse' | 'replace';

/**
 * A folder that already has a regency.yaml: never overwritten silently. On a terminal the person
 * chooses; `--yes` and runs without a terminal reuse it; `--force` replaces it, keeping the old one
 * as regency.yaml.bak.
 */
export async function chooseExisting(ctx: Pick<StepContext, 'lang' | 'prompter' | 'flags' | 'yes'>, shownPath: string): Promise<ExistingChoice> {
  if (ctx.flags.force) return 'replace';
  if (ctx.yes) return 'reuse';
  return ctx.prompter.select<ExistingChoice>({
    id: 'existing',
    message: pick(ctx.lang, `${shownPath} sudah ada. Apa yang dilakukan?`, `${shownPath} already exists. What now?`),
    choices: [
      { value: 'reuse', name: pick(ctx.lang, 'Pakai profil itu: periksa lalu generate', 'Use that profile: validate, then generate') },
      { value: 'replace', name: pick(ctx.lang, 'Mulai baru: ganti profilnya (yang lama disimpan sebagai regency.yaml.bak)', 'Start over: replace it (the old one is kept as regency.yaml.bak)') },
    ],
    default: 'reuse',
  });
}
