/**
 * `grant pack`: from a generated tree to a sealed, verifiable bundle.
 *
 *   read the lock and the profile it names (digest must match) ─▶ stage the tree in a new git
 *   repository (its .gitignore applies; generated secrets never enter; of .eoffice/ only the base) ─▶ leak scan (stop here on
 *   any finding) ─▶ commit + annotated tag + git bundle ─▶ SBOMs, BAST and agreement (MD, DOCX)
 *   ─▶ SHA256SUMS ─▶ manifest.json ─▶ Ed25519 signature ─▶ tar.gz ─▶ ledger
 *
 * Bundle layout (under one top-level folder `hibah-<code>-<version>/`):
 *   manifest.json, manifest.json.sig, SHA256SUMS, source.bundle (git), source/ (the committed files),
 *   profile/regency.yaml, docs/hibah/*.md|docx, sbom/<app>.cdx.json
 */
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CheckFailed, UsageError } from '../errors.js';
import { parseLock, LOCK_FILE, type LockFile } from '../generate/lock.js';
import { parseSecrets, SECRETS_FILE } from '../generate/secrets.js';
import { pick, type Lang } from '../i18n/lang.js';
import { parseYamlText } from '../profile/load.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import type { RegionIndex } from '../region/decree.js';
import { formatSums, sha256Hex, SUMS_FILE } from './checksums.js';
import { agreementDocument, bastDocument, grantDate, toMarkdown, type HandoverApp } from './documents.js';
import { toDocx } from './docx.js';
import { sealRepo, stageTree, type GitIdentity } from './git.js';
import { fingerprint, KeyError, parsePrivateKey, publicKeyOf, signBytes } from './keys.js';
import { blockLines, scanForLeaks, type LeakFinding, type ScanFile } from './leaks.js';
import { appendLedger, LedgerError, type LedgerEntry } from './ledger.js';
import { BUNDLE_FILE, MANIFEST_FILE, MANIFEST_VERSION, PROFILE_FILE, serializeManifest, SIGNATURE_FILE, type GrantManifest, type ManifestApp } from './manifest.js';
import { appSbom, type AppManifest, type NpmLock } from './sbom.js';
import { writeTarball, type BundleFile } from './tarball.js';

/** Blueprints that are applications, with the title the documents use and their folder. */
export const APP_BLUEPRINTS: Readonly<Record<string, { key: string; title: string; dir: string }>> = {
  eoffice: { key: 'eoffice', title: 'e-Office', dir: 'eoffice' },
  'eoffice-desa': { key: 'eofficeDesa', title: 'e-Office Desa', dir: 'eoffice-desa' },
  esakip: { key: 'esakip', title: 'e-SAKIP', dir: 'esakip' },
  'app-runtime': { key: 'runtime', title: 'runtime', dir: 'runtime' },
};



export interface PackOptions {
  dir: string;
  out: string;
  privateKeyPem: string;
  profile?: string;
  release?: string;
  ledger?: string;
  lang: Lang;
  region: () => RegionIndex;
  onStep?: (step: string) => void;
}

export type PackOutcome =
  | { kind: 'leaks'; findings: LeakFinding[] }
  | { kind: 'packed'; bundle: string; sha256: string; manifest: GrantManifest; files: number; ledger?: { file: string; added: boolean } };

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * `KEY=value` lines of a generated `.env` whose name says secret (password, key, token), with a
 * value long enough to tell from ordinary text, by `file:KEY`. Other lines (TZ, DB_HOST) are settings.
 */
function envValues(file: string, text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*['"]?([^'"\s#]*)/.exec(line);
    if (m && /PASS|SECRET|KEY|TOKEN|CREDENTIAL/i.test(m[1]!) && m[2]!.length >= 12) out.push([`${file}:${m[1]}`, m[2]!]);
  }
  return out;
}

async function loadInputs(opts: PackOptions): Promise<{ lock: LockFile; profile: RegencyProfile; profileBytes: Buffer; profileFile: string }> {
  const L = (id: string, en: string) => pick(opts.lang, id, en);
  const lockText = await readText(join(opts.dir, LOCK_FILE));
  if (lockText === undefined) throw new UsageError(L(`${opts.dir} bukan keluaran generate: ${LOCK_FILE} tidak ada`, `${opts.dir} is not a generated tree: no ${LOCK_FILE}`), L('jalankan `eoffice generate regency.yaml --out DIR` dahulu', 'run `eoffice generate regency.yaml --out DIR` first'));
  const lock = parseLock(lockText);
  if (!lock) throw new UsageError(L(`${LOCK_FILE} di ${opts.dir} tidak dapat dibaca`, `${LOCK_FILE} in ${opts.dir} cannot be read`));
  const profileFile = opts.profile ?? resolve(opts.dir, lock.profile.path);
  let profileBytes: Buffer;
  try {
    profileBytes = await readFile(profileFile);
  } catch {
    throw new UsageError(L(`profil ${profileFile} tidak dapat dibaca`, `cannot read the profile ${profileFile}`), L('sebutkan dengan --profile FILE', 'name it with --profile FILE'));
  }
  if (`sha256:${sha256Hex(profileBytes)}` !== lock.profile.digest) {
    throw new CheckFailed(L(`profil ${profileFile} berubah sejak ${opts.dir} dibuat; jalankan generate lagi sebelum pack`, `the profile ${profileFile} changed since ${opts.dir} was generated; generate again before packing`));
  }
  const loaded = parseYamlText(profileFile, profileBytes, opts.lang);
  if (!loaded.ok) throw new CheckFailed(L(`profil ${profileFile} tidak dapat dibaca sebagai YAML`, `the profile ${profileFile} is not readable YAML`));
  const profile = loaded.doc.data as RegencyProfile;
  if (!profile.grant) throw new CheckFailed(L(`profil ${profileFile} tidak memiliki bagian grant: (pemberi hibah, perjanjian, BAST)`, `the profile ${profileFile} has no grant: section (grantor, agreement, BAST)`));
  return { lock, profile, profileBytes, profileFile };
}

export async function pack(opts: PackOptions): Promise<PackOutcome> {
  const L = (id: string, en: string) => pick(opts.lang, id, en);
  const step = (s: string) => opts.onStep?.(s);
  const { lock, profile, profileBytes } = await loadInputs(opts);
  const grant = profile.grant!;
  let privateKey;
  try {
    privateKey = parsePrivateKey(opts.privateKeyPem);
  } catch (err) {
    throw new UsageError(L(`kunci privat tidak dapat dipakai: ${(err as KeyError).message}`, `the private key cannot be used: ${(err as KeyError).message}`), L('buat dengan `eoffice grant keygen --out DIR`', 'make one with `eoffice grant keygen --out DIR`'));
  }
  const publicKeyPem = publicKeyOf(privateKey);
  const keyFingerprint = fingerprint(publicKeyPem);
  const release = opts.release ?? lock.toolkit.version;
  if (!/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(release) || release.includes('..') || release.endsWith('.lock')) {
    throw new UsageError(L(`versi hibah "${release}" tidak dapat menjadi nama tag git`, `grant version "${release}" cannot be part of a git tag name`));
  }
  const code = profile.regency.code;
  const tag = `hibah/${code}/${release}`;
  const date = grantDate(grant);

  // Secrets: the generated ones and whatever the grantor typed into the git-ignored .env files.
  const secretFiles = Object.entries(lock.files).filter(([, f]) => f.secret).map(([p]) => p);
  const secrets = new Map<string, string>();
  const secretsText = await readText(join(opts.dir, SECRETS_FILE));
  if (secretsText !== undefined) for (const [k, v] of parseSecrets(secretsText)) secrets.set(`${SECRETS_FILE}:${k}`, v);
  for (const f of secretFiles) {
    const text = await readText(join(opts.dir, f));
    if (text !== undefined) for (const [k, v] of envValues(f, text)) secrets.set(k, v);
  }

  const tmp = await mkdtemp(join(tmpdir(), 'eoffice-grant-'));
  try {
    step('stage');
    const gitDir = join(tmp, 'repo.git');
    const home = join(tmp, 'home');
    const gitFailed = (err: unknown): never => {
      const reason = (err as Error).message.trim().split('\n')[0];
      throw new UsageError(L(`git gagal: ${reason}`, `git failed: ${reason}`), L('pack membutuhkan git di PATH', 'pack needs git on the PATH'));
    };
    // Of `.eoffice/` only the stored base travels (the merge base of the recipient's later upgrades,
    // see generate/base.ts); the secrets store and anything else there stay with the grantor.
    const grantorOnly = (await readdir(join(opts.dir, '.eoffice')).catch(() => [] as string[])).filter((n) => n !== 'base').map((n) => `.eoffice/${n}`);
    const entries = await stageTree(opts.dir, gitDir, home, [...grantorOnly, ...secretFiles]).catch(gitFailed);
    const links = entries.filter((e) => e.mode === '120000' || e.mode === '160000');
    if (links.length > 0) {
      throw new CheckFailed(L(`tautan simbolik atau submodul tidak dapat dihibahkan: ${links.map((e) => e.path).join(', ')}`, `symbolic links and submodules cannot be granted: ${links.map((e) => e.path).join(', ')}`));
    }
    const source = new Map<string, BundleFile>();
    for (const e of entries) source.set(e.path, { bytes: await readFile(join(opts.dir, e.path)), executable: e.mode === '100755' });

    step('scan');
    const profileText = profileBytes.toString('utf8');
    const scanned: ScanFile[] = [
      ...[...source].map(([path, f]) => ({ path, content: f.bytes })),
      { path: PROFILE_FILE, content: profileBytes, grantorLines: blockLines(profileText, /^grant:/) },
    ];
    const region = opts.region();
    const findings = await scanForLeaks(scanned, { profile, region, secrets });
    if (findings.length > 0) return { kind: 'leaks', findings };

    step('git');
    const apps = lock.blueprints
      .filter((b) => APP_BLUEPRINTS[b.name] && entries.some((e) => e.path.startsWith(`apps/${APP_BLUEPRINTS[b.name]!.dir}/`)))
      .map((b) => ({ b, meta: APP_BLUEPRINTS[b.name]! }));
    const identity: GitIdentity = {
      name: `Pemerintah ${grant.grantor.name}`,
      email: grant.grantor.signatories?.find((s) => s.email)?.email ?? 'hibah@eoffice.invalid',
      date: `${date}T00:00:00+07:00`,
    };
    const appTitles = apps.filter((a) => a.meta.key !== 'runtime').map((a) => a.meta.title).join(', ');
    const sealed = await sealRepo(opts.dir, gitDir, home, identity, {
      message: `Hibah ${appTitles} untuk ${profile.regency.name}\n\nPerjanjian hibah: ${grant.agreement.number} (${grant.agreement.date})\n${grant.bast ? `BAST: ${grant.bast.number} (${grant.bast.date})\n` : ''}`,
      tag,
      tagMessage: `Hibah ${release} untuk ${profile.regency.name} (${code})\n`,
      bundleFile: join(tmp, BUNDLE_FILE),
      folders: apps.map((a) => `apps/${a.meta.dir}`),
    }).catch(gitFailed);

    step('documents');
    const files = new Map<string, BundleFile>();
    for (const [p, f] of source) files.set(`source/${p}`, f);
    files.set(BUNDLE_FILE, { bytes: await readFile(sealed.bundle) });
    files.set(PROFILE_FILE, { bytes: profileBytes });

    const npmLockText = source.get('apps/package-lock.json');
    const npmLock = npmLockText ? (JSON.parse(Buffer.from(npmLockText.bytes).toString('utf8')) as NpmLock) : undefined;
    const manifestApps: ManifestApp[] = [];
    const handoverApps: HandoverApp[] = [];
    for (const { b, meta } of apps) {
      const path = `apps/${meta.dir}`;
      const pkg = source.get(`${path}/package.json`);
      let sbom: string | undefined;
      if (pkg && npmLock) {
        sbom = `sbom/${meta.dir}.cdx.json`;
        files.set(sbom, { bytes: Buffer.from(appSbom(meta.dir, JSON.parse(Buffer.from(pkg.bytes).toString('utf8')) as AppManifest, npmLock)) });
      }
      const app = { key: meta.key, title: meta.title, blueprint: b.name, version: b.version, path, tree: sealed.folders.get(path)!, ...(b.source ? { upstream: b.source } : {}) };
      handoverApps.push(app);
      manifestApps.push({ ...app, commit: sealed.commit, ...(sbom ? { sbom } : {}) });
    }
    const documentation = entries.map((e) => e.path).filter((p) => p.startsWith('docs/') && p.endsWith('.md'));
    const input = { profile, apps: handoverApps, commit: sealed.commit, tag, documentation, publicKeyPem, fingerprint: keyFingerprint };
    const documents: string[] = [];
    for (const doc of [bastDocument(input), agreementDocument(input)]) {
      const md = `docs/hibah/${doc.name}.md`;
      const docx = `docs/hibah/${doc.name}.docx`;
      files.set(md, { bytes: Buffer.from(toMarkdown(doc)) });
      files.set(docx, { bytes: await toDocx(doc, date) });
      documents.push(md, docx);
    }

    const sums = formatSums(new Map([...files].map(([p, f]) => [p, f.bytes])));
    const edited = Object.entries(lock.files)
      .filter(([p, f]) => f.sha256 !== undefined && source.has(p) && sha256Hex(source.get(p)!.bytes) !== f.sha256)
      .map(([p]) => p);
    const manifest: GrantManifest = {
      manifestVersion: MANIFEST_VERSION,
      kind: 'eoffice-grant',
      toolkit: lock.toolkit,
      grantor: { code: grant.grantor.code, name: grant.grantor.name },
      recipient: { code, name: profile.regency.name, ...(profile.regency.province ? { province: profile.regency.province } : {}) },
      grant: { version: release, date, agreement: grant.agreement, ...(grant.bast ? { bast: grant.bast } : {}), items: [...(grant.items ?? [])] },
      profile: { digest: lock.profile.digest, file: PROFILE_FILE },
      blueprints: lock.blueprints,
      source: { tag, tagObject: sealed.tagObject, commit: sealed.commit, tree: sealed.tree, bundle: BUNDLE_FILE, files: entries.length, editedSinceGenerate: edited },
      apps: manifestApps,
      documents,
      key: { algorithm: 'ed25519', fingerprint: keyFingerprint },
      checksums: { file: SUMS_FILE, sha256: sha256Hex(sums) },
    };
    const manifestText = serializeManifest(manifest);

    // What we wrote ourselves is scanned too: a profile value could carry a foreign name into it.
    const own: ScanFile[] = [
      ...documents.filter((d) => d.endsWith('.md')).map((d) => ({ path: d, content: files.get(d)!.bytes })),
      ...[...files.keys()].filter((p) => p.startsWith('sbom/')).map((p) => ({ path: p, content: files.get(p)!.bytes })),
      { path: MANIFEST_FILE, content: Buffer.from(manifestText), grantorLines: blockLines(manifestText, /^\s*"grantor": \{/) },
    ];
    const late = await scanForLeaks(own, { profile, region, secrets });
    if (late.length > 0) return { kind: 'leaks', findings: late };

    step('seal');
    files.set(SUMS_FILE, { bytes: Buffer.from(sums) });
    files.set(MANIFEST_FILE, { bytes: Buffer.from(manifestText) });
    files.set(SIGNATURE_FILE, { bytes: Buffer.from(signBytes(Buffer.from(manifestText), privateKey)) });
    const out = resolve(opts.out);
    const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
    try {
      await writeTarball(files, join(tmp, 'stage'), `hibah-${code}-${release}`, partial, date);
      await rename(partial, out);
    } catch (err) {
      await rm(partial, { force: true });
      const e = err as NodeJS.ErrnoException;
      throw new UsageError(L(`bundel tidak dapat ditulis ke ${opts.out} (${e.code ?? e.message})`, `cannot write the bundle to ${opts.out} (${e.code ?? e.message})`));
    }
    const digest = sha256Hex(await readFile(out));

    let ledger: { file: string; added: boolean } | undefined;
    if (opts.ledger) {
      step('ledger');
      const entry: LedgerEntry = {
        recipient: { code, name: profile.regency.name },
        grantor: { code: grant.grantor.code, name: grant.grantor.name },
        agreement: grant.agreement.number,
        ...(grant.bast ? { bast: grant.bast.number } : {}),
        date,
        version: release,
        tag,
        commit: sealed.commit,
        apps: manifestApps.filter((a) => a.key !== 'runtime').map((a) => ({ name: a.title, version: a.version })),
        bundle: { file: basename(out), sha256: digest },
        key: keyFingerprint,
      };
      try {
        ledger = { file: opts.ledger, added: await appendLedger(opts.ledger, entry) };
      } catch (err) {
        const reason = err instanceof LedgerError ? err.message : String((err as NodeJS.ErrnoException).code ?? err);
        throw new UsageError(L(`bundel ${out} sudah dibuat, tetapi buku hibah tidak dapat ditulis: ${reason}`, `the bundle ${out} was made, but the ledger cannot be written: ${reason}`));
      }
    }
    return { kind: 'packed', bundle: out, sha256: digest, manifest, files: files.size, ...(ledger ? { ledger } : {}) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
