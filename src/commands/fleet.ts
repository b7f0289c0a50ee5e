import { loadBlueprints } from '../blueprint/load.js';
import type { CliContext } from '../cli/context.js';
import { ExitCode, UsageError } from '../errors.js';
import type { LockFile } from '../generate/lock.js';
import { discoverRecipients, type Recipient } from '../fleet/discover.js';
import { grantSealer, type SealOutcome, type UpgradeSealer } from '../fleet/bundle.js';
import { parsePrivateKey } from '../grant/keys.js';
import { regionIndex } from '../region/decree.js';
import { recipientStatus, type RecipientStatus, type StatusResult } from '../fleet/status.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pick, type Lang } from '../i18n/lang.js';
import { VERSION } from '../main.js';
import { readLock, upgrade, type UpgradePlanned } from '../upgrade/upgrade.js';
import { TEMPLATES_DIR } from './generate.js';
import { planLines, planWithProgress, summaryOf } from './upgrade.js';
import { confirmApply, type Confirm } from './upgrade-prompts.js';

async function recipientsOf(ctx: CliContext, dirs: readonly string[]): Promise<Recipient[]> {
  const { recipients, empty } = await discoverRecipients(dirs);
  if (empty.length > 0) {
    throw new UsageError(
      pick(ctx.lang, `tidak ada penerima (eoffice.lock.json) di ${empty.join(', ')}`, `no recipient (eoffice.lock.json) in ${empty.join(', ')}`),
      pick(ctx.lang, 'susunan armada: <armada>/<penerima>/regency.yaml dan <armada>/<penerima>/out/', 'fleet layout: <fleet>/<recipient>/regency.yaml and <fleet>/<recipient>/out/'),
    );
  }
  return recipients;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd() + '\n').join('');
}

const PROFILE_WORDS: Record<RecipientStatus['profile']['state'], { id: string; en: string }> = {
  same: { id: 'sama', en: 'same' },
  changed: { id: 'berubah', en: 'changed' },
  missing: { id: 'hilang', en: 'missing' },
};

export function statusTable(results: readonly StatusResult[], lang: Lang): string {
  const head = lang === 'id' ? ['PENERIMA', 'BLUEPRINT', 'PROFIL', 'DRIFT', 'KONFLIK', 'UPGRADE'] : ['RECIPIENT', 'BLUEPRINTS', 'PROFILE', 'DRIFT', 'CONFLICTS', 'UPGRADE'];
  const rows = results.map((r) => {
    if (!r.ok) return [r.name, pick(lang, 'lock tidak terbaca', 'unreadable lock'), '', '', '', ''];
    const s = r.status;
    const bps = s.blueprints.map((b) => `${b.name} ${b.version}${b.behind ? `→${b.newest}` : ''}`).join(', ');
    return [s.name, bps, PROFILE_WORDS[s.profile.state][lang], String(s.drift.length), String(s.conflicts.length), s.upgradePending ? pick(lang, 'tertunda', 'pending') : pick(lang, 'mutakhir', 'current')];
  });
  return table([head, ...rows]);
}

/**
 * `eoffice fleet status DIR...`. Exit 0 when every recipient is current with no unresolved
 * conflict; 1 when an upgrade is pending somewhere (newer blueprints or toolkit, a changed
 * profile), a conflict is unresolved, or a lock is unreadable; 2 when a DIR holds no recipient.
 * Local drift alone is normal (recipients edit their copies) and is reported, not failed.
 */
export async function runFleetStatus(ctx: CliContext, dirs: readonly string[], opts: { json?: boolean }, templatesDir = TEMPLATES_DIR): Promise<number> {
  const recipients = await recipientsOf(ctx, dirs);
  const templates = await loadBlueprints(templatesDir, ctx.lang);
  const results: StatusResult[] = [];
  for (const r of recipients) results.push(await recipientStatus(r, templates, VERSION));
  const attention = results.some((r) => !r.ok || r.status.upgradePending || r.status.conflicts.length > 0);
  if (opts.json) {
    ctx.stdout(JSON.stringify({ toolkit: VERSION, recipients: results.map((r) => (r.ok ? r.status : { name: r.name, tree: r.tree, error: 'unreadable-lock' })) }, null, 2) + '\n');
  } else {
    ctx.stdout(statusTable(results, ctx.lang));
    const pending = results.filter((r) => r.ok && r.status.upgradePending).length;
    ctx.stdout(pick(ctx.lang, `${results.length} penerima, ${pending} menunggu upgrade\n`, `${results.length} recipients, ${pending} with an upgrade pending\n`));
  }
  return attention ? ExitCode.invalid : ExitCode.ok;
}

export interface FleetUpgradeOptions {
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
  bundle?: string;
  /** The grantor's Ed25519 private key (file): required with --bundle. */
  key?: string;
  release?: string;
  ledger?: string;
}

type Outcome =
  | { name: string; state: 'current' | 'upgraded' | 'conflicts' | 'invalid'; plan?: UpgradePlanned; previous?: LockFile; bundle?: SealOutcome; message?: string };

/** The sealer for --bundle: grant pack with the grantor's key; every usage error before any write. */
async function sealerFor(ctx: CliContext, opts: FleetUpgradeOptions): Promise<UpgradeSealer | undefined> {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  if (!opts.bundle) {
    if (opts.key || opts.release || opts.ledger) throw new UsageError(L('--key, --release dan --ledger hanya berlaku bersama --bundle', '--key, --release and --ledger only apply with --bundle'));
    return undefined;
  }
  if (!opts.key) {
    throw new UsageError(
      L('--bundle membutuhkan --key: bundel tanpa tanda tangan tidak dapat dipercaya secara luring (penerima tidak dapat membuktikan asalnya)', '--bundle needs --key: an unsigned bundle cannot be trusted offline (the recipient cannot tell where it came from)'),
      L('buat kunci dengan `eoffice grant keygen --out DIR`, lalu tambahkan --key DIR/hibah-ed25519.key', 'make a key with `eoffice grant keygen --out DIR`, then add --key DIR/hibah-ed25519.key'),
    );
  }
  let privateKeyPem: string;
  try {
    privateKeyPem = await readFile(resolve(ctx.cwd, opts.key), 'utf8');
    parsePrivateKey(privateKeyPem);
  } catch (err) {
    throw new UsageError(L(`kunci privat ${opts.key} tidak dapat dipakai (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, `the private key ${opts.key} cannot be used (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`), L('buat dengan `eoffice grant keygen --out DIR`', 'make one with `eoffice grant keygen --out DIR`'));
  }
  if (opts.release !== undefined && (!/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(opts.release) || opts.release.includes('..') || opts.release.endsWith('.lock'))) {
    throw new UsageError(L(`versi "${opts.release}" tidak dapat menjadi nama tag git`, `release "${opts.release}" cannot be part of a git tag name`));
  }
  return grantSealer({ privateKeyPem, lang: ctx.lang, region: regionIndex, ...(opts.release ? { release: opts.release } : {}), ...(opts.ledger ? { ledger: resolve(ctx.cwd, opts.ledger) } : {}) });
}

/**
 * `eoffice fleet upgrade DIR...`: plans every recipient, applies those that go through cleanly
 * (after one confirmation, or --yes), and stops at the ones with conflicts, which are reported and
 * left untouched (run `eoffice upgrade` on each). Exit 0 when every recipient is current or
 * upgraded; 1 when any stopped; 2 for usage errors (a non-interactive run without --yes).
 */
export async function runFleetUpgrade(ctx: CliContext, dirs: readonly string[], opts: FleetUpgradeOptions, templatesDir = TEMPLATES_DIR, confirm: Confirm = confirmApply, sealerOverride?: UpgradeSealer): Promise<number> {
  const sealer = sealerOverride ?? (await sealerFor(ctx, opts));
  const recipients = await recipientsOf(ctx, dirs);
  const outcomes: Outcome[] = [];
  for (const r of recipients) {
    const planned = await planWithProgress({ ...ctx, isInteractive: false, stderr: () => undefined }, () => upgrade({ out: r.tree, templatesDir, toolkitVersion: VERSION, lang: ctx.lang, env: ctx.env }), true);
    if (typeof planned === 'number' || planned.kind !== 'planned') {
      outcomes.push({ name: r.name, state: 'invalid', message: typeof planned === 'number' ? 'render' : planned.kind });
      continue;
    }
    const previous = (await readLock(r.tree))?.lock;
    outcomes.push({ name: r.name, state: planned.conflicts.length > 0 ? 'conflicts' : planned.changes ? 'upgraded' : 'current', plan: planned, ...(previous ? { previous } : {}) });
  }
  const toApply = outcomes.filter((o) => o.state === 'upgraded');
  if (!opts.json) {
    for (const o of outcomes) {
      const what = o.state === 'invalid' ? pick(ctx.lang, `tidak dapat direncanakan (${o.message})`, `cannot be planned (${o.message})`) : o.state === 'current' ? pick(ctx.lang, 'sudah mutakhir', 'up to date') : summaryOf(o.plan!, ctx.lang);
      ctx.stdout(`${o.name}: ${what}\n`);
      if (o.state === 'conflicts') ctx.stdout(planLines(o.plan!.conflicts, ctx).replace(/^/gm, '  '));
    }
  }
  let applied = false;
  if (toApply.length > 0 && !opts.dryRun) {
    if (!opts.yes) {
      if (!ctx.isInteractive) {
        throw new UsageError(
          pick(ctx.lang, 'masukan standar bukan terminal: upgrade armada tidak dapat ditanyakan', 'standard input is not a terminal: cannot ask before upgrading the fleet'),
          pick(ctx.lang, 'tambahkan --yes untuk menerapkan, atau --dry-run untuk hanya melihat rencananya', 'add --yes to apply, or --dry-run to only see the plans'),
        );
      }
      applied = await confirm(pick(ctx.lang, `Upgrade ${toApply.length} penerima?`, `Upgrade ${toApply.length} recipients?`), ctx.lang);
    } else applied = true;
    if (applied) {
      for (const o of toApply) {
        await o.plan!.apply();
        if (opts.bundle && sealer) o.bundle = await sealer.seal({ recipient: o.name, tree: o.plan!.out, lock: o.plan!.lock, previous: o.previous, outDir: resolve(ctx.cwd, opts.bundle) });
      }
    }
  }
  const stopped = outcomes.filter((o) => o.state === 'conflicts' || o.state === 'invalid');
  if (opts.json) {
    ctx.stdout(JSON.stringify({
      applied,
      recipients: outcomes.map((o) => ({
        name: o.name,
        state: o.state === 'upgraded' && !applied ? 'pending' : o.state,
        ...(o.plan ? { tree: o.plan.out, counts: o.plan.plan.counts, conflicts: o.plan.conflicts.map((c) => c.path) } : {}),
        ...(o.bundle?.kind === 'sealed' ? { bundle: { file: o.bundle.bundle, sha256: o.bundle.sha256, release: o.bundle.release, tag: o.bundle.tag } } : {}),
        ...(o.bundle?.kind === 'refused' ? { bundleRefused: o.bundle.reason } : {}),
      })),
    }, null, 2) + '\n');
  } else {
    if (applied) ctx.stdout(pick(ctx.lang, `${toApply.length} penerima di-upgrade\n`, `${toApply.length} recipients upgraded\n`));
    for (const o of toApply) {
      if (o.bundle?.kind === 'sealed') ctx.stdout(pick(ctx.lang, `${o.name}: bundel ${o.bundle.bundle} (tag ${o.bundle.tag})\n`, `${o.name}: bundle ${o.bundle.bundle} (tag ${o.bundle.tag})\n`));
      if (o.bundle?.kind === 'refused') ctx.stderr(pick(ctx.lang, `${o.name}: tidak ada bundel: ${o.bundle.reason}\n`, `${o.name}: no bundle: ${o.bundle.reason}\n`));
    }
    if (stopped.length > 0) ctx.stderr(pick(ctx.lang, `berhenti pada ${stopped.map((o) => o.name).join(', ')}: jalankan \`eoffice upgrade\` pada masing-masing\n`, `stopped at ${stopped.map((o) => o.name).join(', ')}: run \`eoffice upgrade\` on each\n`));
  }
  if (toApply.length > 0 && !applied && !opts.dryRun) return ExitCode.invalid;
  const refused = toApply.some((o) => o.bundle?.kind === 'refused');
  return stopped.length > 0 || refused ? ExitCode.invalid : ExitCode.ok;
}
