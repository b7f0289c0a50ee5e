/**
 * `grant verify`: the recipient's offline check of a bundle (the tar.gz or its extracted folder).
 *
 * The chain of trust: the Ed25519 signature covers `manifest.json`; the manifest holds the digest
 * of `SHA256SUMS`; SHA256SUMS holds the digest of every other file; the manifest also records the
 * tag and the commit, which the git bundle must contain, and the committed files must be the ones
 * in `source/`. Every check runs and every finding names its file, so one report shows all that is
 * wrong. The key is `--key`, or else the one printed in the BAST inside the bundle — which proves
 * only that the bundle is whole, not who made it: compare its fingerprint with the signed paper BAST
 * (or pass `--fingerprint`).
 */
import { mkdtemp, readdir, readFile, rm, writeFile, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseSums, sha256Hex, SUMS_FILE } from './checksums.js';
import { blobId, readBundle } from './git.js';
import { findPublicKeyPem, fingerprint, parsePublicKey, sameFingerprint, verifyBytes } from './keys.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import type { LeakFinding, ScanFile } from './leaks.js';
import { BAST_MARKDOWN, BUNDLE_FILE, MANIFEST_FILE, parseManifest, PROFILE_FILE, SIGNATURE_FILE, type GrantManifest } from './manifest.js';
import { readTarball, type BundleFile } from './tarball.js';

export type VerifyCode =
  | 'unreadable'
  | 'odd-entry'
  | 'missing'
  | 'extra'
  | 'checksum'
  | 'sums-line'
  | 'sums-digest'
  | 'manifest'
  | 'signature'
  | 'no-key'
  | 'bad-key'
  | 'fingerprint'
  | 'git-bundle'
  | 'tag-missing'
  | 'tag-lightweight'
  | 'tag-moved'
  | 'tag-object'
  | 'tree'
  | 'source-differs'
  | 'source-missing'
  | 'source-extra'
  | 'leak';

export interface VerifyFinding {
  file: string;
  code: VerifyCode;
  params: Record<string, string | number>;
  leak?: LeakFinding;
}

export interface VerifyReport {
  ok: boolean;
  bundle: string;
  findings: VerifyFinding[];
  manifest?: GrantManifest;
  key?: { source: 'option' | 'document'; fingerprint: string };
  files: number;
}

export interface VerifyOptions {
  bundle: string;
  publicKeyPem?: string;
  fingerprint?: string;
  /** Run the leak scan on what was received (default true). */
  leaks?: boolean;
}

async function walk(root: string, dir: string, files: Map<string, BundleFile>, odd: string[]): Promise<void> {
  for (const name of (await readdir(dir)).sort()) {
    const full = join(dir, name);
    const st = await lstat(full);
    const rel = relative(root, full).split(sep).join('/');
    if (st.isDirectory()) await walk(root, full, files, odd);
    else if (st.isFile()) files.set(rel, { bytes: await readFile(full), executable: (st.mode & 0o111) !== 0 });
    else odd.push(rel);
  }
}

/** The bundle's files by path, from a tar.gz or from a folder. */
export async function readBundleFiles(bundle: string): Promise<{ files: Map<string, BundleFile>; odd: string[] }> {
  const st = await lstat(bundle);
  if (st.isDirectory()) {
    const files = new Map<string, BundleFile>();
    const odd: string[] = [];
    await walk(bundle, bundle, files, odd);
    return { files, odd };
  }
  return readTarball(bundle);
}

const SPECIAL = new Set([SUMS_FILE, MANIFEST_FILE, SIGNATURE_FILE]);

export async function verifyBundle(opts: VerifyOptions): Promise<VerifyReport> {
  const findings: VerifyFinding[] = [];
  const add = (file: string, code: VerifyCode, params: Record<string, string | number> = {}, leak?: LeakFinding) => findings.push({ file, code, params, ...(leak ? { leak } : {}) });
  const { files, odd } = await readBundleFiles(opts.bundle);
  for (const p of odd) add(p, 'odd-entry');
  const text = (p: string) => (files.has(p) ? Buffer.from(files.get(p)!.bytes).toString('utf8') : undefined);

  // The manifest and its signature.
  let manifest: GrantManifest | undefined;
  const manifestText = text(MANIFEST_FILE);
  if (manifestText === undefined) add(MANIFEST_FILE, 'missing');
  else {
    try {
      manifest = parseManifest(manifestText);
    } catch (err) {
      add(MANIFEST_FILE, 'manifest', { reason: (err as Error).message });
    }
  }
  let keyInfo: VerifyReport['key'];
  const keyPem = opts.publicKeyPem ?? findPublicKeyPem(text(BAST_MARKDOWN) ?? '');
  if (!keyPem) add(BAST_MARKDOWN, 'no-key');
  else {
    try {
      const key = parsePublicKey(keyPem);
      keyInfo = { source: opts.publicKeyPem ? 'option' : 'document', fingerprint: fingerprint(key) };
      if (opts.fingerprint && !sameFingerprint(opts.fingerprint, keyInfo.fingerprint)) add(opts.publicKeyPem ? '--key' : BAST_MARKDOWN, 'fingerprint', { expected: opts.fingerprint, actual: keyInfo.fingerprint });
      const signature = text(SIGNATURE_FILE);
      if (signature === undefined) add(SIGNATURE_FILE, 'missing');
      else if (manifestText !== undefined && !verifyBytes(Buffer.from(manifestText), signature, key)) add(SIGNATURE_FILE, 'signature', { fingerprint: keyInfo.fingerprint });
    } catch (err) {
      add(opts.publicKeyPem ? '--key' : BAST_MARKDOWN, 'bad-key', { reason: (err as Error).message });
    }
  }

  // SHA256SUMS against the manifest, then every file against SHA256SUMS.
  const sumsText = text(SUMS_FILE);
  const listed = new Set<string>();
  if (sumsText === undefined) add(SUMS_FILE, 'missing');
  else {
    if (manifest && sha256Hex(sumsText) !== manifest.checksums.sha256) add(SUMS_FILE, 'sums-digest');
    const { entries, bad } = parseSums(sumsText);
    for (const line of bad) add(SUMS_FILE, 'sums-line', { line });
    for (const e of entries) {
      listed.add(e.path);
      const f = files.get(e.path);
      if (!f) add(e.path, 'missing');
      else if (sha256Hex(f.bytes) !== e.sha256) add(e.path, 'checksum');
    }
  }
  for (const p of [...files.keys()].sort()) if (!SPECIAL.has(p) && !listed.has(p) && sumsText !== undefined) add(p, 'extra');

  // The git bundle: tag, commit, tree, and the committed files against source/.
  const bundleFile = files.get(BUNDLE_FILE);
  if (manifest && bundleFile) {
    const tmp = await mkdtemp(join(tmpdir(), 'eoffice-verify-'));
    try {
      const path = join(tmp, BUNDLE_FILE);
      await writeFile(path, bundleFile.bytes);
      const state = await readBundle(path, tmp, join(tmp, 'home'));
      if (!state.ok) add(BUNDLE_FILE, 'git-bundle', { reason: state.error ?? '' });
      else {
        const tag = state.tags.get(manifest.source.tag);
        if (!tag) add(BUNDLE_FILE, 'tag-missing', { tag: manifest.source.tag });
        else {
          if (tag.type !== 'tag') add(BUNDLE_FILE, 'tag-lightweight', { tag: manifest.source.tag });
          if (tag.commit !== manifest.source.commit) add(BUNDLE_FILE, 'tag-moved', { tag: manifest.source.tag, actual: tag.commit ?? '?', expected: manifest.source.commit });
          else if (tag.type === 'tag' && tag.object !== manifest.source.tagObject) add(BUNDLE_FILE, 'tag-object', { tag: manifest.source.tag, actual: tag.object, expected: manifest.source.tagObject });
        }
        const tree = await state.treeOf(manifest.source.commit);
        if (tree !== manifest.source.tree) add(BUNDLE_FILE, 'tree', { commit: manifest.source.commit, actual: tree ?? '-', expected: manifest.source.tree });
        const committed = (await state.entriesOf(manifest.source.commit)) ?? [];
        const inCommit = new Set<string>();
        for (const e of committed) {
          inCommit.add(e.path);
          const f = files.get(`source/${e.path}`);
          if (!f) add(`source/${e.path}`, 'source-missing', { commit: manifest.source.commit });
          else if (blobId(f.bytes) !== e.blob) add(`source/${e.path}`, 'source-differs', { commit: manifest.source.commit });
        }
        if (committed.length > 0) {
          for (const p of [...files.keys()].sort()) if (p.startsWith('source/') && !inCommit.has(p.slice('source/'.length))) add(p, 'source-extra', { commit: manifest.source.commit });
        }
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  } else if (manifest && !bundleFile && !findings.some((f) => f.file === BUNDLE_FILE)) add(BUNDLE_FILE, 'missing');

  // What the grantor's scan refused must not have reached the recipient either: the same scan, on
  // the received files (without the grantor's secret values, which the recipient never has).
  const profileFile = files.get(PROFILE_FILE);
  if (opts.leaks !== false && profileFile) {
    const { parseYamlText } = await import('../profile/load.js');
    const loaded = parseYamlText(PROFILE_FILE, profileFile.bytes, 'en');
    if (loaded.ok) {
      const { blockLines, scanForLeaks } = await import('./leaks.js');
      const { regionIndex } = await import('../region/decree.js');
      const scan: ScanFile[] = [];
      for (const [p, f] of files) {
        if (p.startsWith('source/')) scan.push({ path: p.slice('source/'.length), content: f.bytes });
        else if (p === PROFILE_FILE || p === MANIFEST_FILE) {
          const t = Buffer.from(f.bytes).toString('utf8');
          scan.push({ path: p, content: f.bytes, grantorLines: blockLines(t, p === MANIFEST_FILE ? /^\s*"grantor": \{/ : /^grant:/) });
        } else if (p.endsWith('.md') || p.endsWith('.json') || p === SUMS_FILE) scan.push({ path: p, content: f.bytes });
      }
      const leaks = await scanForLeaks(scan, { profile: loaded.doc.data as RegencyProfile, region: regionIndex(), secrets: new Map() });
      const inSource = new Set([...files.keys()].filter((p) => p.startsWith('source/')).map((p) => p.slice('source/'.length)));
      for (const l of leaks) add(inSource.has(l.file) && !files.has(l.file) ? `source/${l.file}` : l.file, 'leak', { line: l.line, column: l.column, detail: l.detail }, l);
    }
  }

  return { ok: findings.length === 0, bundle: opts.bundle, findings, ...(manifest ? { manifest } : {}), ...(keyInfo ? { key: keyInfo } : {}), files: files.size };
}
