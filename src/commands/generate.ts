import { fileURLToPath } from 'node:url';
import type { CliContext } from '../cli/context.js';
import { plainProgress, terminalProgress, type Progress } from '../cli/progress.js';
import { ExitCode, UsageError } from '../errors.js';
import type { GenerateStep } from '../generate/events.js';
import { generate, type GenerateMode } from '../generate/generate.js';
import type { PlanEntry } from '../generate/plan.js';
import { RenderError } from '../generate/render.js';
import { VERSION } from '../main.js';
import type { FileResult } from '../validate/diagnostic.js';
import { formatText } from '../validate/format/text.js';
import { readFile, writeFile } from 'node:fs/promises';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export const ACTION_WORDS: Record<PlanEntry['action'], { id: string; en: string }> = {
  create: { id: 'buat', en: 'create' },
  update: { id: 'perbarui', en: 'update' },
  merge: { id: 'gabung', en: 'merge' },
  unchanged: { id: 'tetap', en: 'unchanged' },
  delete: { id: 'hapus', en: 'delete' },
  keep: { id: 'pertahankan', en: 'keep' },
  conflict: { id: 'konflik', en: 'conflict' },
};

export const REASON_WORDS: Record<PlanEntry['reason'], { id: string; en: string }> = {
  'new-file': { id: 'berkas baru', en: 'new file' },
  'missing-on-disk': { id: 'hilang dari disk', en: 'missing on disk' },
  'content-changed': { id: 'isi berubah', en: 'content changed' },
  'mode-changed': { id: 'izin berkas berubah', en: 'file mode changed' },
  same: { id: 'sama', en: 'same' },
  'seed-once-owned': { id: 'seed-once: milik penerima', en: "seed-once: the recipient's" },
  'no-longer-rendered': { id: 'tidak lagi dihasilkan', en: 'no longer rendered' },
  'edited-locally': { id: 'diubah setempat sejak generasi terakhir; pakai `eoffice upgrade`', en: 'edited locally since the last generation; use `eoffice upgrade`' },
  'edited-locally-no-longer-rendered': { id: 'diubah setempat, tidak lagi dihasilkan: dibiarkan', en: 'edited locally and no longer rendered: left alone' },
  'not-ours': { id: 'bukan buatan eoffice', en: 'not written by eoffice' },
  'edited-locally-kept': { id: 'perubahan setempat dipertahankan; blueprint tidak mengubahnya', en: 'local edit kept; the blueprint did not change it' },
  merged: { id: 'perubahan setempat dan blueprint digabung', en: 'local edit and blueprint change merged' },
  'merge-conflict': { id: 'konflik: ditulis dengan penanda <<<<<<< ======= >>>>>>>', en: 'conflict: written with <<<<<<< ======= >>>>>>> markers' },
  'structured-conflict': { id: 'konflik kunci: nilai setempat dipertahankan, lihat daftar kunci', en: 'key conflict: the local value kept, see the list of keys' },
  'no-base-conflict': { id: 'diubah setempat, tanpa salinan dasar: kedua versi ditulis dengan penanda', en: 'edited locally with no stored base: both versions written with markers' },
  'binary-conflict': { id: 'berkas biner diubah di kedua sisi: versi setempat dipertahankan', en: 'binary file changed on both sides: the local version kept' },
  unresolved: { id: 'konflik upgrade sebelumnya belum diselesaikan', en: 'a conflict of the previous upgrade is not resolved yet' },
};

function planText(entries: readonly PlanEntry[], ctx: CliContext, all: boolean): string {
  return entries
    .filter((e) => all || e.action !== 'unchanged')
    .map((e) => `${ACTION_WORDS[e.action][ctx.lang].padEnd(12)} ${e.path}  (${REASON_WORDS[e.reason][ctx.lang]})\n`)
    .join('');
}

export interface GenerateCliOptions {
  out: string;
  dryRun?: boolean;
  check?: boolean;
  json?: boolean;
}

export async function runGenerate(ctx: CliContext, profile: string, opts: GenerateCliOptions, templatesDir = TEMPLATES_DIR): Promise<number> {
  if (opts.dryRun && opts.check) throw new UsageError(ctx.lang === 'id' ? '--dry-run dan --check tidak dapat dipakai bersama' : '--dry-run and --check cannot be used together');
  const mode: GenerateMode = opts.check ? 'check' : opts.dryRun ? 'dry-run' : 'write';
  const steps: GenerateStep[] = ['validate', 'blueprints', 'render', 'plan', ...(mode === 'write' ? (['write'] as const) : [])];
  const progress: Progress = ctx.isInteractive && ctx.color && !opts.json ? await terminalProgress(ctx, steps) : plainProgress(ctx);
  let outcome;
  try {
    // For the test that kills a run mid-write: once the new tree is staged, say so and wait.
    const hold = ctx.env.EOFFICE_TEST_HOLD_BEFORE_SWAP;
    const beforeSwap = hold
      ? async () => {
          await writeFile(hold, 'staged\n');
          await new Promise(() => undefined);
        }
      : undefined;
    outcome = await generate({
      profile,
      out: opts.out,
      mode,
      lang: ctx.lang,
      templatesDir,
      toolkitVersion: VERSION,
      env: ctx.env,
      onEvent: (e) => progress.onEvent(e),
      ...(beforeSwap ? { beforeSwap } : {}),
    });
  } catch (err) {
    await progress.finish();
    if (err instanceof RenderError) {
      ctx.stderr(`${ctx.lang === 'id' ? 'blueprint tidak dapat dirender' : 'a blueprint failed to render'}:\n${err.message}\n`);
      return ExitCode.usage;
    }
    throw err;
  }
  await progress.finish();
  if (outcome.kind === 'invalid-profile' || outcome.kind === 'invalid-blueprints') return printInvalidInput(ctx, outcome);
  const { plan, drift, lockDrift, conflicts } = outcome;
  if (opts.json) {
    ctx.stdout(JSON.stringify({
      mode,
      out: opts.out,
      counts: plan.counts,
      drift: mode === 'check' ? drift.map((e) => e.path).concat(lockDrift ? ['eoffice.lock.json'] : []) : undefined,
      entries: plan.entries.map(({ path, action, reason, policy, blueprint }) => ({ path, action, reason, policy, blueprint })),
    }, null, 2) + '\n');
  }
  const c = plan.counts;
  const summary = ctx.lang === 'id'
    ? `${c.create} dibuat, ${c.update} diperbarui, ${c.delete} dihapus, ${c.unchanged} tetap, ${c.keep} dipertahankan, ${c.conflict} konflik`
    : `${c.create} created, ${c.update} updated, ${c.delete} deleted, ${c.unchanged} unchanged, ${c.keep} kept, ${c.conflict} conflicts`;
  if (mode === 'check') {
    const stale = drift.length > 0 || lockDrift;
    if (!opts.json) {
      if (stale) {
        ctx.stderr((ctx.lang === 'id' ? `${opts.out} tidak sesuai dengan yang dihasilkan ${profile}:\n` : `${opts.out} is not what ${profile} generates:\n`) + planText(drift, ctx, false) + (lockDrift ? `${'lock'.padEnd(12)} eoffice.lock.json\n` : ''));
        // Files edited since the last generation are never overwritten by `generate`; `upgrade`
        // keeps them through new versions, and `--check` goes on reporting them, since they are drift.
        const edited = drift.some((e) => e.action === 'conflict');
        ctx.stderr(edited
          ? (ctx.lang === 'id'
            ? `saran: berkas "konflik" diubah setempat dan tidak ditimpa generate. Untuk kembali ke hasil profil, hapus berkas itu lalu jalankan \`eoffice generate ${profile} --out ${opts.out}\`; untuk mempertahankannya, perbarui nanti dengan \`eoffice upgrade ${opts.out}\` (perubahan Anda digabung), dan --check akan tetap melaporkannya\n`
            : `hint: the "conflict" files were edited locally and generate does not overwrite them. To go back to what the profile gives, delete them and run \`eoffice generate ${profile} --out ${opts.out}\`; to keep them, update later with \`eoffice upgrade ${opts.out}\` (your edits are merged), and --check will go on reporting them\n`)
          : (ctx.lang === 'id' ? `saran: jalankan \`eoffice generate ${profile} --out ${opts.out}\`\n` : `hint: run \`eoffice generate ${profile} --out ${opts.out}\`\n`));
      } else {
        // Every file of the plan is up to date here, some perhaps with a mode only a checkout's umask changed.
        ctx.stdout(ctx.lang === 'id' ? `${opts.out} mutakhir (${plan.entries.length} berkas)\n` : `${opts.out} is up to date (${plan.entries.length} files)\n`);
      }
    }
    return stale ? ExitCode.invalid : ExitCode.ok;
  }
  if (!opts.json) {
    if (mode === 'dry-run') ctx.stdout(planText(plan.entries, ctx, false) + (ctx.lang === 'id' ? `rencana (tidak ada yang ditulis): ${summary}\n` : `plan (nothing written): ${summary}\n`));
    else if (conflicts.length === 0) ctx.stdout(`${summary}\n`);
  }
  if (conflicts.length > 0) {
    ctx.stderr((ctx.lang === 'id' ? 'berkas berikut diubah setempat sejak generasi terakhir; tidak ada yang ditulis:\n' : 'these files were edited locally since the last generation; nothing was written:\n') + planText(conflicts, ctx, false));
    ctx.stderr(ctx.lang === 'id' ? 'saran: `eoffice upgrade` menggabungkan perubahan setempat; atau kembalikan berkasnya\n' : 'hint: `eoffice upgrade` merges local edits; or restore the files\n');
    return ExitCode.invalid;
  }
  return ExitCode.ok;
}

/**
 * Prints why the profile or the blueprints are not valid, as `validate` does, and returns the exit
 * code: 1 for an invalid profile, 2 for broken blueprints or a profile that cannot be read at all
 * (missing, a directory, no permission: an I/O error).
 */
export async function printInvalidInput(
  ctx: CliContext,
  outcome: { kind: 'invalid-profile'; result: FileResult } | { kind: 'invalid-blueprints'; results: FileResult[] },
): Promise<number> {
  const results = outcome.kind === 'invalid-profile' ? [outcome.result] : outcome.results;
  const sources = new Map<string, string>();
  for (const r of results) sources.set(r.file, await readFile(r.file, 'utf8').catch(() => ''));
  ctx.stderr(formatText(results, ctx.lang, { color: ctx.color }, sources));
  const unreadable = results.some((r) => r.diagnostics.some((d) => /^file-(missing|is-directory|not-regular|unreadable)$/.test(d.rule)));
  return outcome.kind === 'invalid-profile' && !unreadable ? ExitCode.invalid : ExitCode.usage;
}
