/**
 * The handover documents for profiles the examples do not cover: a kota, every deployment target at
 * once, provided TLS with an external MySQL server, a letter-number pattern the guide cannot compose
 * (it then explains the tokens instead of inventing a number), and a profile with neither deployment
 * nor grant. Each renders fully, names only generated paths and leaves nothing unfilled.
 */
import { describe, expect, it } from 'vitest';
import { formatLetterNumber } from '../../src/domain/letter-number.js';
import { findLeftovers } from '../../src/generate/leftovers.js';
import { regionIndex } from '../../src/region/decree.js';
import { expectedLetterNumbers, generateProfile, inTree, namedPaths, ROOT, unfilled, variantOf, type GeneratedTree } from './support.js';

const GUIDES = ['docs/panduan-instalasi.md', 'docs/panduan-operator.md', 'docs/inventaris.md'];
const region = regionIndex();

function expectWellFormed(tree: GeneratedTree): void {
  const missing = GUIDES.flatMap((doc) => namedPaths(tree.text(doc)).filter((p) => !inTree(tree, p)).map((p) => `${doc}: ${p}`));
  expect(missing).toEqual([]);
  for (const doc of GUIDES) expect(unfilled(tree.text(doc)), doc).toEqual([]);
  expect(findLeftovers(tree.inputs().filter((f) => f.path.startsWith('docs/')), tree.profile, region)).toEqual([]);
}

describe('docs for other profiles', () => {
  it('a kota: the head of region is the Wali Kota, and the kota is named as such', async () => {
    const tree = await generateProfile(`${ROOT}/test/fixtures/kota-banjar.yaml`);
    const operator = tree.text('docs/panduan-operator.md');
    expect(operator).toContain('Pejabat selain Wali Kota, Wakil Wali Kota dan Sekretaris Daerah');
    expect(tree.text('docs/panduan-instalasi.md')).toMatch(/^# Panduan Instalasi Aplikasi Hibah Kota Banjar$/m);
    expect(operator).toContain(`bernomor\n\n\`\`\`\n${expectedLetterNumbers(tree.profile).eoffice!}\n\`\`\``);
    expect(operator).toContain(`bernomor\n\n\`\`\`\n${expectedLetterNumbers(tree.profile).desa!}\n\`\`\``);
    expectWellFormed(tree);
  });

  it('every deployment target at once: each has its section, prerequisites and upgrade step', async () => {
    const tree = await generateProfile(variantOf('bojonegoro', (p) => void (p.deployment!.targets = ['compose', 'kubernetes', 'vm'])));
    const install = tree.text('docs/panduan-instalasi.md');
    for (const heading of ['### Docker Compose', '### Kubernetes', '### Mesin virtual (nginx dan systemd)']) expect(install).toContain(heading);
    for (const step of ['- Docker Compose: `cd deploy/compose && docker compose up -d --build`', '- Kubernetes: `kubectl apply -k deploy/kubernetes/overlays/production`', '- Mesin virtual: `sudo sh deploy/vm/install.sh`']) {
      expect(install).toContain(step);
    }
    expect(install).toContain('git check-ignore -v .eoffice/secrets.env config/app.env deploy/compose/.env deploy/kubernetes/base/secrets.env deploy/vm/eoffice.env');
    const ignored = tree.text('.gitignore');
    for (const secret of ['/deploy/compose/.env', '/deploy/kubernetes/base/secrets.env', '/deploy/vm/eoffice.env']) expect(ignored).toContain(secret);
    expectWellFormed(tree);
  });

  it('provided TLS, an external MySQL server, a padded monthly pattern in an unusual order', async () => {
    const template = '{nomor}-{unit}-{klasifikasi}-{bulan}-{tahun}';
    const tree = await generateProfile(variantOf('bojonegoro', (p) => {
      const d = p.deployment!;
      d.tls = { mode: 'provided', certificate: 'file:/etc/ssl/eoffice/fullchain.pem', privateKey: 'file:/etc/ssl/eoffice/privkey.pem' };
      d.database = { engine: 'mysql', version: '8.4', host: 'db.bojonegorokab.go.id', port: 3307, name: 'eoffice_bjn', user: 'eoffice_app', password: 'env:EOFFICE_DB_PASSWORD' };
      p.apps.eoffice!.letterNumber = { template, reset: 'monthly', padding: 3 };
    }));
    const install = tree.text('docs/panduan-instalasi.md');
    const operator = tree.text('docs/panduan-operator.md');
    expect(install).toContain('| Basis data | MySQL 8.4; basis data `eoffice_bjn`, pengguna `eoffice_app`, server `db.bojonegorokab.go.id` |');
    expect(install).toContain('export DATABASE_URL="mysql://eoffice_app:');
    expect(install).toContain('@db.bojonegorokab.go.id:3307/eoffice_bjn"');
    expect(install).not.toContain('PostgreSQL');
    expect(install).toContain('Mode TLS Kabupaten Bojonegoro adalah **`provided`**');
    expect(install).toContain('`file:/etc/ssl/eoffice/fullchain.pem`');
    expect(install).toContain('`deploy/compose/tls/fullchain.pem`');
    // No bundled database: Compose does not load the seed, eoffice does.
    expect(install).not.toContain('docker compose exec db');
    expect(install).toContain('eoffice seed apply . --db env:DATABASE_URL');
    // The pattern is written out with its token values, and composed as the application composes it.
    expect(operator).toContain(`\`\`\`\n${template}\n\`\`\``);
    expect(operator).toContain('dimulai lagi dari 1 setiap awal bulan');
    expect(operator).toContain('| `{nomor}` | nomor urut, diisi nol di depan sampai 3 angka | `015` |');
    const composed = formatLetterNumber(template, { klasifikasi: '000.1', nomor: 15, unit: 'SETDA', tahun: 2026, bulan: 2, padding: 3 });
    expect(composed).toBe('015-SETDA-000.1-02-2026');
    expect(operator).toContain(`bernomor\n\n\`\`\`\n${composed}\n\`\`\``);
    expect(operator.match(/bernomor/g)).toHaveLength(2); // the agencies' letters and the villages'
    expectWellFormed(tree);
  });

  it('a profile with neither deployment nor grant, and only e-Office', async () => {
    const tree = await generateProfile(variantOf('bojonegoro', (p) => {
      delete p.deployment;
      delete p.grant;
      delete p.apps.eofficeDesa;
      delete p.apps.esakip;
    }));
    const install = tree.text('docs/panduan-instalasi.md');
    const operator = tree.text('docs/panduan-operator.md');
    const inventory = tree.text('docs/inventaris.md');
    expect(install).toContain('Profil belum memuat bagian `deployment`');
    for (const text of ['docker compose', 'kubectl', 'systemctl', 'deploy/']) expect(install).not.toContain(text);
    expect(inventory).toContain('Profil belum memuat bagian `grant`');
    expect(inventory).not.toContain('Sumedang');
    // Without a grant or a SAKIP period there is no date to put in an example number.
    expect(operator).not.toContain('bernomor');
    expect(operator).toContain('| `{tahun}`, `{bulan}`, `{bulanRomawi}` |');
    expect(operator).not.toContain('## e-Office Desa');
    expect(operator).not.toContain('## e-SAKIP');
    expectWellFormed(tree);
  });
});
