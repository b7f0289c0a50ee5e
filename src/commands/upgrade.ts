import type { CliContext } from '../cli/context.js';
import { plainProgress, terminalProgress, type Progress } from '../cli/progress.js';
import { ExitCode, UsageError } from '../errors.js';
import { LOCK_FILE } from '../generate/lock.js';
import type { PlanEntry } from '../generate/plan.js';
import { RenderError } from '../generate/render.js';
import { pick } from '../i18n/lang.js';
import { VERSION } from '../main.js';
import { upgrade, type UpgradeOutcome, type UpgradePlanned } from '../upgrade/upgrade.js';
import { ACTION_WORDS, printInvalidInput, REASON_WORDS, TEMPLATES_DIR } from './generate.js';
import { confirmApply, type Confirm } from './upgrade-prompts.js';

export interface UpgradeCliOptions {
  profile?: string;
  /** A sealed upgrade bundle (from `fleet upgrade --bundle`) to apply offline. */
  from?: string;
  /** With --from: the grantor's public key file, or the expected fingerprint. */
  key?: string;
  fingerprint?: string;
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
  continue?: boolean;
}

const shown = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/** The plan's lines (what changes, and why), conflicts with their keys. */
export function planLines(entries: readonly PlanEntry[], ctx: Pick<CliContext, 'lang'>): string {
  return entries
    .filter((e) => e.action !== 'unchanged')
    .map((e) => {
      let line = `${ACTION_WORDS[e.action][ctx.lang].padEnd(12)} ${e.path}  (${REASON_WORDS[e.reason][ctx.lang]})\n`;
      for (const k of e.conflict?.keys ?? []) {
        line += `${' '.repeat(15)}${k.pointer}` + ('local' in k || 'blueprint' in k ? `: ${pick(ctx.lang, 'setempat', 'local')} ${shown(k.local)}, blueprint ${shown(k.blueprint)}, ${pick(ctx.lang, 'dasar', 'base')} ${shown(k.base)}` : '') + '\n';
      }
      return line;
    })
    .join('');
}

export function summaryOf(p: UpgradePlanned, lang: CliContext['lang']): string {
  const c = p.plan.counts;
  return lang === 'id'
    ? `${c.create} dibuat, ${c.update} diperbarui, ${c.merge} digabung, ${c.delete} dihapus, ${c.keep} dipertahankan, ${c.unchanged} tetap, ${c.conflict} konflik`
    : `${c.create} created, ${c.update} updated, ${c.merge} merged, ${c.delete} deleted, ${c.keep} kept, ${c.unchanged} unchanged, ${c.conflict} conflicts`;
}

/** How the recipient settles what an upgrade left, in its words; `again` is the command to run again. */
export function resolveHint(dir: string, lang: CliContext['lang'], again = `eoffice upgrade ${dir}`): string {
  return lang === 'id'
    ? `cara menyelesaikan: sunting berkas bertanda <<<<<<< (pilih isinya, hapus penandanya), lalu jalankan \`${again}\` lagi;\n` +
        `  untuk konflik kunci YAML/JSON nilai setempat dipertahankan: ubah bila ingin nilai blueprint, lalu \`${again} --continue\`\n`
    : `to resolve: edit the files marked with <<<<<<< (keep what you want, remove the markers), then run \`${again}\` again;\n` +
        `  for YAML/JSON key conflicts the local value was kept: change it if you want the blueprint's, then run \`${again} --continue\`\n`;
}

export function planJson(p: UpgradePlanned, applied: boolean, extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    out: p.out,
    profile: p.profile,
    blueprints: p.lock.blueprints.map(({ name, version }) => ({ name, version })),
    changes: p.changes,
    applied,
    counts: p.plan.counts,
    entries: p.plan.entries.map(({ path, action, reason, policy, blueprint, conflict }) => ({ path, action, reason, policy, blueprint, ...(conflict ? { conflict } : {}) })),
    conflicts: p.conflicts.map((e) => e.path),
  };
}

/** Prints why a render could not be planned; returns the exit code. */
export async function reportNotPlanned(ctx: CliContext, outcome: Exclude<UpgradeOutcome, { kind: 'planned' }>, dir: string): Promise<number> {
  if (outcome.kind === 'no-lock') {
    throw new UsageError(
      pick(ctx.lang, `${dir} bukan keluaran eoffice (tidak ada ${LOCK_FILE})`, `${dir} is not an eoffice output (no ${LOCK_FILE})`),
      pick(ctx.lang, 'buat dulu dengan `eoffice generate PROFIL --out DIR`', 'generate it first with `eoffice generate PROFILE --out DIR`'),
    );
  }
  return printInvalidInput(ctx, outcome);
}

/** Runs the engine with progress; a blueprint that fails to render is an environment error (exit 2). */
export async function planWithProgress(ctx: CliContext, run: (p: Progress) => Promise<UpgradeOutcome>, quiet: boolean): Promise<UpgradeOutcome | number> {
  const progress: Progress = ctx.isInteractive && ctx.color && !quiet ? await terminalProgress(ctx, ['validate', 'blueprints', 'render', 'plan']) : plainProgress(ctx);
  try {
    return await run(progress);
  } catch (err) {
    if (err instanceof RenderError) {
      ctx.stderr(`${pick(ctx.lang, 'blueprint tidak dapat dirender', 'a blueprint failed to render')}:\n${err.message}\n`);
      return ExitCode.usage;
    }
    throw err;
  } finally {
    await progress.finish();
  }
}

/**
 * `eoffice upgrade DIR`: the plan first, then (on confirmation or --yes) the write. Exit 0 when the
 * tree is upgraded (or already was), 1 when conflicts remain (or the upgrade was declined),
 * 2 for usage and I/O errors, among them a non-interactive run without --yes.
 */
export async function runUpgrade(ctx: CliContext, dir: string, opts: UpgradeCliOptions, templatesDir = TEMPLATES_DIR, confirm: Confirm = confirmApply): Promise<number> {
  if (opts.from !== undefined) {
    const { runUpgradeFromBundle } = await import('./upgrade-from-bundle.js');
    return runUpgradeFromBundle(ctx, dir, { ...opts, from: opts.from }, confirm);
  }
  if (opts.key !== undefined || opts.fingerprint !== undefined) {
    throw new UsageError(pick(ctx.lang, '--key dan --fingerprint hanya berlaku bersama --from BUNDEL', '--key and --fingerprint only apply with --from BUNDLE'));
  }
  const planned = await planWithProgress(
    ctx,
    (progress) =>
      upgrade({
        out: dir,
        templatesDir,
        toolkitVersion: VERSION,
        lang: ctx.lang,
        env: ctx.env,
        onEvent: (e) => progress.onEvent(e),
        resolved: opts.continue === true,
        ...(opts.profile ? { profile: opts.profile } : {}),
      }),
    opts.json === true,
  );
  if (typeof planned === 'number') return planned;
  if (planned.kind !== 'planned') return reportNotPlanned(ctx, planned, dir);
  return presentAndApply(ctx, dir, planned, opts, confirm);
}

/**
 * The plan printed (or as JSON), then written on confirmation or --yes; shared by the re-rendering
 * upgrade and the one from a bundle. `again` is the command that resumes after conflicts.
 */
export async function presentAndApply(ctx: CliContext, dir: string, planned: UpgradePlanned, opts: UpgradeCliOptions, confirm: Confirm, more: { again?: string; json?: Record<string, unknown> } = {}): Promise<number> {
  const conflicted = planned.conflicts.length > 0;
  const finish = (applied: boolean): number => {
    if (opts.json) ctx.stdout(JSON.stringify(planJson(planned, applied, more.json), null, 2) + '\n');
    if (conflicted) {
      if (!opts.json) ctx.stderr(resolveHint(dir, ctx.lang, more.again));
      return ExitCode.invalid;
    }
    return ExitCode.ok;
  };
  if (!opts.json) ctx.stdout(planLines(planned.plan.entries, ctx));
  if (!planned.changes) {
    if (!opts.json) ctx.stdout(conflicted ? pick(ctx.lang, `${planned.conflicts.length} konflik belum diselesaikan\n`, `${planned.conflicts.length} conflicts are not resolved yet\n`) : pick(ctx.lang, `${dir} sudah mutakhir; tidak ada yang ditulis\n`, `${dir} is up to date; nothing to write\n`));
    return finish(false);
  }
  if (opts.dryRun) {
    if (!opts.json) ctx.stdout(pick(ctx.lang, `rencana (tidak ada yang ditulis): ${summaryOf(planned, 'id')}\n`, `plan (nothing written): ${summaryOf(planned, 'en')}\n`));
    return finish(false);
  }
  if (!opts.yes) {
    if (!ctx.isInteractive) {
      throw new UsageError(
        pick(ctx.lang, 'masukan standar bukan terminal: upgrade tidak dapat ditanyakan', 'standard input is not a terminal: cannot ask before upgrading'),
        pick(ctx.lang, 'tambahkan --yes untuk menerapkan rencana, atau --dry-run untuk hanya melihatnya', 'add --yes to apply the plan, or --dry-run to only see it'),
      );
    }
    const question = pick(ctx.lang, `Terapkan rencana ini pada ${dir}? (${summaryOf(planned, 'id')})`, `Apply this plan to ${dir}? (${summaryOf(planned, 'en')})`);
    if (!(await confirm(question, ctx.lang))) {
      ctx.stderr(pick(ctx.lang, 'dibatalkan; tidak ada yang ditulis\n', 'cancelled; nothing written\n'));
      return ExitCode.invalid;
    }
  }
  await planned.apply();
  if (!opts.json) {
    if (conflicted) ctx.stderr(pick(ctx.lang, `ditulis dengan ${planned.conflicts.length} konflik: ${summaryOf(planned, 'id')}\n`, `written with ${planned.conflicts.length} conflicts: ${summaryOf(planned, 'en')}\n`) + planLines(planned.conflicts, ctx));
    else ctx.stdout(`${summaryOf(planned, ctx.lang)}\n`);
  }
  return finish(true);
}
