/**
 * `manifest.json`, the record the grantor signs: what was generated (toolkit, blueprints and their
 * digests, the profile's digest), for whom (recipient, agreement, BAST, date), the git tag and
 * commit, each application's folder tree and upstream commit, and the digest of `SHA256SUMS`, which
 * in turn covers every other file. One signature over these bytes therefore covers the bundle.
 */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.sig';
export const BUNDLE_FILE = 'source.bundle';
/** The BAST in Markdown: verify reads the grantor's public key from it when no --key is given. */
export const BAST_MARKDOWN = 'docs/hibah/berita-acara-serah-terima.md';
/** The recipient's profile, for `eoffice upgrade` later; its `grant:` block names the grantor. */
export const PROFILE_FILE = 'profile/regency.yaml';
export const MANIFEST_VERSION = 1;

export interface ManifestApp {
  key: string;
  title: string;
  blueprint: string;
  version: string;
  path: string;
  /** The grant commit, which holds the app's source. */
  commit: string;
  /** The app folder's tree in that commit. */
  tree: string;
  upstream?: { git: string; ref: string; commit: string };
  sbom?: string;
}

export interface GrantManifest {
  manifestVersion: number;
  kind: 'eoffice-grant';
  toolkit: { name: string; version: string };
  grantor: { code: string; name: string };
  recipient: { code: string; name: string; province?: string };
  grant: { version: string; date: string; agreement: { number: string; date: string }; bast?: { number: string; date: string }; items: string[] };
  profile: { digest: string; file: string };
  blueprints: Array<{ name: string; version: string; digest: string; source?: { git: string; ref: string; commit: string } }>;
  source: { tag: string; tagObject: string; commit: string; tree: string; bundle: string; files: number; editedSinceGenerate: string[] };
  apps: ManifestApp[];
  documents: string[];
  key: { algorithm: 'ed25519'; fingerprint: string };
  checksums: { file: string; sha256: string };
}

export function serializeManifest(m: GrantManifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Parses and checks the shape verify relies on; a manifest that is not one throws. */
export function parseManifest(text: string): GrantManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ManifestError('not valid JSON');
  }
  const m = data as Partial<GrantManifest>;
  if (typeof m !== 'object' || m === null || m.kind !== 'eoffice-grant' || m.manifestVersion !== MANIFEST_VERSION) throw new ManifestError('not an eoffice grant manifest');
  if (typeof m.source?.commit !== 'string' || typeof m.source.tag !== 'string' || typeof m.checksums?.sha256 !== 'string') throw new ManifestError('source or checksums missing');
  return m as GrantManifest;
}
