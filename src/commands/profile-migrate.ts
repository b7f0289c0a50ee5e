import { readFile, stat } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { CliContext } from '../cli/context.js';
import { CheckFailed, ExitCode, UsageError } from '../errors.js';
import { pick } from '../i18n/lang.js';
import { writeFileAtomically } from '../util/write-atomic.js';
import { CURRENT_API_VERSION, MIGRATIONS, migrateDocument, migratedText } from '../profile/migrate/steps.js';

export interface MigrateCliOptions {
  dryRun?: boolean;
  check?: boolean;
  json?: boolean;
}

/** An interrupted write leaves the old profile whole; the file keeps its mode. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFileAtomically(file, text, { mode: (await stat(file)).mode & 0o777 });
}

/**
 * `eoffice profile migrate FILE`: brings a profile of an older format up to `eoffice/v1` through
 * the declared steps. Exit 0 when migrated (or already current), 1 when `--check` finds it out of
 * date or its format is unknown or it is not YAML, 2 when it cannot be read or written.
 */
export async function runProfileMigrate(ctx: CliContext, file: string, opts: MigrateCliOptions): Promise<number> {
  if (opts.dryRun && opts.check) throw new UsageError(pick(ctx.lang, '--dry-run dan --check tidak dapat dipakai bersama', '--dry-run and --check cannot be used together'));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(pick(ctx.lang, `${file} tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? err})`, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? err})`));
  }
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) {
    throw new CheckFailed(pick(ctx.lang, `${file} bukan YAML yang sah: ${doc.errors[0]!.message}`, `${file} is not valid YAML: ${doc.errors[0]!.message}`));
  }
  const result = migrateDocument(doc);
  const known = [...MIGRATIONS.map((s) => s.from), CURRENT_API_VERSION].join(', ');
  if (result.kind === 'unknown') {
    throw new CheckFailed(pick(ctx.lang, `${file}: apiVersion ${JSON.stringify(result.from ?? null)} tidak dikenal (dikenal: ${known})`, `${file}: unknown apiVersion ${JSON.stringify(result.from ?? null)} (known: ${known})`));
  }
  const migrated = result.kind === 'migrated' ? migratedText(doc) : text;
  const steps = result.kind === 'migrated' ? result.steps : [];
  if (opts.json) {
    ctx.stdout(JSON.stringify({ file, from: result.from, to: CURRENT_API_VERSION, upToDate: result.kind === 'current', written: result.kind === 'migrated' && !opts.dryRun && !opts.check, steps: steps.map((s) => ({ from: s.from, to: s.to, changes: s.changes.map((c) => c.en) })) }, null, 2) + '\n');
  }
  if (result.kind === 'current') {
    if (!opts.json) ctx.stdout(pick(ctx.lang, `${file} sudah ${CURRENT_API_VERSION}\n`, `${file} is already ${CURRENT_API_VERSION}\n`));
    return ExitCode.ok;
  }
  const described = steps.map((s) => `${s.from} → ${s.to}:\n${s.changes.map((c) => `  - ${c[ctx.lang]}\n`).join('')}`).join('');
  if (opts.check) {
    if (!opts.json) ctx.stderr(pick(ctx.lang, `${file} memakai format lama ${result.from}; jalankan \`eoffice profile migrate ${file}\`\n`, `${file} uses the old format ${result.from}; run \`eoffice profile migrate ${file}\`\n`) + described);
    return ExitCode.invalid;
  }
  if (opts.dryRun) {
    if (!opts.json) {
      ctx.stderr(described);
      ctx.stdout(migrated);
    }
    return ExitCode.ok;
  }
  try {
    await writeAtomically(file, migrated);
  } catch (err) {
    throw new UsageError(pick(ctx.lang, `${file} tidak dapat ditulis (${(err as NodeJS.ErrnoException).code ?? err})`, `cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? err})`));
  }
  if (!opts.json) ctx.stdout(described + pick(ctx.lang, `${file} dimigrasikan ke ${CURRENT_API_VERSION}; periksa dengan \`eoffice validate ${file}\`\n`, `${file} migrated to ${CURRENT_API_VERSION}; check it with \`eoffice validate ${file}\`\n`));
  return ExitCode.ok;
}
