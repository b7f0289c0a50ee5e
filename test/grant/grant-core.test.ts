import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSums, parseSums, sha256Hex } from '../../src/grant/checksums.js';
import { agreementDocument, bastDocument, countInWords, toMarkdown, type HandoverInput } from '../../src/grant/documents.js';
import { fingerprint, findPublicKeyPem, generateSigningKeyPair, parsePrivateKey, parsePublicKey, publicKeyOf, sameFingerprint, signBytes, verifyBytes } from '../../src/grant/keys.js';
import { blockLines, formatLeak, scanForLeaks, type ScanFile } from '../../src/grant/leaks.js';
import { appendLedger, parseLedger, readLedger, type LedgerEntry } from '../../src/grant/ledger.js';
import { appSbom } from '../../src/grant/sbom.js';
import { readZip, writeZip } from '../../src/grant/zip.js';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { regionIndex, type RegionIndex } from '../../src/region/decree.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';

const example = (name: string) => load(readFileSync(join(ROOT, 'examples', name, 'regency.yaml'), 'utf8')) as RegencyProfile;

describe('signing keys', () => {
  const pair = generateSigningKeyPair();
  const key = parsePrivateKey(pair.privateKey);

  it('fingerprints the raw public key as 16 groups of four hex digits, the same from either half', () => {
    const fp = fingerprint(pair.publicKey);
    expect(fp).toMatch(/^SHA256:([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(fingerprint(publicKeyOf(key))).toBe(fp);
    expect(sameFingerprint(fp.toUpperCase().replace(/ /g, ''), fp)).toBe(true);
    expect(fingerprint(generateSigningKeyPair().publicKey)).not.toBe(fp);
  });

  it('signs deterministically; the signature fails for another message or another key', () => {
    const message = Buffer.from('{"a":1}\n');
    const sig = signBytes(message, key);
    expect(signBytes(message, key)).toBe(sig);
    const pub = parsePublicKey(pair.publicKey);
    expect(verifyBytes(message, sig, pub)).toBe(true);
    expect(verifyBytes(Buffer.from('{"a":2}\n'), sig, pub)).toBe(false);
    expect(verifyBytes(message, sig, parsePublicKey(generateSigningKeyPair().publicKey))).toBe(false);
    expect(verifyBytes(message, 'not base64!', pub)).toBe(false);
  });

  it('refuses keys that are not Ed25519, and finds the PEM public key in a document', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => parsePublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/rsa key, not Ed25519/);
    expect(() => parsePrivateKey('garbage')).toThrow(/not a PEM private key/);
    expect(findPublicKeyPem(`# BAST\n\n\`\`\`\n${pair.publicKey}\`\`\`\n`)).toBe(pair.publicKey);
  });
});

describe('SHA256SUMS', () => {
  it('lists files in byte order in the coreutils format, and reads it back', () => {
    const files = new Map([['b.txt', Buffer.from('b')], ['B.txt', Buffer.from('B')], ['a/z.txt', Buffer.from('z')]]);
    const text = formatSums(files);
    expect(text.split('\n').filter(Boolean).map((l) => l.slice(66))).toEqual(['B.txt', 'a/z.txt', 'b.txt']);
    expect(text).toContain(`${sha256Hex('b')}  b.txt\n`);
    const parsed = parseSums(text + 'nonsense\n');
    expect(parsed.entries.map((e) => e.path)).toEqual(['B.txt', 'a/z.txt', 'b.txt']);
    expect(parsed.bad).toEqual([4]);
  });
});

describe('the deterministic zip writer', () => {
  it('round-trips, gives the same bytes twice, and unzip accepts it with the given date', () => {
    const entries = [{ name: '[Content_Types].xml', data: Buffer.from('<x/>') }, { name: 'word/document.xml', data: Buffer.from('Pada hari ini '.repeat(50)) }];
    const zip = writeZip(entries, '2026-02-03');
    expect(writeZip(entries, '2026-02-03').equals(zip)).toBe(true);
    expect(readZip(zip).map((e) => [e.name, e.data.toString()])).toEqual(entries.map((e) => [e.name, e.data.toString()]));
    const file = join(tempDir('eoffice-zip-'), 't.zip');
    writeFileSync(file, zip);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-l', file], { encoding: 'utf8' })).toMatch(/2026-02-03 00:00\s+word\/document\.xml/);
  });
});

describe('the leak scan', () => {
  let region: RegionIndex;
  let profile: RegencyProfile;
  const secrets = new Map([['.eoffice/secrets.env:db_password', 'Qm9qb25lZ29yb1NlY3JldFZhbHVlMTIzNDU2Nzg5MA']]);
  const file = (path: string, text: string, grantorLines?: Array<[number, number]>): ScanFile => ({ path, content: Buffer.from(text), ...(grantorLines ? { grantorLines } : {}) });
  beforeAll(() => {
    region = regionIndex();
    profile = example('bojonegoro');
  });

  it('passes the recipient itself: its name, code, kecamatan and village codes', async () => {
    const text = 'Pemerintah Kabupaten Bojonegoro (35.22), Kecamatan Balen 35.22.01, desa 35.22.01.2001\npostgres://pengguna:sandi@host:5432/eoffice\nUbuntu 22.04\n';
    expect(await scanForLeaks([file('docs/a.md', text)], { profile, region, secrets })).toEqual([]);
  });

  it('names the file and line of another regency, by name and by code', async () => {
    const found = await scanForLeaks([file('docs/a.md', 'baris satu\nHubungi Pemkab Jombang di 35.17.\n')], { profile, region, secrets });
    expect(found.map((f) => formatLeak(f))).toEqual([
      expect.stringMatching(/^docs\/a\.md:2:9 regency: "Pemkab Jombang" \(35\.17 Kabupaten Jombang\)/),
      expect.stringMatching(/^docs\/a\.md:2:27 regency: "35\.17"/),
    ]);
  });

  it('allows the grantor in the grant documents and in a grant block, nowhere else', async () => {
    const yaml = 'regency:\n  name: Kabupaten Bojonegoro\ngrant:\n  grantor:\n    name: Kabupaten Sumedang\n# Kabupaten Sumedang\nopds: []\n';
    const grantLines = blockLines(yaml, /^grant:/);
    // The comment after the block, at the top level, is not part of it.
    expect(grantLines).toEqual([[3, 5]]);
    const found = await scanForLeaks(
      [
        file('docs/hibah/berita-acara-serah-terima.md', 'PIHAK PERTAMA: Pemerintah Kabupaten Sumedang (32.11)\n'),
        file('profile/regency.yaml', yaml + 'note: Kabupaten Sumedang\n', grantLines),
        file('apps/eoffice/README.md', 'Dibuat oleh Diskominfo Kabupaten Sumedang\n'),
      ],
      { profile, region, secrets },
    );
    expect(found.map((f) => [f.file, f.line, f.kind])).toEqual([
      ['profile/regency.yaml', 6, 'grantor'],
      ['profile/regency.yaml', 8, 'grantor'],
      ['apps/eoffice/README.md', 1, 'grantor'],
    ]);
  });

  it('reads the manifest\'s grantor object as a block, closing brace included', () => {
    const json = JSON.stringify({ kind: 'eoffice-grant', grantor: { code: '32.11', name: 'Kabupaten Sumedang' }, recipient: { code: '35.22' } }, null, 2);
    expect(blockLines(json, /^\s*"grantor": \{/)).toEqual([[3, 6]]);
    expect(json.split('\n')[5]).toBe('  },');
  });

  it('finds an Ed25519 private key (too short for secretlint), an RSA key once, and a generated secret, never printing them', async () => {
    const ed = generateSigningKeyPair().privateKey;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const value = secrets.get('.eoffice/secrets.env:db_password')!;
    const found = await scanForLeaks(
      [file('keys/grant.key', ed), file('deploy/rsa.pem', `x\n${rsa}`), file('apps/eoffice/.env', `# salinan\nDB_PASSWORD=${value}\n`), file('apps/x.ts', 'const url = "postgres://eoffice:Zx81kQ2mVv9rT4@db.internal:5432/eoffice";\n')],
      { profile, region, secrets },
    );
    expect(found.map((f) => [f.file, f.line, f.kind])).toEqual([
      ['keys/grant.key', 1, 'private-key'],
      ['deploy/rsa.pem', 2, 'secret'],
      ['apps/eoffice/.env', 2, 'secret-value'],
      ['apps/x.ts', 1, 'secret'],
    ]);
    const printed = [...found.map((f) => formatLeak(f)), ...found.map((f) => formatLeak(f, 'id'))].join('\n');
    expect(printed).toContain('apps/eoffice/.env:2:13 secret-value: the value of db_password from .eoffice/secrets.env');
    expect(printed).toContain('apps/eoffice/.env:2:13 secret-value: nilai db_password dari .eoffice/secrets.env');
    expect(printed).toContain('keys/grant.key:1:1 private-key: kunci privat PEM');
    expect(printed).toMatch(/apps\/x\.ts:1:\d+ secret: rahasia terdeteksi \(secretlint\/database-connection-string: found PostgreSQL connection string: \*+\)/);
    for (const s of [value, 'Zx81kQ2mVv9rT4', ed.split('\n')[1]!, rsa.split('\n')[1]!]) expect(printed).not.toContain(s);
  });
});

describe('the ledger', () => {
  const entry = (code: string, sha: string): LedgerEntry => ({
    recipient: { code, name: `Kabupaten ${code}` },
    grantor: { code: '32.11', name: 'Kabupaten Sumedang' },
    agreement: '000.4/021/HIBAH/2026',
    date: '2026-02-03',
    version: '0.1.0',
    tag: `hibah/${code}/0.1.0`,
    commit: 'a'.repeat(40),
    apps: [{ name: 'e-Office', version: '1.0.0' }],
    bundle: { file: 'b.tar.gz', sha256: sha },
    key: 'SHA256:0000',
  });

  it('appends, skips the same bundle twice, and keeps every entry of concurrent appends', async () => {
    const file = join(tempDir('eoffice-ledger-'), 'grants.yaml');
    expect(await appendLedger(file, entry('35.22', '1'))).toBe(true);
    expect(await appendLedger(file, entry('35.22', '1'))).toBe(false);
    await Promise.all(['36.02', '35.17', '16.10', '19.06'].map((c) => appendLedger(file, entry(c, c))));
    const ledger = await readLedger(file);
    expect(ledger.grants.map((g) => g.recipient.code).sort()).toEqual(['16.10', '19.06', '35.17', '35.22', '36.02']);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Buku catatan hibah/);
  });

  it('refuses a file that is not a ledger', () => {
    expect(() => parseLedger('a: 1\n', 'x.yaml')).toThrow(/not a grant ledger/);
    expect(parseLedger('', 'x.yaml').grants).toEqual([]);
  });
});

describe('the handover documents', () => {
  const pair = generateSigningKeyPair();
  const input = (profile: RegencyProfile): HandoverInput => ({
    profile,
    apps: [
      { key: 'runtime', title: 'runtime', blueprint: 'app-runtime', version: '1.0.0', path: 'apps/runtime', tree: '1'.repeat(40) },
      { key: 'eoffice', title: 'e-Office', blueprint: 'eoffice', version: '1.0.0', path: 'apps/eoffice', tree: '2'.repeat(40) },
      { key: 'esakip', title: 'e-SAKIP', blueprint: 'esakip', version: '1.2.0', path: 'apps/esakip', tree: '3'.repeat(40) },
    ],
    commit: 'c'.repeat(40),
    tag: 'hibah/36.02/0.1.0',
    documentation: ['docs/a.md', 'docs/b.md', 'docs/c.md', 'docs/d.md', 'docs/e.md', 'docs/f.md', 'docs/g.md', 'docs/h.md', 'docs/i.md', 'docs/j.md', 'docs/k.md', 'docs/l.md'],
    publicKeyPem: pair.publicKey,
    fingerprint: fingerprint(pair.publicKey),
  });

  it('writes counts as forms do', () => {
    expect(countInWords(2)).toBe('2 (dua)');
    expect(countInWords(64)).toBe('64 (enam puluh empat)');
  });

  it('BAST: date in words, inventory, key, and Pasal 44 signature blocks (a Pj. head signs bare; an agency head with NIP)', () => {
    const profile = example('lebak');
    const head = profile.signatories.find((s) => s.role === 'kepala-daerah')!;
    Object.assign(head, { frontTitle: 'Dr.', nip: '197001011995031001', golongan: 'IV/c', pangkat: 'Pembina Utama Muda', status: 'pj' });
    const md = toMarkdown(bastDocument(input(profile)));
    expect(md).toContain(`Pada hari ini Kamis tanggal dua bulan April tahun dua ribu dua puluh enam (2 April 2026)`);
    expect(md).toContain('hibah berupa 2 (dua) aplikasi beserta kode sumbernya, dokumentasi, pendampingan implementasi dan pelatihan');
    expect(md).toContain('| 2 | Aplikasi e-SAKIP beserta kode sumbernya | 1.2.0 |');
    expect(md).toContain('12 (dua belas) berkas');
    expect(md).toContain('rangkap 2 (dua)');
    expect(md).toContain(pair.publicKey.trim());
    expect(md).toContain(fingerprint(pair.publicKey));
    // Pj. Bupati: no titles, no NIP, no rank (Pasal 44 (4)).
    expect(md).toContain('PIHAK KEDUA,\nPj. BUPATI LEBAK,\n\n\n\n\nZainal Sudrajat\n```');
    expect(md).not.toContain('19700101 199503 1 001');
    // The grantor's definitive head: titles, no NIP; the agency heads (witnesses): titles, rank and NIP.
    expect(md).toContain('BUPATI SUMEDANG,\n\n\n\n\nHeru Kurniawan, S.E., M.M.\n```');
    expect(md).toContain('Drs. Didik Maulana, S.IP., M.Si.\nPembina Tingkat I\nNIP. 19770205 200403 1 002');
    expect(md).toContain('Dra. Lia Safitri, S.E., M.M.\nPembina Utama Muda\nNIP. 19710109 199903 2 001');
  });

  it('agreement summary: its own date in words, the parties and the duties', () => {
    const md = toMarkdown(agreementDocument(input(example('bojonegoro'))));
    expect(md).toContain('Nomor: 000.4/021/HIBAH/2026');
    expect(md).toContain('Selasa tanggal dua puluh bulan Januari tahun dua ribu dua puluh enam (20 Januari 2026)');
    expect(md).toContain('menyerahkan 2 (dua) aplikasi, yaitu e-Office dan e-SAKIP');
    expect(md).toContain('**Andi Wijaya, S.IP., M.A.P.**, Bupati Bojonegoro');
  });

  it('refuses a profile without a grant section', () => {
    const profile = example('bojonegoro');
    delete profile.grant;
    expect(() => bastDocument(input(profile))).toThrow(/no `grant:` section/);
  });
});

describe('the SBOM', () => {
  it('follows workspace links and node_modules transitively, with licences and SHA-512 hashes', () => {
    const sri = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;
    const json = JSON.parse(appSbom('eoffice', { name: 'eoffice', version: '1.0.0', dependencies: { 'eoffice-runtime': '*' } }, {
      packages: {
        eoffice: { version: '1.0.0', dependencies: { 'eoffice-runtime': '*' } },
        runtime: { version: '1.0.0', dependencies: { pg: '8.23.1' } },
        'node_modules/eoffice-runtime': { resolved: 'runtime', link: true },
        'node_modules/pg': { version: '8.23.1', license: 'MIT', integrity: sri, dependencies: { 'pg-types': '2.2.0' } },
        'node_modules/pg-types': { version: '2.2.0', license: 'MIT' },
      },
    })) as { specVersion: string; metadata: { component: { name: string } }; components: Array<{ name: string; version: string; hashes?: Array<{ content: string }> }>; dependencies: Array<{ ref: string; dependsOn?: string[] }> };
    expect(json.specVersion).toBe('1.6');
    expect(json.metadata.component.name).toBe('eoffice');
    expect(json.components.map((c) => `${c.name}@${c.version}`).sort()).toEqual(['eoffice-runtime@1.0.0', 'pg-types@2.2.0', 'pg@8.23.1']);
    expect(json.components.find((c) => c.name === 'pg')!.hashes![0]!.content).toBe('07'.repeat(64));
    expect(json.dependencies.find((d) => d.ref === 'pkg:npm/pg@8.23.1')!.dependsOn).toEqual(['pkg:npm/pg-types@2.2.0']);
  });
});
