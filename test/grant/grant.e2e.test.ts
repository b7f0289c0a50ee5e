/**
 * `eoffice grant` as a user runs it: two example recipients generated once (Bojonegoro as it is,
 * Lebak with a Pj. Bupati who has a NIP and a Plt. head of Diskominfo), packed, verified, tampered
 * with in every way the issue names, and trees with planted leaks refused.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, parsePrivateKey, signBytes } from '../../src/grant/keys.js';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { gitEnv } from '../helpers/git.js';
import { tempDir } from '../helpers/tree.js';

const work = tempDir('eoffice-grant-e2e-');
const eoffice = (args: string[], cwd = work): Promise<CliRun> => runCli(args, { cwd, env: { LANG: 'en_US.UTF-8' } });
const sha256 = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;

const BOJ = join(work, 'out-bojonegoro');
const LEB = join(work, 'out-lebak');
const KEY = join(work, 'keys', 'hibah-ed25519.key');
const PUB = join(work, 'keys', 'hibah-ed25519.pub');
const LEDGER = join(work, 'ledger', 'grants.yaml');
const BOJ_TGZ = join(work, 'hibah-bojonegoro.tar.gz');
const LEB_TGZ = join(work, 'hibah-lebak.tar.gz');
const packs: Record<string, CliRun> = {};

/** Lebak's profile with its Bupati a Pj. who holds a NIP, and its head of Diskominfo a Plt. */
function lebakVariant(): string {
  const text = readFileSync(join(ROOT, 'examples', 'lebak', 'regency.yaml'), 'utf8');
  const changed = text
    .replace(
      '  - id: bupati\n    name: Zainal Sudrajat\n    backTitle: S.H., M.H.\n    position: Bupati Lebak\n    role: kepala-daerah\n',
      '  - id: bupati\n    frontTitle: Dr.\n    name: Zainal Sudrajat\n    backTitle: S.H., M.H.\n    nip: "197001011995031001"\n    golongan: IV/c\n    pangkat: Pembina Utama Muda\n    position: Bupati Lebak\n    role: kepala-daerah\n    status: pj\n',
    )
    .replace('    position: Kepala Dinas Komunikasi dan Informatika\n    role: kepala-opd\n    opd: diskominfo\n', '    position: Kepala Dinas Komunikasi dan Informatika\n    role: kepala-opd\n    opd: diskominfo\n    status: plt\n');
  expect(changed.match(/status: pj\n/g)).toHaveLength(1);
  expect(changed).toContain('opd: diskominfo\n    status: plt\n');
  return changed.replace('$schema=../../schemas/', `$schema=${ROOT}/schemas/`);
}

/** The bundle extracted with the system's tar into a new folder; returns the bundle's own folder. */
function extract(tgz: string): string {
  const dir = tempDir('eoffice-grant-x-');
  execFileSync('tar', ['xzf', tgz, '-C', dir]);
  const [top] = execFileSync('ls', [dir], { encoding: 'utf8' }).trim().split('\n');
  return join(dir, top!);
}

beforeAll(async () => {
  writeFileSync(join(work, 'lebak.yaml'), lebakVariant());
  const [keygen, g1, g2] = await Promise.all([
    eoffice(['grant', 'keygen', '--out', 'keys']),
    eoffice(['generate', join(ROOT, 'examples', 'bojonegoro', 'regency.yaml'), '--out', BOJ]),
    eoffice(['generate', join(work, 'lebak.yaml'), '--out', LEB]),
  ]);
  expect([keygen.code, g1.code, g2.code], keygen.stderr + g1.stderr + g2.stderr).toEqual([0, 0, 0]);
  packs.boj = await eoffice(['grant', 'pack', BOJ, '--out', BOJ_TGZ, '--key', KEY, '--ledger', LEDGER]);
  packs.leb = await eoffice(['grant', 'pack', LEB, '--out', LEB_TGZ, '--key', KEY, '--ledger', LEDGER, '--release', '1.0.0']);
}, 120_000);

describe('grant keygen', () => {
  it('writes the private key 0600 and the public key, prints the fingerprint, and never overwrites', async () => {
    expect(execFileSync('stat', ['-c', '%a', KEY], { encoding: 'utf8' }).trim()).toBe('600');
    expect(readFileSync(KEY, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(PUB, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const again = await eoffice(['grant', 'keygen', '--out', 'keys']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; the old key is not overwritten\nhint: use --force/);
  });
});

describe('grant pack and verify', () => {
  it('packs both recipients, records them in the ledger, and lists them', async () => {
    expect(packs.boj!.code, packs.boj!.stderr).toBe(0);
    expect(packs.leb!.code, packs.leb!.stderr).toBe(0);
    expect(packs.boj!.stdout).toMatch(/tag: hibah\/35\.22\/0\.1\.0 {2}commit: [0-9a-f]{40}/);
    expect(packs.leb!.stdout).toMatch(/tag: hibah\/36\.02\/1\.0\.0/);
    expect(packs.boj!.stdout).toContain(`sha256: ${sha256(BOJ_TGZ)}`);
    const list = await eoffice(['grant', 'list', '--ledger', LEDGER, '--json']);
    const grants = (JSON.parse(list.stdout) as { grants: Array<{ recipient: { code: string }; bundle: { sha256: string }; apps: Array<{ name: string }> }> }).grants;
    expect(grants.map((g) => [g.recipient.code, g.bundle.sha256])).toEqual([['35.22', sha256(BOJ_TGZ)], ['36.02', sha256(LEB_TGZ)]]);
    expect(grants[0]!.apps.map((a) => a.name)).toEqual(['e-Office', 'e-Office Desa', 'e-SAKIP']);
    const table = await eoffice(['grant', 'list', '--ledger', LEDGER]);
    expect(table.stdout).toMatch(/^date +recipient +version +apps +commit +sha256\n/);
    expect(table.stdout).toMatch(/2026-02-03 {2}35\.22 Kabupaten Bojonegoro {2}0\.1\.0/);
    expect(table.stdout).toMatch(/2026-04-02 {2}36\.02 Kabupaten Lebak/);
  });

  it('verify accepts each bundle, as tar.gz (key from the BAST or --key) and extracted (also by sha256sum -c)', async () => {
    const folder = extract(BOJ_TGZ);
    const [boj, leb, extracted] = await Promise.all([
      eoffice(['grant', 'verify', BOJ_TGZ]),
      eoffice(['grant', 'verify', LEB_TGZ, '--key', PUB, '--json']),
      eoffice(['grant', 'verify', folder, '--key', PUB]),
    ]);
    expect(boj.code, boj.stderr).toBe(0);
    expect(boj.stdout).toMatch(/^key: SHA256:[0-9a-f ]+ \(from the BAST inside the bundle; compare it with the signed BAST\)\nvalid: \d+ files intact/);
    const report = JSON.parse(leb.stdout) as { ok: boolean; key: { source: string }; tag: string; findings: unknown[] };
    expect(report).toMatchObject({ ok: true, key: { source: 'option' }, tag: 'hibah/36.02/1.0.0', findings: [] });
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' })).toBe('');
  });

  it('packing the same input twice gives the same bytes, SHA256SUMS and commit', async () => {
    const second = join(work, 'again.tar.gz');
    const r = await eoffice(['grant', 'pack', BOJ, '--out', second, '--key', KEY, '--no-ledger']);
    expect(r.code, r.stderr).toBe(0);
    expect(sha256(second)).toBe(sha256(BOJ_TGZ));
    const a = extract(BOJ_TGZ);
    const b = extract(second);
    expect(readFileSync(join(b, 'SHA256SUMS'), 'utf8')).toBe(readFileSync(join(a, 'SHA256SUMS'), 'utf8'));
    expect(readFileSync(join(b, 'manifest.json'), 'utf8')).toBe(readFileSync(join(a, 'manifest.json'), 'utf8'));
  });

  it('keeps git-ignored secrets out; the bundle holds the repository, SBOMs, documents and the signed manifest', () => {
    const folder = extract(BOJ_TGZ);
    const files = execFileSync('find', ['.', '-type', 'f'], { cwd: folder, encoding: 'utf8' }).split('\n').map((f) => f.slice(2));
    for (const secret of ['source/.eoffice/secrets.env', 'source/config/app.env', 'source/deploy/compose/.env']) expect(files).not.toContain(secret);
    for (const f of ['manifest.json', 'manifest.json.sig', 'SHA256SUMS', 'source.bundle', 'profile/regency.yaml', 'sbom/eoffice.cdx.json', 'sbom/esakip.cdx.json', 'docs/hibah/berita-acara-serah-terima.docx', 'docs/hibah/ringkasan-perjanjian-hibah.md', 'source/eoffice.lock.json']) {
      expect(files).toContain(f);
    }
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { recipient: { code: string }; grantor: { name: string }; source: { commit: string; tag: string }; apps: Array<{ title: string; commit: string; tree: string }>; profile: { digest: string } };
    expect(manifest.recipient.code).toBe('35.22');
    expect(manifest.grantor.name).toBe('Kabupaten Sumedang');
    expect(manifest.apps.map((a) => a.title)).toEqual(['runtime', 'e-Office', 'e-Office Desa', 'e-SAKIP']);
    // The tag is annotated, points at the recorded commit, authored by the grantor on the grant date.
    const repo = join(tempDir('eoffice-grant-git-'), 'r.git');
    const env = gitEnv(tempDir('eoffice-grant-home-'));
    execFileSync('git', ['clone', '--quiet', '--mirror', join(folder, 'source.bundle'), repo], { env });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
    expect(git('cat-file', '-t', manifest.source.tag)).toBe('tag');
    expect(git('rev-parse', `${manifest.source.tag}^{commit}`)).toBe(manifest.source.commit);
    expect(git('log', '-1', '--format=%an|%ad', '--date=iso-strict', manifest.source.commit)).toBe('Pemerintah Kabupaten Sumedang|2026-02-03T00:00:00+07:00');
    expect(git('rev-parse', `${manifest.source.commit}:apps/eoffice`)).toBe(manifest.apps[1]!.tree);
  });

  it('the DOCX BAST carries the names, NIPs shown or hidden by status, the date in words and the key', () => {
    const folder = extract(LEB_TGZ);
    const xml = execFileSync('unzip', ['-p', join(folder, 'docs/hibah/berita-acara-serah-terima.docx'), 'word/document.xml'], { encoding: 'utf8' });
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('Pada hari ini Kamis tanggal dua bulan April tahun dua ribu dua puluh enam (2 April 2026)');
    expect(text).toContain('Nomor: 000.4/053/BAST/2026');
    // A Pj. Bupati signs with the bare name: no titles, no NIP, no rank (Permendagri 1/2023 Pasal 44 (4)).
    expect(text).toMatch(/PIHAK KEDUA,\nPj\. BUPATI LEBAK,\n\n\n\n\nZainal Sudrajat\n/);
    expect(text).not.toContain('19700101 199503 1 001');
    expect(text).not.toContain('Dr. Zainal');
    // A Plt. head of agency keeps titles, rank and NIP (Pasal 44 (3)); the grantor's definitive Bupati has no NIP line.
    expect(text).toMatch(/Plt\. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,\n\n\n\n\nDrs\. Didik Maulana, S\.IP\., M\.Si\.\nPembina Tingkat I\nNIP\. 19770205 200403 1 002\n/);
    expect(text).toMatch(/BUPATI SUMEDANG,\n\n\n\n\nHeru Kurniawan, S\.E\., M\.M\.\n(?!NIP)/);
    expect(text).toContain('3 (tiga) aplikasi');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { key: { fingerprint: string } };
    expect(text).toContain(manifest.key.fingerprint);
  });
});

describe.concurrent('verify names what was tampered with', () => {
  const verify = async (bundle: string, ...extra: string[]) => eoffice(['grant', 'verify', bundle, ...extra]);

  it('one byte changed (in the folder, and in a tar.gz made from it)', async () => {
    const folder = extract(BOJ_TGZ);
    const file = join(folder, 'source/docs/panduan-operator.md');
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(file, bytes);
    const r = await verify(folder, '--key', PUB);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('source/docs/panduan-operator.md: content changed: its SHA-256 differs from SHA256SUMS');
    expect(r.stderr).toMatch(/source\/docs\/panduan-operator\.md: differs from commit [0-9a-f]{40}/);
    const tgz = join(work, 'tampered.tar.gz');
    execFileSync('tar', ['czf', tgz, '-C', join(folder, '..'), '.']);
    const t = await verify(tgz, '--json');
    expect(t.code).toBe(1);
    expect((JSON.parse(t.stdout) as { findings: Array<{ file: string; code: string }> }).findings).toContainEqual({ file: 'source/docs/panduan-operator.md', code: 'checksum', message: expect.any(String) });
  });

  it('a file added, a file removed', async () => {
    const folder = extract(BOJ_TGZ);
    writeFileSync(join(folder, 'source/apps/eoffice/src/backdoor.ts'), '// untuk Kabupaten Jombang\nexport const x = 1;\n');
    rmSync(join(folder, 'sbom/eoffice.cdx.json'));
    const r = await verify(folder);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('source/apps/eoffice/src/backdoor.ts: extra file: in the bundle but not listed in SHA256SUMS');
    expect(r.stderr).toMatch(/source\/apps\/eoffice\/src\/backdoor\.ts: in source\/ but not in commit/);
    expect(r.stderr).toContain('sbom/eoffice.cdx.json: missing: listed but not in the bundle');
    // verify runs the leak scan on what arrived, too.
    expect(r.stderr).toContain('source/apps/eoffice/src/backdoor.ts: leak at 1:10: regency: "Kabupaten Jombang" (35.17 Kabupaten Jombang)');
  });

  it('the manifest edited', async () => {
    const folder = extract(BOJ_TGZ);
    const file = join(folder, 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name": "Kabupaten Bojonegoro"', '"name": "Kabupaten Bojonegoro Baru"'));
    const r = await verify(folder, '--key', PUB);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^manifest\.json\.sig: the signature does not match manifest\.json for key SHA256:/m);
  });

  it('the signature swapped, and a whole re-signed forgery caught by --fingerprint', async () => {
    const folder = extract(BOJ_TGZ);
    const forger = generateSigningKeyPair();
    const manifestBytes = readFileSync(join(folder, 'manifest.json'));
    writeFileSync(join(folder, 'manifest.json.sig'), signBytes(manifestBytes, parsePrivateKey(forger.privateKey)));
    const swapped = await verify(folder);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain('manifest.json.sig: the signature does not match manifest.json');

    // The forger also replaces the key in the BAST, and patches SHA256SUMS and the manifest to match.
    const bast = join(folder, 'docs/hibah/berita-acara-serah-terima.md');
    writeFileSync(bast, readFileSync(bast, 'utf8').replace(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n/, forger.publicKey));
    const sumsFile = join(folder, 'SHA256SUMS');
    const sums = readFileSync(sumsFile, 'utf8').replace(/^[0-9a-f]{64}(?= {2}docs\/hibah\/berita-acara-serah-terima\.md$)/m, sha256(bast));
    writeFileSync(sumsFile, sums);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as { checksums: { sha256: string } };
    manifest.checksums.sha256 = sha256(sumsFile);
    const forged = JSON.stringify(manifest, null, 2) + '\n';
    writeFileSync(join(folder, 'manifest.json'), forged);
    writeFileSync(join(folder, 'manifest.json.sig'), signBytes(Buffer.from(forged), parsePrivateKey(forger.privateKey)));
    expect((await verify(folder)).code).toBe(0);
    const realFingerprint = (JSON.parse(readFileSync(join(extract(BOJ_TGZ), 'manifest.json'), 'utf8')) as { key: { fingerprint: string } }).key.fingerprint;
    const pinned = await verify(folder, '--fingerprint', realFingerprint);
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).toMatch(/^docs\/hibah\/berita-acara-serah-terima\.md: key fingerprint SHA256:[0-9a-f ]+ is not SHA256:/m);
  });

  it('the tag moved to another commit, or re-made on the same one', async () => {
    const folder = extract(BOJ_TGZ);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { source: { commit: string; tag: string } };
    const repo = join(tempDir('eoffice-grant-tag-'), 'r.git');
    const env = gitEnv(tempDir('eoffice-grant-home-'));
    execFileSync('git', ['clone', '--quiet', '--mirror', join(folder, 'source.bundle'), repo], { env });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
    const moved = git('commit-tree', `${manifest.source.commit}^{tree}`, '-p', manifest.source.commit, '-m', 'diam-diam');
    git('-c', 'tag.gpgsign=false', 'tag', '-f', '-a', '-m', 'dipindah', manifest.source.tag, moved);
    git('bundle', 'create', '--quiet', join(folder, 'source.bundle'), '--all');
    const sumsFile = join(folder, 'SHA256SUMS');
    writeFileSync(sumsFile, readFileSync(sumsFile, 'utf8').replace(/^[0-9a-f]{64}(?= {2}source\.bundle$)/m, sha256(join(folder, 'source.bundle'))));
    const r = await verify(folder);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`source.bundle: tag ${manifest.source.tag} points at ${moved}, the manifest records ${manifest.source.commit}`);
    expect(r.stderr).toContain('SHA256SUMS: SHA256SUMS changed');

    // Put back on the right commit, but as a new tag object (another message): still not the tag signed for.
    git('-c', 'tag.gpgsign=false', 'tag', '-f', '-a', '-m', 'dibuat ulang', manifest.source.tag, manifest.source.commit);
    git('bundle', 'create', '--quiet', join(folder, 'source.bundle'), '--all');
    const again = await verify(folder);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`source\\.bundle: tag ${manifest.source.tag.replace(/\./g, '\\.')} was re-made: tag object [0-9a-f]{40}, the manifest records [0-9a-f]{40}`));
  });
});

describe.concurrent('the leak scan refuses a tree', () => {
  function plantedCopy(): string {
    const dir = join(tempDir('eoffice-grant-leak-'), 'out');
    cpSync(BOJ, dir, { recursive: true });
    // The copy still names the same profile, relative to where it now is.
    const lock = JSON.parse(readFileSync(join(dir, 'eoffice.lock.json'), 'utf8')) as { profile: { path: string } };
    lock.profile.path = join(ROOT, 'examples', 'bojonegoro', 'regency.yaml');
    writeFileSync(join(dir, 'eoffice.lock.json'), JSON.stringify(lock, null, 2) + '\n');
    return dir;
  }

  it('with a private key, an .env with values, a foreign regency and the grantor outside its attribution; nothing is written', async () => {
    const dir = plantedCopy();
    const privateKey = readFileSync(KEY, 'utf8');
    writeFileSync(join(dir, 'deploy/hibah-ed25519.key'), privateKey);
    // The grantor typed its own database password into the git-ignored compose .env (fine), and a
    // backup copy of that file, under a name no .gitignore covers, stayed in the tree (not fine).
    const env = join(dir, 'deploy/compose/.env');
    writeFileSync(env, readFileSync(env, 'utf8').replace(/^DB_PASSWORD=$/m, 'DB_PASSWORD=Xq7-prod-Pa55word-2026'));
    cpSync(env, join(dir, 'deploy/compose/.env.bak'));
    writeFileSync(join(dir, 'docs/catatan.md'), '# Catatan\n\nKontak teknis: Diskominfo Kabupaten Jombang.\n');
    writeFileSync(join(dir, 'apps/eoffice/src/tentang.ts'), '// Aplikasi ini\n// milik Pemerintah Kabupaten Sumedang\nexport {};\n');
    const out = join(work, 'leaky.tar.gz');
    const ledgerBefore = readFileSync(LEDGER, 'utf8');
    const r = await eoffice(['grant', 'pack', dir, '--out', out, '--key', KEY, '--ledger', LEDGER]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deploy/hibah-ed25519.key:1:1 private-key: a PEM private key');
    expect(r.stderr).toMatch(/deploy\/compose\/\.env\.bak:\d+:\d+ secret-value: the value of DB_PASSWORD from deploy\/compose\/\.env\n/);
    expect(r.stderr).not.toContain('Xq7-prod-Pa55word-2026');
    expect(r.stderr).toContain('docs/catatan.md:3:27 regency: "Kabupaten Jombang" (35.17 Kabupaten Jombang)');
    expect(r.stderr).toMatch(/apps\/eoffice\/src\/tentang\.ts:2:\d+ grantor: "Kabupaten Sumedang" \(32\.11 Kabupaten Sumedang, the grantor outside the grant documents\)/);
    expect(r.stderr).toMatch(/bundle refused: \d+ leak\(s\)/);
    const secrets = readFileSync(join(dir, '.eoffice/secrets.env'), 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => l.split('=')[1]!);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of [...secrets, privateKey.split('\n')[1]!]) expect(r.stderr + r.stdout).not.toContain(s);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(LEDGER, 'utf8')).toBe(ledgerBefore);
  });

  it('with only an .env copied out of its git-ignored place, even without the tree\'s .gitignore (JSON output)', async () => {
    const dir = plantedCopy();
    cpSync(join(dir, 'config/app.env'), join(dir, 'deploy/app.env.bak'));
    // Without its .gitignore the tree's own secret files still stay out (else config/app.env and
    // .eoffice/secrets.env would be reported too): pack excludes them by the lock, not by trust.
    rmSync(join(dir, '.gitignore'));
    const r = await eoffice(['grant', 'pack', dir, '--out', join(work, 'leaky2.tar.gz'), '--key', KEY, '--no-ledger', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; leaks: Array<{ file: string; kind: string }> };
    expect(report.ok).toBe(false);
    expect(report.leaks.map((l) => [l.file, l.kind])).toEqual([['deploy/app.env.bak', 'secret-value']]);
  });
});

describe('grant: usage and input errors', () => {
  it('pack of a folder that is not generated exits 2; a profile changed since generate exits 1', async () => {
    const empty = tempDir('eoffice-grant-empty-');
    const r = await eoffice(['grant', 'pack', empty, '--out', join(work, 'x.tar.gz'), '--key', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a generated tree: no eoffice\.lock\.json\nhint: run `eoffice generate/);
    const changed = join(work, 'changed.yaml');
    writeFileSync(changed, readFileSync(join(work, 'lebak.yaml'), 'utf8') + '\n# diubah\n');
    const c = await eoffice(['grant', 'pack', LEB, '--out', join(work, 'x.tar.gz'), '--key', KEY, '--profile', changed]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('changed since');
    expect(existsSync(join(work, 'x.tar.gz'))).toBe(false);
  });

  it('verify of a missing bundle exits 2; help lists the subcommands with examples in both languages', async () => {
    expect((await eoffice(['grant', 'verify', join(work, 'nope.tar.gz')])).code).toBe(2);
    const en = await eoffice(['grant', '--help']);
    expect(en.stdout).toMatch(/keygen[\s\S]*pack[\s\S]*verify[\s\S]*list[\s\S]*Examples:/);
    const id = await runCli(['grant', 'pack', '--help'], { cwd: work, env: { LANG: 'id_ID.UTF-8' } });
    expect(id.stdout).toContain('Contoh:');
    expect(id.stdout).toContain('Kode keluar: 0 bundel dibuat');
  });
});
