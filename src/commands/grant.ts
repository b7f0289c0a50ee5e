/**
 * `eoffice grant keygen | pack | verify | list`: argument mapping and output only; the work is in
 * src/grant/.
 */
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { CheckFailed, ExitCode, UsageError } from '../errors.js';
import { pick, type Bilingual, say } from '../i18n/lang.js';
import { regionIndex } from '../region/decree.js';
import { generateSigningKeyPair, fingerprint } from '../grant/keys.js';
import { describeLeak, formatLeak, type LeakFinding } from '../grant/leaks.js';
import { LedgerError, readLedger } from '../grant/ledger.js';
import type { VerifyCode, VerifyFinding } from '../grant/verify.js';

export const PRIVATE_KEY_FILE = 'hibah-ed25519.key';
export const PUBLIC_KEY_FILE = 'hibah-ed25519.pub';

async function readInput(ctx: CliContext, file: string, what: Bilingual): Promise<string> {
  try {
    return await readFile(resolve(ctx.cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UsageError(pick(ctx.lang, `${what.id} ${file} tidak dapat dibaca (${code})`, `cannot read ${what.en} ${file} (${code})`));
  }
}

export interface KeygenOptions {
  out: string;
  force?: boolean;
  json?: boolean;
}

export async function runGrantKeygen(ctx: CliContext, opts: KeygenOptions): Promise<number> {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  const dir = resolve(ctx.cwd, opts.out);
  await mkdir(dir, { recursive: true });
  const pair = generateSigningKeyPair();
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  const write = async (path: string, text: string, mode: number) => {
    let handle;
    try {
      handle = await open(path, opts.force ? 'w' : 'wx', mode);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new UsageError(L(`${path} sudah ada; kunci lama tidak ditimpa`, `${path} already exists; the old key is not overwritten`), L('pakai --force bila memang ingin mengganti kunci', 'use --force if you really mean to replace the key'));
      throw new UsageError(L(`${path} tidak dapat ditulis (${code})`, `cannot write ${path} (${code})`));
    }
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    await chmod(path, mode);
  };
  await write(privatePath, pair.privateKey, 0o600);
  await write(publicPath, pair.publicKey, 0o644);
  const fp = fingerprint(pair.publicKey);
  if (opts.json) ctx.stdout(JSON.stringify({ privateKey: privatePath, publicKey: publicPath, fingerprint: fp }, null, 2) + '\n');
  else {
    ctx.stdout(L(`kunci privat: ${privatePath} (mode 0600; simpan, jangan dibagikan, jangan masuk bundel)\n`, `private key: ${privatePath} (mode 0600; keep it, never share it, never put it in a bundle)\n`));
    ctx.stdout(L(`kunci publik: ${publicPath}\n`, `public key: ${publicPath}\n`));
    ctx.stdout(L(`sidik jari: ${fp}\n`, `fingerprint: ${fp}\n`));
  }
  return ExitCode.ok;
}

export interface PackCliOptions {
  out: string;
  key: string;
  profile?: string;
  release?: string;
  ledger: string | false;
  json?: boolean;
}

const STEP_WORDS: Record<string, Bilingual> = {
  stage: { id: 'Menyusun pohon sumber', en: 'Staging the source tree' },
  scan: { id: 'Memeriksa kebocoran', en: 'Scanning for leaks' },
  git: { id: 'Commit, tag dan bundel git', en: 'Commit, tag and git bundle' },
  documents: { id: 'SBOM dan dokumen serah terima', en: 'SBOMs and handover documents' },
  seal: { id: 'Checksum, manifest, tanda tangan, tar.gz', en: 'Checksums, manifest, signature, tar.gz' },
  ledger: { id: 'Mencatat di buku hibah', en: 'Recording in the ledger' },
};

function leakJson(f: LeakFinding, lang: CliContext['lang']) {
  return { file: f.file, line: f.line, column: f.column, kind: f.kind, detail: f.detail, message: describeLeak(f, lang) };
}

export async function runGrantPack(ctx: CliContext, dir: string, opts: PackCliOptions): Promise<number> {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  const keyFile = resolve(ctx.cwd, opts.key);
  const privateKeyPem = await readInput(ctx, opts.key, { id: 'kunci privat', en: 'the private key' });
  const st = await stat(keyFile);
  if ((st.mode & 0o077) !== 0 && !opts.json) ctx.stderr(L(`peringatan: ${opts.key} dapat dibaca pengguna lain (mode ${(st.mode & 0o777).toString(8)}); jalankan chmod 600\n`, `warning: ${opts.key} is readable by other users (mode ${(st.mode & 0o777).toString(8)}); run chmod 600\n`));
  try {
    if (!(await stat(resolve(ctx.cwd, dir))).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new UsageError(L(`${dir} bukan folder keluaran generate`, `${dir} is not a generated output folder`));
  }
  const source = resolve(ctx.cwd, dir);
  const out = resolve(ctx.cwd, opts.out);
  if (out === source || out.startsWith(source + sep)) {
    throw new UsageError(L(`--out ${opts.out} berada di dalam ${dir}; bundel berikutnya akan memuat bundel ini`, `--out ${opts.out} is inside ${dir}; the next bundle would carry this one`), L('tulis bundel di luar folder keluaran', 'write the bundle outside the output folder'));
  }
  const { pack } = await import('../grant/pack.js');
  const outcome = await pack({
    dir: source,
    out,
    privateKeyPem,
    ...(opts.profile ? { profile: resolve(ctx.cwd, opts.profile) } : {}),
    ...(opts.release ? { release: opts.release } : {}),
    ...(opts.ledger !== false ? { ledger: resolve(ctx.cwd, opts.ledger) } : {}),
    lang: ctx.lang,
    region: regionIndex,
    onStep: opts.json ? undefined : (s) => ctx.stderr(`… ${STEP_WORDS[s] ? say(STEP_WORDS[s], ctx.lang) : s}\n`),
  });
  if (outcome.kind === 'leaks') {
    if (opts.json) ctx.stdout(JSON.stringify({ ok: false, leaks: outcome.findings.map((f) => leakJson(f, ctx.lang)) }, null, 2) + '\n');
    else {
      for (const f of outcome.findings) ctx.stderr(`${formatLeak(f, ctx.lang)}\n`);
      ctx.stderr(L(
        `bundel ditolak: ${outcome.findings.length} kebocoran (rahasia, kunci privat, atau nama/kode daerah lain); tidak ada yang ditulis\n`,
        `bundle refused: ${outcome.findings.length} leak(s) (secrets, private keys, or another regency's name or code); nothing was written\n`,
      ));
      ctx.stderr(L(
        'saran: hapus atau perbaiki berkas tersebut (berkas rahasia yang di-.gitignore tidak pernah dikemas), lalu jalankan pack lagi\n',
        'hint: remove or fix those files (git-ignored secret files are never packed), then pack again\n',
      ));
    }
    return ExitCode.invalid;
  }
  const m = outcome.manifest;
  if (opts.json) {
    ctx.stdout(JSON.stringify({ ok: true, bundle: outcome.bundle, sha256: outcome.sha256, files: outcome.files, tag: m.source.tag, commit: m.source.commit, fingerprint: m.key.fingerprint, recipient: m.recipient, apps: m.apps.map((a) => ({ name: a.title, version: a.version, tree: a.tree })), ledger: outcome.ledger ?? null }, null, 2) + '\n');
  } else {
    ctx.stdout(L(`bundel: ${outcome.bundle} (${outcome.files} berkas)\n`, `bundle: ${outcome.bundle} (${outcome.files} files)\n`));
    ctx.stdout(`sha256: ${outcome.sha256}\n`);
    ctx.stdout(`tag: ${m.source.tag}  commit: ${m.source.commit}\n`);
    ctx.stdout(L(`sidik jari kunci: ${m.key.fingerprint}\n`, `key fingerprint: ${m.key.fingerprint}\n`));
    if (m.source.editedSinceGenerate.length > 0) ctx.stderr(L(`catatan: ${m.source.editedSinceGenerate.length} berkas diubah sejak generate (tercatat di manifest): ${m.source.editedSinceGenerate.join(', ')}\n`, `note: ${m.source.editedSinceGenerate.length} file(s) edited since generate (recorded in the manifest): ${m.source.editedSinceGenerate.join(', ')}\n`));
    if (outcome.ledger) ctx.stdout(outcome.ledger.added ? L(`dicatat di ${outcome.ledger.file}\n`, `recorded in ${outcome.ledger.file}\n`) : L(`sudah tercatat di ${outcome.ledger.file}\n`, `already recorded in ${outcome.ledger.file}\n`));
  }
  return ExitCode.ok;
}

const VERIFY_WORDS: Record<VerifyCode, Bilingual> = {
  unreadable: { id: 'tidak dapat dibaca', en: 'cannot be read' },
  'odd-entry': { id: 'bukan berkas biasa (tautan atau perangkat) di dalam bundel', en: 'not a regular file (a link or device) in the bundle' },
  missing: { id: 'hilang: tercatat tetapi tidak ada di bundel', en: 'missing: listed but not in the bundle' },
  extra: { id: 'berkas tambahan: ada di bundel tetapi tidak tercatat di SHA256SUMS', en: 'extra file: in the bundle but not listed in SHA256SUMS' },
  checksum: { id: 'isi berubah: SHA-256 tidak sama dengan SHA256SUMS', en: 'content changed: its SHA-256 differs from SHA256SUMS' },
  'sums-line': { id: 'baris {line} bukan "<sha256>  <path>"', en: 'line {line} is not "<sha256>  <path>"' },
  'sums-digest': { id: 'SHA256SUMS berubah: digest-nya tidak sama dengan yang tercatat di manifest.json', en: 'SHA256SUMS changed: its digest differs from the one recorded in manifest.json' },
  manifest: { id: 'manifest tidak sah ({reason})', en: 'invalid manifest ({reason})' },
  signature: { id: 'tanda tangan tidak cocok dengan manifest.json untuk kunci {fingerprint} (manifest diubah atau tanda tangan ditukar)', en: 'the signature does not match manifest.json for key {fingerprint} (manifest edited or signature swapped)' },
  'no-key': { id: 'tidak ada kunci publik: berikan --key FILE', en: 'no public key: give --key FILE' },
  'bad-key': { id: 'kunci publik tidak dapat dipakai ({reason})', en: 'the public key cannot be used ({reason})' },
  fingerprint: { id: 'sidik jari kunci {actual} bukan {expected}', en: 'key fingerprint {actual} is not {expected}' },
  'git-bundle': { id: 'bundel git rusak ({reason})', en: 'damaged git bundle ({reason})' },
  'tag-missing': { id: 'tag {tag} tidak ada di bundel git', en: 'tag {tag} is not in the git bundle' },
  'tag-lightweight': { id: 'tag {tag} bukan tag beranotasi', en: 'tag {tag} is not an annotated tag' },
  'tag-moved': { id: 'tag {tag} menunjuk ke {actual}, manifest mencatat {expected}', en: 'tag {tag} points at {actual}, the manifest records {expected}' },
  'tag-object': { id: 'tag {tag} dibuat ulang: objek tag {actual}, manifest mencatat {expected}', en: 'tag {tag} was re-made: tag object {actual}, the manifest records {expected}' },
  tree: { id: 'tree commit {commit} adalah {actual}, manifest mencatat {expected}', en: 'the tree of commit {commit} is {actual}, the manifest records {expected}' },
  'source-differs': { id: 'berbeda dari isi commit {commit}', en: 'differs from commit {commit}' },
  'source-missing': { id: 'ada di commit {commit} tetapi tidak di source/', en: 'in commit {commit} but not in source/' },
  'source-extra': { id: 'ada di source/ tetapi tidak di commit {commit}', en: 'in source/ but not in commit {commit}' },
  leak: { id: 'kebocoran di {line}:{column}: {detail}', en: 'leak at {line}:{column}: {detail}' },
};

export function verifyMessage(f: VerifyFinding, lang: CliContext['lang']): string {
  return say(VERIFY_WORDS[f.code], lang, f.leak ? { ...f.params, detail: describeLeak(f.leak, lang) } : f.params);
}

export interface VerifyCliOptions {
  key?: string;
  fingerprint?: string;
  json?: boolean;
}

export async function runGrantVerify(ctx: CliContext, bundle: string, opts: VerifyCliOptions): Promise<number> {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  const path = resolve(ctx.cwd, bundle);
  try {
    await stat(path);
  } catch {
    throw new UsageError(L(`bundel ${bundle} tidak ada`, `bundle ${bundle} does not exist`));
  }
  const publicKeyPem = opts.key ? await readInput(ctx, opts.key, { id: 'kunci publik', en: 'the public key' }) : undefined;
  const { verifyBundle } = await import('../grant/verify.js');
  let report;
  try {
    report = await verifyBundle({ bundle: path, ...(publicKeyPem ? { publicKeyPem } : {}), ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}) });
  } catch (err) {
    throw new CheckFailed(L(`${bundle} bukan bundel hibah yang dapat dibaca (${(err as Error).message})`, `${bundle} is not a readable grant bundle (${(err as Error).message})`));
  }
  if (opts.json) {
    ctx.stdout(JSON.stringify({
      ok: report.ok,
      bundle,
      files: report.files,
      key: report.key ?? null,
      recipient: report.manifest?.recipient ?? null,
      tag: report.manifest?.source.tag ?? null,
      commit: report.manifest?.source.commit ?? null,
      findings: report.findings.map((f) => ({ file: f.file, code: f.code, message: verifyMessage(f, ctx.lang) })),
    }, null, 2) + '\n');
  } else {
    for (const f of report.findings) ctx.stderr(`${f.file}: ${verifyMessage(f, ctx.lang)}\n`);
    if (report.key) {
      const from = report.key.source === 'option' ? L('dari --key', 'from --key') : L('dari BAST di dalam bundel; cocokkan dengan BAST bertanda tangan', 'from the BAST inside the bundle; compare it with the signed BAST');
      ctx.stdout(L(`kunci: ${report.key.fingerprint} (${from})\n`, `key: ${report.key.fingerprint} (${from})\n`));
    }
    if (report.ok) {
      const m = report.manifest!;
      ctx.stdout(L(
        `sah: ${report.files} berkas utuh, tanda tangan cocok, tag ${m.source.tag} pada commit ${m.source.commit} (${m.recipient.name})\n`,
        `valid: ${report.files} files intact, signature matches, tag ${m.source.tag} at commit ${m.source.commit} (${m.recipient.name})\n`,
      ));
    } else {
      ctx.stderr(L(`bundel TIDAK sah: ${report.findings.length} temuan\n`, `bundle NOT valid: ${report.findings.length} finding(s)\n`));
    }
  }
  return report.ok ? ExitCode.ok : ExitCode.invalid;
}

export interface ListCliOptions {
  ledger: string;
  json?: boolean;
}

export async function runGrantList(ctx: CliContext, opts: ListCliOptions): Promise<number> {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  let ledger;
  try {
    ledger = await readLedger(resolve(ctx.cwd, opts.ledger));
  } catch (err) {
    if (err instanceof LedgerError) throw new CheckFailed(err.message);
    throw new UsageError(L(`${opts.ledger} tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? String(err)})`, `cannot read ${opts.ledger} (${(err as NodeJS.ErrnoException).code ?? String(err)})`));
  }
  if (opts.json) {
    ctx.stdout(JSON.stringify({ ledger: opts.ledger, grants: ledger.grants }, null, 2) + '\n');
    return ExitCode.ok;
  }
  if (ledger.grants.length === 0) {
    ctx.stdout(L(`belum ada hibah tercatat di ${opts.ledger}\n`, `no grants recorded in ${opts.ledger}\n`));
    return ExitCode.ok;
  }
  const header = [L('tanggal', 'date'), L('penerima', 'recipient'), L('versi', 'version'), L('aplikasi', 'apps'), 'commit', 'sha256'];
  const rows = ledger.grants.map((g) => [g.date, `${g.recipient.code} ${g.recipient.name}`, g.version, g.apps.map((a) => `${a.name} ${a.version}`).join(', '), g.commit.slice(0, 12), g.bundle.sha256.slice(0, 16)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ') + '\n';
  ctx.stdout(line(header) + rows.map(line).join(''));
  return ExitCode.ok;
}
