/**
 * The grantor → recipient upgrade path: a fleet of Bojonegoro and Lebak (both with a `grant:`
 * section) and Kota Banjar's fixture (none), generated once with a small blueprint at v1; each
 * recipient keeps a copy, edited locally (Lebak's extracted from its first grant bundle). `fleet upgrade --bundle --key` with v2 seals every
 * upgraded recipient through grant pack (Banjar is reported, not sealed); `grant verify` accepts
 * each bundle; the built binary applies it offline with `upgrade --from` (no templates: the binary's
 * own lack the test blueprint) and refuses a tampered bundle and another regency's.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFleetUpgrade } from '../../src/commands/fleet.js';
import { grantSealer, upgradeRelease } from '../../src/fleet/bundle.js';
import { regionIndex } from '../../src/region/decree.js';
import { parseLock } from '../../src/generate/lock.js';
import { generateSigningKeyPair } from '../../src/grant/keys.js';
import { readLedger } from '../../src/grant/ledger.js';
import { pack } from '../../src/grant/pack.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { snapshotTree, tempDir } from '../helpers/tree.js';
import { context, done, EXAMPLES, FIXTURE, run } from '../generate/support.js';
import { blueprintV1, blueprintV2, edit, read } from '../upgrade/support.js';

const work = tempDir('eoffice-bundle-e2e-');
const fleet = join(work, 'fleet');
const bundles = join(work, 'bundles');
const KEY = join(work, 'keys', 'hibah-ed25519.key');
const PUB = join(work, 'keys', 'hibah-ed25519.pub');
const LEDGER = join(work, 'grants.yaml');
/** The recipients' own copies, as they received them at the first grant. */
const BOJ = join(work, 'site-bojonegoro');
const LEB = join(work, 'site-lebak');
const eoffice = (args: string[]): Promise<CliRun> => runCli(args, { cwd: work, env: { LANG: 'en_US.UTF-8' } });
const fleetRun = context();
let fleetCode = -1;
const bundleOf = (name: string) => {
  const found = readdirSync(bundles).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.tar.gz'));
  expect(found, name).toHaveLength(1);
  return join(bundles, found[0]!);
};

beforeAll(async () => {
  const pair = generateSigningKeyPair();
  mkdirSync(join(work, 'keys'));
  writeFileSync(KEY, pair.privateKey, { mode: 0o600 });
  writeFileSync(PUB, pair.publicKey);
  const v1 = blueprintV1();
  // Kota Banjar's fixture without its grant: section (the last block of the file).
  const banjar = readFileSync(FIXTURE, 'utf8');
  expect(banjar.indexOf('\ngrant:\n')).toBeGreaterThan(0);
  const profiles: Record<string, string> = { bojonegoro: readFileSync(join(EXAMPLES, 'bojonegoro', 'regency.yaml'), 'utf8'), lebak: readFileSync(join(EXAMPLES, 'lebak', 'regency.yaml'), 'utf8'), banjar: banjar.slice(0, banjar.indexOf('\ngrant:\n') + 1) };
  for (const [name, text] of Object.entries(profiles)) {
    mkdirSync(join(fleet, name), { recursive: true });
    writeFileSync(join(fleet, name, 'regency.yaml'), text);
    done(await run(v1, join(fleet, name, 'out'), { profile: join(fleet, name, 'regency.yaml') }));
  }
  // Bojonegoro's copy is the grantor's tree as it was; Lebak's is what its first grant bundle holds
  // (source/ of `grant pack`, with the stored base, without the grantor's secrets store).
  cpSync(join(fleet, 'bojonegoro'), BOJ, { recursive: true });
  const first = await pack({ dir: join(fleet, 'lebak', 'out'), out: join(work, 'hibah-lebak.tar.gz'), privateKeyPem: pair.privateKey, ledger: LEDGER, lang: 'en', region: regionIndex });
  expect(first.kind).toBe('packed');
  const x = tempDir('eoffice-bundle-first-');
  execFileSync('tar', ['xzf', join(work, 'hibah-lebak.tar.gz'), '-C', x]);
  const top = join(x, readdirSync(x)[0]!);
  cpSync(join(top, 'source'), join(LEB, 'out'), { recursive: true });
  writeFileSync(join(LEB, 'regency.yaml'), readFileSync(join(top, 'profile', 'regency.yaml')));
  expect(existsSync(join(LEB, 'out', '.eoffice', 'base', 'docs', 'clash.md'))).toBe(true);
  expect(existsSync(join(LEB, 'out', '.eoffice', 'secrets.env'))).toBe(false);
  // Local edits: a managed text line, a merge-text line, a key added to a structured config.
  edit(join(BOJ, 'out'), 'docs/guide.md', 'guide line 2\n', 'guide line 2, edited in Bojonegoro\n');
  edit(join(BOJ, 'out'), 'docs/notes.md', 'note 1\n', 'note 1, Bojonegoro\n');
  edit(join(BOJ, 'out'), 'config/app.yaml', '  timeout: 30\n', '  timeout: 30\n  printer: lantai-2\n');
  writeFileSync(join(BOJ, 'out', '.eoffice', 'secrets.env'), 'LOCAL_ONLY=do-not-touch\n', { mode: 0o600 });
  // Lebak edits the same lines the grantor changes (a true conflict) and notes in its profile.
  edit(join(LEB, 'out'), 'docs/clash.md', 'title: v1', 'title: Lebak');
  writeFileSync(join(LEB, 'regency.yaml'), readFileSync(join(LEB, 'regency.yaml'), 'utf8') + '# catatan Diskominfo Lebak\n');

  fleetCode = await runFleetUpgrade(fleetRun, [fleet], { yes: true, bundle: bundles, key: KEY, ledger: LEDGER }, blueprintV2());
}, 120_000);

describe('fleet upgrade --bundle --key', () => {
  it('seals each upgraded recipient as grant pack does; the one without grant: is reported and makes exit 1', () => {
    expect(fleetCode, fleetRun.printed()).toBe(1);
    expect(fleetRun.err.join('')).toMatch(/banjar: no bundle: the profile .*regency\.yaml has no grant: section/);
    expect(readdirSync(bundles).sort()).toEqual([expect.stringMatching(/^bojonegoro-\d+\.\d+\.\d+\+upgrade\.[0-9a-f]{8}\.tar\.gz$/), expect.stringMatching(/^lebak-.*\.tar\.gz$/)]);
    expect(fleetRun.out.join('')).toMatch(/bojonegoro: bundle .*\(tag hibah\/35\.22\/\d+\.\d+\.\d+\+upgrade\.[0-9a-f]{8}\)/);
    // The grantor's copies were upgraded, and the ledger records both bundles.
    expect(parseLock(read(join(fleet, 'lebak', 'out'), 'eoffice.lock.json'))!.blueprints[0]!.version).toBe('2.0.0');
    const ledger = readFileSync(LEDGER, 'utf8');
    expect(ledger).toContain('code: "35.22"');
    expect(ledger.match(/tag: hibah\/36\.02\/\S+/g)).toEqual([expect.stringMatching(/^tag: hibah\/36\.02\/\d+\.\d+\.\d+$/), expect.stringMatching(/^tag: hibah\/36\.02\/\d+\.\d+\.\d+\+upgrade\.[0-9a-f]{8}$/)]);
  });

  it("a tree the leak scan refuses is reported with the finding, and no bundle is written", async () => {
    const copy = join(tempDir('eoffice-bundle-leak-'), 'bojonegoro');
    cpSync(join(fleet, 'bojonegoro'), copy, { recursive: true });
    writeFileSync(join(copy, 'out', 'docs', 'notes.md'), read(join(copy, 'out'), 'docs/notes.md') + 'Contoh surat Kabupaten Jombang\n');
    const lock = parseLock(read(join(copy, 'out'), 'eoffice.lock.json'))!;
    const outDir = tempDir('eoffice-bundle-leak-out-');
    const sealer = grantSealer({ privateKeyPem: readFileSync(KEY, 'utf8'), lang: 'en', region: regionIndex });
    const r = await sealer.seal({ recipient: 'bojonegoro', tree: join(copy, 'out'), lock, previous: lock, outDir });
    expect(r.kind).toBe('refused');
    expect(r.kind === 'refused' && r.reason).toMatch(/^refused by the leak scan \(1 finding\(s\)\):\n {4}docs\/notes\.md:8:14 regency: "Kabupaten Jombang" \(35\.17 Kabupaten Jombang\)$/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('grant verify accepts each bundle', async () => {
    for (const name of ['bojonegoro', 'lebak']) {
      const r = await eoffice(['grant', 'verify', bundleOf(name), '--key', PUB]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^valid: \d+ files intact, signature matches, tag hibah\//m);
    }
  });

  it('--bundle without --key is a usage error that says why (exit 2), before anything is upgraded', async () => {
    const before = snapshotTree(join(fleet, 'banjar', 'out'));
    const r = await eoffice(['fleet', 'upgrade', fleet, '--yes', '--bundle', join(work, 'nokey')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bundle needs --key: an unsigned bundle cannot be trusted offline');
    expect(existsSync(join(work, 'nokey'))).toBe(false);
    expect(snapshotTree(join(fleet, 'banjar', 'out'))).toEqual(before);
  });

  it('the release differs from a first grant: the toolkit version when it moved, a derived one otherwise', () => {
    const lock = parseLock(read(join(fleet, 'bojonegoro', 'out'), 'eoffice.lock.json'))!;
    const older = { ...lock, toolkit: { ...lock.toolkit, version: '0.0.1' } };
    expect(upgradeRelease(lock, older)).toBe(lock.toolkit.version);
    const derived = upgradeRelease(lock, lock);
    expect(derived).toMatch(new RegExp(`^${lock.toolkit.version.replaceAll('.', '\\.')}\\+upgrade\\.[0-9a-f]{8}$`));
    expect(upgradeRelease({ ...lock, profile: { ...lock.profile, digest: 'sha256:other' } }, lock)).not.toBe(derived);
    expect(upgradeRelease(lock, lock, '2.1.0')).toBe('2.1.0');
  });

  it('a release the ledger already records for the recipient is refused, not sealed twice under one tag', async () => {
    const tree = join(fleet, 'bojonegoro', 'out');
    const lock = parseLock(read(tree, 'eoffice.lock.json'))!;
    const granted = (await readLedger(LEDGER)).grants.find((g) => g.recipient.code === '35.22')!.version;
    const outDir = tempDir('eoffice-bundle-again-');
    const sealer = grantSealer({ privateKeyPem: readFileSync(KEY, 'utf8'), lang: 'en', region: regionIndex, ledger: LEDGER, release: granted });
    const r = await sealer.seal({ recipient: 'bojonegoro', tree, lock, previous: lock, outDir });
    expect(r).toEqual({ kind: 'refused', reason: `release ${granted} was already granted to this recipient (${LEDGER}); choose another --release` });
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('upgrade --from BUNDLE (the recipient, offline, with the built binary)', () => {
  it('refuses a tampered bundle, naming the file, and writes nothing (exit 1)', async () => {
    const x = tempDir('eoffice-bundle-x-');
    execFileSync('tar', ['xzf', bundleOf('bojonegoro'), '-C', x]);
    const top = join(x, readdirSync(x)[0]!);
    writeFileSync(join(top, 'source', 'docs', 'new.md'), 'new in v2, and something slipped in\n');
    const before = snapshotTree(join(BOJ, 'out'));
    const r = await eoffice(['upgrade', join(BOJ, 'out'), '--from', top, '--key', PUB, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('source/docs/new.md: content changed: its SHA-256 differs from SHA256SUMS');
    expect(r.stderr).toMatch(/is NOT valid .*upgrade refused, nothing written/);
    expect(snapshotTree(join(BOJ, 'out'))).toEqual(before);
  });

  it("refuses another regency's bundle (exit 1)", async () => {
    const before = snapshotTree(join(BOJ, 'out'));
    const r = await eoffice(['upgrade', join(BOJ, 'out'), '--from', bundleOf('lebak'), '--key', PUB, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is for 36\.02 Kabupaten Lebak, but .* belongs to 35\.22 Kabupaten Bojonegoro; upgrade refused/);
    expect(snapshotTree(join(BOJ, 'out'))).toEqual(before);
  });

  it('refuses a bundle older than the tree (no downgrades), writing nothing (exit 1)', async () => {
    // The fleet's Lebak runs the v2 blueprint since the fleet upgrade; its first grant carried v1.
    const out = join(fleet, 'lebak', 'out');
    const before = snapshotTree(out);
    const r = await eoffice(['upgrade', out, '--from', join(work, 'hibah-lebak.tar.gz'), '--key', PUB, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/carries t 1\.0\.0, older than the 2\.0\.0 that .* runs; upgrade refused \(no downgrades\), nothing written/);
    expect(snapshotTree(out)).toEqual(before);
  });

  it('shows the plan (--dry-run --json), applies it keeping every local edit, then is a no-op', async () => {
    const out = join(BOJ, 'out');
    const profileBefore = readFileSync(join(BOJ, 'regency.yaml'));
    const dry = await eoffice(['upgrade', out, '--from', bundleOf('bojonegoro'), '--key', PUB, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as { applied: boolean; changes: boolean; bundle: { tag: string }; entries: Array<{ path: string; action: string }> };
    expect(plan.applied).toBe(false);
    expect(plan.changes).toBe(true);
    expect(plan.bundle.tag).toMatch(/^hibah\/35\.22\//);
    const action = (p: string) => plan.entries.find((e) => e.path === p)?.action;
    expect([action('docs/new.md'), action('docs/old.md'), action('docs/guide.md'), action('config/app.yaml'), action('docs/notes.md')]).toEqual(['create', 'delete', 'merge', 'merge', 'merge']);
    expect(read(out, 'docs/guide.md')).not.toContain('revised in v2');

    const r = await eoffice(['upgrade', out, '--from', bundleOf('bojonegoro'), '--key', PUB, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^bundle valid: Kabupaten Bojonegoro \(35\.22\), tag hibah\/35\.22\//);
    const guide = read(out, 'docs/guide.md');
    expect(guide).toContain('guide line 2, edited in Bojonegoro\n');
    expect(guide).toContain('guide line 9, revised in v2\n');
    expect(read(out, 'docs/notes.md')).toMatch(/^note 1, Bojonegoro\n[\s\S]*note 7, added in v2\n$/);
    const app = read(out, 'config/app.yaml');
    expect(app).toContain('printer: lantai-2');
    expect(app).toContain('pageSize: 50');
    expect(app).toContain('theme: light');
    expect(read(out, 'docs/new.md')).toBe('new in v2\n');
    expect(existsSync(join(out, 'docs/old.md'))).toBe(false);
    expect(read(out, 'config/local.env')).toBe('MODE=v1\n');
    // Never touched: the recipient's secrets and profile. The base is now the bundle's render.
    expect(read(out, '.eoffice/secrets.env')).toBe('LOCAL_ONLY=do-not-touch\n');
    expect(readFileSync(join(BOJ, 'regency.yaml')).equals(profileBefore)).toBe(true);
    expect(read(out, '.eoffice/base/docs/guide.md')).toBe(read(join(fleet, 'bojonegoro', 'out'), 'docs/guide.md'));
    const lock = parseLock(read(out, 'eoffice.lock.json'))!;
    expect(lock.blueprints[0]!.version).toBe('2.0.0');
    expect(lock.profile.path).toBe('../regency.yaml');
    expect(lock.conflicts).toBeUndefined();

    const again = await eoffice(['upgrade', out, '--from', bundleOf('bojonegoro'), '--key', PUB, '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('is up to date; nothing to write');
  });

  it('reports and records a true conflict as a normal upgrade does, warns of a differing profile, and leaves it alone', async () => {
    const out = join(LEB, 'out');
    const profileBefore = readFileSync(join(LEB, 'regency.yaml'));
    const r = await eoffice(['upgrade', out, '--from', bundleOf('lebak'), '--key', PUB, '--yes']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(/warning: the bundle's profile \(profile\/regency\.yaml\) differs from .*regency\.yaml/);
    expect(r.stderr).toMatch(/written with 1 conflicts/);
    expect(r.stderr).toContain(`then run \`eoffice upgrade ${out} --from ${bundleOf('lebak')}\` again`);
    expect(read(out, 'docs/clash.md')).toMatch(/^<<<<<<< local docs\/clash\.md\ntitle: Lebak\n\|\|\|\|\|\|\| base t 1\.0\.0\ntitle: v1\n=======\ntitle: v2\n>>>>>>> bundle \S+upgrade\.[0-9a-f]{8} t 2\.0\.0\nbody\n$/);
    expect(parseLock(read(out, 'eoffice.lock.json'))!.conflicts).toEqual([{ path: 'docs/clash.md', kind: 'text' }]);
    expect(readFileSync(join(LEB, 'regency.yaml')).equals(profileBefore)).toBe(true);

    // Resolved by the recipient: the same bundle then settles it.
    writeFileSync(join(out, 'docs/clash.md'), 'title: Lebak v2\nbody\n');
    const settled = await eoffice(['upgrade', out, '--from', bundleOf('lebak'), '--key', PUB, '--yes']);
    expect(settled.code, settled.stderr).toBe(0);
    expect(parseLock(read(out, 'eoffice.lock.json'))!.conflicts).toBeUndefined();
    expect(read(out, 'docs/clash.md')).toBe('title: Lebak v2\nbody\n');
  });
});
