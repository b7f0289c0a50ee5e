/**
 * `eoffice upgrade DIR --from BUNDLE`: argument mapping and messages; the work is in
 * src/upgrade/from-bundle.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { CheckFailed, ExitCode, UsageError } from '../errors.js';
import { PROFILE_FILE } from '../grant/manifest.js';
import { pick } from '../i18n/lang.js';
import { upgradeFromBundle, type BundleWarning } from '../upgrade/from-bundle.js';
import { verifyMessage } from './grant.js';
import { presentAndApply, reportNotPlanned, type UpgradeCliOptions } from './upgrade.js';
import type { Confirm } from './upgrade-prompts.js';

function warningText(w: BundleWarning, ctx: CliContext, bundle: string): string {
  if (w.kind === 'profile-differs') {
    return pick(ctx.lang,
      `peringatan: profil di dalam bundel (${PROFILE_FILE}) berbeda dari ${w.profile}; bundel dirender dari profilnya, ${w.profile} tidak diubah: sesuaikan sendiri (lihat \`tar -xzf ${bundle}\`)\n`,
      `warning: the bundle's profile (${PROFILE_FILE}) differs from ${w.profile}; the bundle was rendered from its own, ${w.profile} was not changed: reconcile it yourself (see \`tar -xzf ${bundle}\`)\n`);
  }
  return pick(ctx.lang,
    `peringatan: berkas rahasia ${w.path} baru pada versi ini dan tidak dibawa bundel; isinya dibuat oleh \`eoffice generate\` atau diisi sendiri\n`,
    `warning: the secret file ${w.path} is new in this version and a bundle never carries secrets; make it with \`eoffice generate\` or fill it in yourself\n`);
}

export async function runUpgradeFromBundle(ctx: CliContext, dir: string, opts: UpgradeCliOptions & { from: string }, confirm: Confirm): Promise<number> {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  const bundle = resolve(ctx.cwd, opts.from);
  if (!(await stat(bundle).catch(() => undefined))) throw new UsageError(L(`bundel ${opts.from} tidak ada`, `bundle ${opts.from} does not exist`));
  let publicKeyPem: string | undefined;
  if (opts.key) {
    try {
      publicKeyPem = await readFile(resolve(ctx.cwd, opts.key), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new UsageError(L(`kunci publik ${opts.key} tidak dapat dibaca (${code})`, `cannot read the public key ${opts.key} (${code})`));
    }
  }
  let outcome;
  try {
    outcome = await upgradeFromBundle({
      out: resolve(ctx.cwd, dir),
      bundle,
      resolved: opts.continue === true,
      ...(publicKeyPem ? { publicKeyPem } : {}),
      ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}),
      ...(opts.profile ? { profile: resolve(ctx.cwd, opts.profile) } : {}),
    });
  } catch (err) {
    if (err instanceof UsageError || err instanceof CheckFailed) throw err;
    throw new CheckFailed(L(`${opts.from} bukan bundel hibah yang dapat dibaca (${(err as Error).message}); tidak ada yang ditulis`, `${opts.from} is not a readable grant bundle (${(err as Error).message}); nothing written`));
  }
  switch (outcome.kind) {
    case 'no-lock':
      return reportNotPlanned(ctx, outcome, dir);
    case 'not-verified': {
      const findings = outcome.report.findings;
      if (opts.json) {
        ctx.stdout(JSON.stringify({ out: resolve(ctx.cwd, dir), applied: false, refused: 'not-verified', bundle: opts.from, findings: findings.map((f) => ({ file: f.file, code: f.code, message: verifyMessage(f, ctx.lang) })) }, null, 2) + '\n');
        return ExitCode.invalid;
      }
      for (const f of findings) ctx.stderr(`${opts.from}: ${f.file}: ${verifyMessage(f, ctx.lang)}\n`);
      throw new CheckFailed(L(`bundel ${opts.from} TIDAK sah (${findings.length} temuan, sama seperti \`eoffice grant verify\`); upgrade ditolak, tidak ada yang ditulis`, `bundle ${opts.from} is NOT valid (${findings.length} finding(s), as \`eoffice grant verify\` reports); upgrade refused, nothing written`));
    }
    case 'no-profile':
      throw new UsageError(
        L(`profil ${outcome.profile} tidak dapat dibaca untuk memeriksa kode daerah bundel`, `cannot read the profile ${outcome.profile} to check the bundle's region code`),
        L('sebutkan profil penerima dengan --profile FILE', "name the recipient's profile with --profile FILE"),
      );
    case 'other-regency':
      throw new CheckFailed(L(
        `bundel ${opts.from} untuk ${outcome.bundle.code} ${outcome.bundle.name}, sedangkan ${dir} milik ${outcome.local.code} ${outcome.local.name}; upgrade ditolak, tidak ada yang ditulis`,
        `bundle ${opts.from} is for ${outcome.bundle.code} ${outcome.bundle.name}, but ${dir} belongs to ${outcome.local.code} ${outcome.local.name}; upgrade refused, nothing written`));
    case 'older':
      throw new CheckFailed(L(
        `bundel ${opts.from} membawa ${outcome.blueprint} ${outcome.bundle}, lebih lama daripada ${outcome.local} yang dipakai ${dir}; upgrade ditolak (bukan penurunan versi), tidak ada yang ditulis`,
        `bundle ${opts.from} carries ${outcome.blueprint} ${outcome.bundle}, older than the ${outcome.local} that ${dir} runs; upgrade refused (no downgrades), nothing written`));
    case 'not-an-upgrade':
      throw new CheckFailed(L(`bundel ${opts.from} bukan bundel keluaran eoffice: ${outcome.path} tidak ada; tidak ada yang ditulis`, `bundle ${opts.from} is not an eoffice output bundle: ${outcome.path} is missing; nothing written`));
    case 'planned':
      break;
  }
  const m = outcome.manifest;
  if (!opts.json) {
    ctx.stdout(L(`bundel sah: ${m.recipient.name} (${m.recipient.code}), tag ${m.source.tag}, kunci ${m.key.fingerprint}\n`, `bundle valid: ${m.recipient.name} (${m.recipient.code}), tag ${m.source.tag}, key ${m.key.fingerprint}\n`));
    if (!opts.key && !opts.fingerprint) ctx.stderr(L('catatan: kunci diambil dari BAST di dalam bundel; cocokkan sidik jarinya dengan BAST bertanda tangan, atau berikan --key/--fingerprint\n', 'note: the key was taken from the BAST inside the bundle; compare its fingerprint with the signed BAST, or give --key/--fingerprint\n'));
    for (const w of outcome.warnings) ctx.stderr(warningText(w, ctx, opts.from));
  }
  const again = `eoffice upgrade ${dir} --from ${opts.from}`;
  return presentAndApply(ctx, dir, outcome, opts, confirm, {
    again,
    json: { bundle: { file: opts.from, recipient: m.recipient, release: m.grant.version, tag: m.source.tag, commit: m.source.commit, fingerprint: m.key.fingerprint }, warnings: outcome.warnings },
  });
}
