/**
 * `eoffice init [dir]`: from an empty folder to a valid profile and a generated tree.
 *
 *   <dir>/regency.yaml   the profile (commented, with the schema line for editors)
 *   <dir>/keluaran/      the generated tree (`eoffice generate regency.yaml --out keluaran`)
 *
 * The flow reads as its steps, one file each under steps/: an existing profile, the regency, the
 * apps, the agencies, the villages, the signatories, the deployment; then the profile is written
 * atomically, validated and generated. Every question goes through the Prompter (prompts.ts), and
 * flags answer questions ahead, so the wizard, `--yes` and a run without a terminal share one path:
 * answers → ScaffoldOptions → scaffoldProfile → profileToYaml.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../cli/context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { pick } from '../../i18n/lang.js';
import { defaultDomain, headOfRegionTitle, scaffoldProfile, type PersonAnswer } from '../../profile/scaffold.js';
import type { RegencyProfile } from '../../profile/types.generated.js';
import { profileToYaml, relativeSchemaPath } from '../../profile/write-yaml.js';
import { regionIndex } from '../../region/decree.js';
import { formatText } from '../../validate/format/text.js';
import { validateFile } from '../../validate/validate-profile.js';
import { runGenerate, TEMPLATES_DIR } from '../generate.js';
import { missingAnswers, toScaffoldOptions, type InitAnswers, type InitFlags, type StepContext } from './answers.js';
import { isPromptExit, terminalPrompter, type Prompter } from './prompts.js';
import { chooseAgencies } from './steps/agencies.js';
import { chooseApps } from './steps/apps.js';
import { chooseDeployment } from './steps/deployment.js';
import { chooseExisting } from './steps/existing.js';
import { chooseAddress, chooseRegency } from './steps/regency.js';
import { chooseSignatories } from './steps/signatories.js';
import { chooseVillages } from './steps/villages.js';
import { writeProfileAtomically } from './write-profile.js';

export const PROFILE_FILE = 'regency.yaml';
export const OUTPUT_DIR = 'keluaran';
const SCHEMA_FILE = fileURLToPath(new URL('../../../schemas/regency-profile.schema.json', import.meta.url));

export interface InitDeps {
  /** Answers for tests; the terminal otherwise. */
  prompter?: Prompter;
  templatesDir?: string;
}

const exists = async (p: string) => (await stat(p).catch(() => undefined))?.isFile() === true;

/** The ids of the signatories that are still the scaffold's fictional people. */
function placeholders(profile: RegencyProfile, people: InitAnswers['people']): string[] {
  const given = new Set([people.headOfRegion, people.sekda, ...Object.values(people.heads)].filter((p): p is PersonAnswer => p !== undefined).map((p) => p.name));
  return profile.signatories.filter((s) => !given.has(s.name)).map((s) => s.id);
}

async function askAnswers(step: StepContext): Promise<InitAnswers> {
  const regencyCode = await chooseRegency(step);
  const regency = step.region.regencies.get(regencyCode)!;
  const hasDesa = step.region.villagesOfRegency(regencyCode).some((v) => v.kind !== 'kelurahan');
  const address = await chooseAddress(step, regencyCode);
  const apps = await chooseApps(step, hasDesa);
  const agencyList = await chooseAgencies(step, regency.kind);
  const villageDistricts = await chooseVillages(step, regencyCode);
  const preview = scaffoldProfile(regencyCode, { region: step.region, apps: { eoffice: true }, deployment: false, ...(agencyList ? { agencyList } : {}) });
  const people = await chooseSignatories(step, headOfRegionTitle(regency), preview.opds);
  const deployment = await chooseDeployment(step, `eoffice.${defaultDomain(regency)}`);
  return {
    regencyCode,
    ...(address ? { address } : {}),
    apps,
    ...(agencyList ? { agencyList } : {}),
    ...(villageDistricts ? { villageDistricts } : {}),
    people,
    ...deployment,
  };
}

function profileText(answers: InitAnswers, dir: string, lang: CliContext['lang']): string {
  const profile = scaffoldProfile(answers.regencyCode, toScaffoldOptions(answers));
  const fictional = placeholders(profile, answers.people);
  const header = [
    pick(lang, 'Dibuat oleh `eoffice init`. Setelah menyunting: eoffice validate regency.yaml && eoffice generate regency.yaml --out keluaran', 'Made by `eoffice init`. After editing: eoffice validate regency.yaml && eoffice generate regency.yaml --out keluaran'),
    ...(fictional.length > 0
      ? [pick(lang, `PERHATIAN: penandatangan berikut masih contoh fiktif (nama, NIP, NIK); ganti dengan pejabat sebenarnya: ${fictional.join(', ')}.`, `NOTE: these signatories are still fictional examples (name, NIP, NIK); replace them with the real officials: ${fictional.join(', ')}.`)]
      : []),
  ];
  return profileToYaml(profile, { lang, schemaPath: relativeSchemaPath(dir, SCHEMA_FILE), header });
}

/** Writes the profile; a folder that cannot hold it (a file in the way, no permission, a full disk) is an I/O error. */
async function writeProfile(lang: CliContext['lang'], path: string, shownPath: string, text: string, backup: boolean): Promise<void> {
  try {
    await writeProfileAtomically(path, text, { backup });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    throw new UsageError(pick(lang, `${shownPath} tidak dapat ditulis (${code})`, `${shownPath} cannot be written (${code})`));
  }
}

export async function runInit(ctx: CliContext, dirArg: string | undefined, flags: InitFlags, deps: InitDeps = {}): Promise<number> {
  const { lang } = ctx;
  const dir = resolve(ctx.cwd, dirArg ?? '.');
  const profilePath = join(dir, PROFILE_FILE);
  const outDir = join(dir, OUTPUT_DIR);
  const shown = (p: string) => relative(ctx.cwd, p) || '.';
  const interactive = ctx.isInteractive;
  const prompter = deps.prompter ?? terminalPrompter(lang, ctx.stdout);
  const step: StepContext = {
    lang,
    prompter,
    flags,
    yes: flags.yes === true || !interactive,
    region: regionIndex(),
    cwd: ctx.cwd,
    note: (text) => (interactive ? prompter.note(text) : ctx.stderr(text.endsWith('\n') ? text : `${text}\n`)),
  };

  try {
    const existing = await exists(profilePath);
    if (flags.profile !== undefined) {
      const given = resolve(ctx.cwd, flags.profile);
      const text = await readFile(given, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(pick(lang, `${flags.profile} tidak dapat dibaca (${err.code ?? err.message})`, `${flags.profile} cannot be read (${err.code ?? err.message})`));
      });
      if (given !== profilePath) {
        const current = existing ? await readFile(profilePath, 'utf8') : undefined;
        if (current !== undefined && current !== text && !flags.force) {
          throw new UsageError(
            pick(lang, `${shown(profilePath)} sudah ada dan berbeda dari ${flags.profile}; tidak ditimpa`, `${shown(profilePath)} already exists and differs from ${flags.profile}; not overwritten`),
            pick(lang, 'pakai --force untuk menggantinya (yang lama disimpan sebagai regency.yaml.bak)', 'use --force to replace it (the old one is kept as regency.yaml.bak)'),
          );
        }
        if (current !== text) await writeProfile(lang, profilePath, shown(profilePath), text, current !== undefined);
      }
    } else {
      const choice = existing ? await chooseExisting(step, shown(profilePath)) : 'replace';
      if (existing && choice === 'reuse') {
        step.note(pick(lang, `memakai ${shown(profilePath)} yang sudah ada`, `using the existing ${shown(profilePath)}`));
      } else {
        const missing = interactive ? [] : missingAnswers(flags, lang);
        if (missing.length > 0) {
          throw new UsageError(
            pick(lang,
              `masukan standar bukan terminal, jadi eoffice init tidak bertanya. Jawaban yang belum ada:\n${missing.map((m) => `  ${m}`).join('\n')}`,
              `standard input is not a terminal, so eoffice init does not ask. Missing answers:\n${missing.map((m) => `  ${m}`).join('\n')}`),
            pick(lang, 'berikan jawabannya sebagai opsi, tambahkan --yes untuk memakai bawaan, atau --profile BERKAS', 'give the answers as options, add --yes to take the defaults, or --profile FILE'),
          );
        }
        const answers = await askAnswers(step);
        await writeProfile(lang, profilePath, shown(profilePath), profileText(answers, dir, lang), existing);
        ctx.stdout(pick(lang, `✓ ${shown(profilePath)} ditulis\n`, `✓ ${shown(profilePath)} written\n`));
      }
    }
  } catch (err) {
    if (isPromptExit(err)) {
      // Ctrl+C. The conventional 130 is outside the contract's 0/1/2; an interrupted setup is an
      // environment outcome, so 2. Nothing was written: the profile is written only after the last answer.
      ctx.stderr(pick(lang, '\ndibatalkan; tidak ada yang ditulis\n', '\ncancelled; nothing was written\n'));
      return ExitCode.usage;
    }
    throw err;
  }

  const result = await validateFile(profilePath, { lang });
  if (result.diagnostics.length > 0) {
    const shownResult = { ...result, file: shown(profilePath) };
    const text = formatText([shownResult], lang, { color: ctx.color }, new Map([[shownResult.file, await readFile(profilePath, 'utf8').catch(() => '')]]));
    (result.valid ? ctx.stdout : ctx.stderr)(text);
  }
  if (!result.valid) {
    ctx.stderr(pick(lang,
      `saran: perbaiki ${shown(profilePath)}, lalu jalankan lagi \`eoffice init ${shown(dir)}\` (profil dipakai ulang)\n`,
      `hint: fix ${shown(profilePath)}, then run \`eoffice init ${shown(dir)}\` again (the profile is reused)\n`));
    return ExitCode.invalid;
  }
  if (result.diagnostics.length === 0) ctx.stdout(pick(lang, `✓ ${shown(profilePath)} sah\n`, `✓ ${shown(profilePath)} is valid\n`));

  const code = await runGenerate(ctx, profilePath, { out: outDir }, deps.templatesDir ?? TEMPLATES_DIR);
  if (code !== ExitCode.ok) return code;
  const target = await readTarget(profilePath);
  ctx.stdout(pick(lang,
    `\nSelesai. Langkah berikutnya:\n  eoffice doctor --profile ${shown(profilePath)}          periksa mesin ini\n  eoffice deploy ${shown(outDir)} --target ${target} --dry-run   lihat perintah pemasangan\n  baca ${shown(join(outDir, 'docs', 'panduan-instalasi.md'))}\n`,
    `\nDone. Next steps:\n  eoffice doctor --profile ${shown(profilePath)}          check this machine\n  eoffice deploy ${shown(outDir)} --target ${target} --dry-run   see the deployment commands\n  read ${shown(join(outDir, 'docs', 'panduan-instalasi.md'))}\n`));
  return ExitCode.ok;
}

/** The first deployment target of a written (and valid) profile, for the next-steps hint. */
async function readTarget(profilePath: string): Promise<string> {
  const { parse } = await import('yaml');
  const data = parse(await readFile(profilePath, 'utf8')) as RegencyProfile;
  return data.deployment?.targets[0] ?? 'compose';
}
