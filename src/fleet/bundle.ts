import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { sha256, type LockFile } from '../generate/lock.js';
import { formatLeak } from '../grant/leaks.js';
import { LedgerError, readLedger } from '../grant/ledger.js';
import type { PackOptions } from '../grant/pack.js';
import { pick, type Lang } from '../i18n/lang.js';
import { parseYamlText } from '../profile/load.js';
import type { RegionIndex } from '../region/decree.js';

/** What sealing one upgraded recipient gave: a grant bundle, or the reason it was refused. */
export type SealOutcome =
  | { kind: 'sealed'; bundle: string; sha256: string; release: string; tag: string }
  | { kind: 'refused'; reason: string };

export interface SealInput {
  recipient: string;
  /** The upgraded tree (already written). */
  tree: string;
  /** Its lock after the upgrade. */
  lock: LockFile;
  /** Its lock before the upgrade: tells whether the toolkit version moved. */
  previous: LockFile | undefined;
  outDir: string;
}

/** The seam `fleet upgrade --bundle` seals through (tests can count or fail calls). */
export interface UpgradeSealer {
  seal(input: SealInput): Promise<SealOutcome>;
}

/**
 * The release (and so the tag `hibah/<code>/<release>`) of an upgrade bundle. It must never be the
 * one of an earlier grant to the same recipient, or the recipient would hold two different commits
 * under one tag. A first grant is tagged with the toolkit version by default, so:
 * - `--release` when given;
 * - the new toolkit version when this upgrade moved it (no earlier render of this tree was made by it);
 * - otherwise the toolkit version with a build suffix derived from what was rendered (blueprint
 *   versions and digests, profile digest): `0.1.0+upgrade.3fa2b1c9`. The same inputs give the same
 *   release, different inputs a different one, and it never equals a plain version.
 */
export function upgradeRelease(lock: LockFile, previous: LockFile | undefined, explicit?: string): string {
  if (explicit) return explicit;
  if (previous && previous.toolkit.version !== lock.toolkit.version) return lock.toolkit.version;
  const inputs = JSON.stringify({ blueprints: lock.blueprints.map(({ name, version, digest }) => [name, version, digest]), profile: lock.profile.digest });
  return `${lock.toolkit.version}+upgrade.${sha256(inputs).slice(0, 8)}`;
}

export interface GrantSealerOptions {
  privateKeyPem: string;
  release?: string;
  ledger?: string;
  lang: Lang;
  region: () => RegionIndex;
}

/** The region code the tree's profile names, if it can be read (for the ledger check). */
async function regionCodeOf(tree: string, lock: LockFile): Promise<string | undefined> {
  const bytes = await readFile(join(tree, lock.profile.path)).catch(() => undefined);
  if (!bytes) return undefined;
  const loaded = parseYamlText(lock.profile.path, bytes, 'en');
  return loaded.ok ? (loaded.doc.data as { regency?: { code?: string } }).regency?.code : undefined;
}

/**
 * Seals an upgraded recipient exactly as `grant pack` does (signed manifest, tagged git bundle,
 * SBOMs, BAST), so `grant verify` accepts it and `eoffice upgrade DIR --from BUNDLE` applies it.
 * One bundle format for first grants and upgrades alike. A refusal (a leak, no `grant:` section,
 * a release already in the ledger) concerns this recipient only and is returned, not thrown.
 */
export function grantSealer(opts: GrantSealerOptions): UpgradeSealer {
  const L = (id: string, en: string) => pick(opts.lang, id, en);
  return {
    async seal({ recipient, tree, lock, previous, outDir }) {
      const release = upgradeRelease(lock, previous, opts.release);
      if (opts.ledger) {
        const code = await regionCodeOf(tree, lock);
        let granted: string[];
        try {
          granted = (await readLedger(opts.ledger)).grants.filter((g) => g.recipient.code === code).map((g) => g.version);
        } catch (err) {
          return { kind: 'refused', reason: err instanceof LedgerError ? err.message : L(`buku hibah ${opts.ledger} tidak dapat dibaca`, `cannot read the ledger ${opts.ledger}`) };
        }
        if (granted.includes(release)) {
          return { kind: 'refused', reason: L(`versi ${release} sudah pernah dihibahkan ke penerima ini (${opts.ledger}); pilih --release lain`, `release ${release} was already granted to this recipient (${opts.ledger}); choose another --release`) };
        }
      }
      await mkdir(outDir, { recursive: true });
      const out = join(outDir, `${recipient.replaceAll('/', '_')}-${release}.tar.gz`);
      const { pack } = await import('../grant/pack.js');
      const packOpts: PackOptions = { dir: tree, out, privateKeyPem: opts.privateKeyPem, release, lang: opts.lang, region: opts.region, ...(opts.ledger ? { ledger: opts.ledger } : {}) };
      try {
        const r = await pack(packOpts);
        if (r.kind === 'leaks') {
          const n = r.findings.length;
          return { kind: 'refused', reason: L(`ditolak pemeriksaan kebocoran (${n} temuan):\n`, `refused by the leak scan (${n} finding(s)):\n`) + r.findings.map((f) => `    ${formatLeak(f, opts.lang)}`).join('\n') };
        }
        return { kind: 'sealed', bundle: r.bundle, sha256: r.sha256, release, tag: r.manifest.source.tag };
      } catch (err) {
        if (err instanceof UserError) return { kind: 'refused', reason: err.message };
        throw err;
      }
    },
  };
}
