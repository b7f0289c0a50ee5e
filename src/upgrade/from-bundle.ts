/**
 * `eoffice upgrade DIR --from BUNDLE`: the recipient's offline upgrade. The grantor's sealed bundle
 * (the same format as a first grant) is verified with `grant verify`'s code; its committed files
 * and its eoffice.lock.json then stand in for the new render in the ordinary 3-way merge (base: the
 * recipient's `.eoffice/base`, ours: the recipient's files). Nothing is rendered here, so neither
 * templates nor network are needed, and the recipient's secrets are never read or written.
 */
import { compareVersions } from '../util/semver.js';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BASE_DIR, baseFilesOf } from '../generate/base.js';
import { LOCK_FILE, parseLock, sha256, type LockFile } from '../generate/lock.js';
import type { RenderedFile } from '../generate/rendered.js';
import { recover, writeAtomically } from '../generate/sink-disk.js';
import type { GrantManifest } from '../grant/manifest.js';
import { PROFILE_FILE } from '../grant/manifest.js';
import { readBundleFiles, verifyBundle, type VerifyReport } from '../grant/verify.js';
import { parseYamlText } from '../profile/load.js';
import type { TextMerger } from './merge-text.js';
import { conflictsOf, lockAfter } from './plan-upgrade.js';
import { planAgainstTree, readExisting, readLock, writesFiles, type UpgradePlanned } from './upgrade.js';

export interface BundleUpgradeOptions {
  out: string;
  bundle: string;
  /** The grantor's public key; without it, the one printed in the bundle's BAST (see `grant verify`). */
  publicKeyPem?: string;
  fingerprint?: string;
  /** The recipient's profile; by default the one its lock records. Read only, never written. */
  profile?: string;
  resolved?: boolean;
  merge?: TextMerger;
}

export type BundleWarning =
  | { kind: 'profile-differs'; profile: string }
  /** A secret file the new version brings; it holds generated values, which a bundle never carries. */
  | { kind: 'secret-missing'; path: string };

export type BundleUpgradeOutcome =
  | { kind: 'no-lock'; out: string }
  | { kind: 'not-verified'; report: VerifyReport }
  | { kind: 'no-profile'; profile: string }
  | { kind: 'other-regency'; bundle: { code: string; name: string }; local: { code: string; name: string } }
  | { kind: 'not-an-upgrade'; reason: 'no-lock' | 'missing-file'; path: string }
  /** The bundle carries an older version of a blueprint than the tree has: a downgrade, refused. */
  | { kind: 'older'; blueprint: string; bundle: string; local: string }
  | (UpgradePlanned & { manifest: GrantManifest; warnings: BundleWarning[] });

const SOURCE = 'source/';

/** Plans the upgrade of one tree from a sealed bundle; nothing is written until `apply()`. */
export async function upgradeFromBundle(opts: BundleUpgradeOptions): Promise<BundleUpgradeOutcome> {
  const out = resolve(opts.out);
  await recover(out);
  const found = await readLock(out);
  if (!found) return { kind: 'no-lock', out };
  const previous = found.lock;

  // Verified first, with exactly the checks `grant verify` makes: nothing unverified is merged.
  const report = await verifyBundle({ bundle: opts.bundle, ...(opts.publicKeyPem ? { publicKeyPem: opts.publicKeyPem } : {}), ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}) });
  if (!report.ok || !report.manifest) return { kind: 'not-verified', report };
  const manifest = report.manifest;

  const profile = resolve(opts.profile ?? join(out, previous.profile.path));
  const profileBytes = await readFile(profile).catch(() => undefined);
  const loaded = profileBytes ? parseYamlText(profile, profileBytes, 'en') : undefined;
  const regency = loaded?.ok ? (loaded.doc.data as { regency?: { code?: unknown; name?: unknown } }).regency : undefined;
  if (!profileBytes || typeof regency?.code !== 'string') return { kind: 'no-profile', profile };
  if (regency.code !== manifest.recipient.code) {
    return { kind: 'other-regency', bundle: { code: manifest.recipient.code, name: manifest.recipient.name }, local: { code: regency.code, name: String(regency.name ?? '') } };
  }

  const { files } = await readBundleFiles(opts.bundle);
  const source = new Map<string, Buffer>();
  for (const [p, f] of files) if (p.startsWith(SOURCE)) source.set(p.slice(SOURCE.length), Buffer.from(f.bytes));
  const lockBytes = source.get(LOCK_FILE);
  const bundleLock = lockBytes ? parseLock(lockBytes.toString('utf8')) : undefined;
  if (!bundleLock) return { kind: 'not-an-upgrade', reason: 'no-lock', path: `${SOURCE}${LOCK_FILE}` };
  // An old bundle applied to a newer tree would merge a downgrade, file by file: refuse it.
  for (const b of bundleLock.blueprints) {
    const mine = previous.blueprints.find((p) => p.name === b.name);
    if (mine && compareVersions(b.version, mine.version) < 0) return { kind: 'older', blueprint: b.name, bundle: b.version, local: mine.version };
  }

  const warnings: BundleWarning[] = [];
  const bundleProfile = files.get(PROFILE_FILE);
  if (bundleProfile && !Buffer.from(bundleProfile.bytes).equals(profileBytes)) warnings.push({ kind: 'profile-differs', profile });

  // The new render: the committed files as the lock lists them. Secret files never travel in a
  // bundle; the recipient's own copy stands for them (so they are left as they are).
  const rendered: RenderedFile[] = [];
  for (const [path, locked] of Object.entries(bundleLock.files)) {
    const common = { path, policy: locked.policy, blueprint: locked.blueprint };
    if (locked.secret) {
      const mine = await readExisting(join(out, path));
      if (mine) rendered.push({ ...common, content: mine.content, mode: mine.mode, secret: true });
      else warnings.push({ kind: 'secret-missing', path });
      continue;
    }
    const content = source.get(path);
    if (!content) return { kind: 'not-an-upgrade', reason: 'missing-file', path: `${SOURCE}${path}` };
    rendered.push({ ...common, content, mode: Number.parseInt(locked.mode, 8), secret: false });
  }

  const { plan, baseStale } = await planAgainstTree(out, rendered, previous, opts, (bp) => `bundle ${manifest.grant.version} ${bp} ${bundleLock.blueprints.find((b) => b.name === bp)?.version ?? '?'}`);

  // The lock of the new base: the bundle's, with hashes of what the bundle holds (a file the grantor
  // edited after rendering is the base as delivered) and the recipient's own profile path, since
  // the profile stays where the recipient keeps it.
  const lockFiles: LockFile['files'] = {};
  for (const [path, locked] of Object.entries(bundleLock.files)) {
    const content = source.get(path);
    lockFiles[path] = locked.secret || !content ? locked : { ...locked, sha256: sha256(content) };
  }
  const { conflicts: _grantorConflicts, ...bundleRest } = bundleLock;
  const { lock, lockText } = lockAfter(plan, { ...bundleRest, profile: { path: previous.profile.path, digest: bundleLock.profile.digest }, files: lockFiles });

  const changes = writesFiles(plan) || baseStale || lockText !== found.text;
  return {
    kind: 'planned',
    out,
    profile,
    plan,
    lock,
    conflicts: conflictsOf(plan),
    changes,
    manifest,
    warnings,
    apply: async () => {
      if (!changes) return;
      // Only the plan, the lock and the base: `.eoffice/secrets.env` and secret files stay as they are.
      await writeAtomically(out, plan, [{ path: LOCK_FILE, content: lockText, mode: 0o644 }, ...baseFilesOf(rendered)], { clear: [BASE_DIR] });
    },
  };
}
