/**
 * The handover documents (docs/panduan-instalasi.md, docs/panduan-operator.md, docs/inventaris.md)
 * of every example, generated with the real engine and templates/: written for that regency (its
 * name, domain, database engine), with the sections of its chosen deployment targets and no other,
 * the letter-number example in its own format, every signatory's signature block, every path they
 * name present in the generated tree, nothing left unfilled, and no other regency named.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSignatureBlock, signatureBlock } from '../../src/domain/signature-block.js';
import { findLeftovers, formatLeftover } from '../../src/generate/leftovers.js';
import type { RegencyProfile, Signatory } from '../../src/profile/types.generated.js';
import { regionIndex } from '../../src/region/decree.js';
import { enabled, EXAMPLE_DIRS, expectedLetterNumbers, generateExample, inTree, namedPaths, unfilled, type GeneratedTree } from './support.js';

const GUIDES = ['docs/panduan-instalasi.md', 'docs/panduan-operator.md', 'docs/inventaris.md'] as const;
const ENGINE_NAMES = { postgresql: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' } as const;
const region = regionIndex();

/** What only a target's own section says. */
const TARGET_MARKS = {
  compose: ['### Docker Compose', 'cd deploy/compose && docker compose up -d', 'deploy/compose/.env', 'docker compose'],
  kubernetes: ['### Kubernetes', 'kubectl apply -k deploy/kubernetes/overlays/production', 'deploy/kubernetes/base/secrets.env', 'kubectl'],
  vm: ['### Mesin virtual', 'sudo sh deploy/vm/install.sh', 'deploy/vm/eoffice.env', 'systemctl'],
} as const;

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function resolveBlock(p: RegencyProfile, s: Signatory): string {
  const byId = new Map(p.signatories.map((x) => [x.id, x]));
  const principal = s.delegation ? byId.get(s.delegation.principal) : undefined;
  const via = s.delegation?.via ? byId.get(s.delegation.via) : undefined;
  return formatSignatureBlock(signatureBlock({ signatory: s, kind: 'naskah-dinas', ...(principal ? { principal } : {}), ...(via ? { via } : {}) }));
}

describe.each(EXAMPLE_DIRS)('docs of examples/%s', (dir) => {
  let tree: GeneratedTree;
  let install: string;
  let operator: string;
  let inventory: string;
  let p: RegencyProfile;

  beforeAll(async () => {
    tree = await generateExample(dir);
    p = tree.profile;
    install = tree.text('docs/panduan-instalasi.md');
    operator = tree.text('docs/panduan-operator.md');
    inventory = tree.text('docs/inventaris.md');
  });

  it('are written for this regency: its name, code, domain and database engine', () => {
    for (const doc of [install, operator, inventory]) expect(doc).toContain(p.regency.name);
    expect(install).toMatch(new RegExp(`^# Panduan Instalasi Aplikasi Hibah ${p.regency.name}$`, 'm'));
    expect(install).toContain(`(${p.regency.code}`);
    expect(install).toContain(`https://${p.deployment!.domain!}`);
    for (const app of ['eoffice', 'eoffice-desa', 'esakip'] as const) {
      const key = app === 'eoffice-desa' ? 'eofficeDesa' : app;
      const healthz = `curl -fsS https://${p.deployment!.domain!}/${app}/healthz`;
      if (enabled(p.apps[key])) expect(install).toContain(healthz);
      else expect(install).not.toContain(healthz);
    }
    const engine = p.deployment!.database!.engine;
    expect(install).toContain(`| Basis data | ${ENGINE_NAMES[engine]}`);
    for (const other of Object.values(ENGINE_NAMES)) if (other !== ENGINE_NAMES[engine]) expect(install).not.toContain(other);
    expect(install).toContain(`export DATABASE_URL="${engine === 'postgresql' ? 'postgres' : 'mysql'}://`);
    expect(install).toContain('eoffice seed apply . --db env:DATABASE_URL');
    expect(install).toContain('eoffice upgrade .');
  });

  it('hold the sections of the chosen deployment targets, and no other', () => {
    const targets = p.deployment!.targets;
    for (const [target, marks] of Object.entries(TARGET_MARKS)) {
      for (const mark of marks) {
        if ((targets as string[]).includes(target)) expect(install, `${target}: ${mark}`).toContain(mark);
        else for (const doc of [install, operator, inventory]) expect(doc, `${target}: ${mark}`).not.toContain(mark);
      }
      if (!(targets as string[]).includes(target)) for (const doc of [install, operator, inventory]) expect(doc).not.toContain(`deploy/${target}`);
    }
  });

  it('give backups, TLS and secrets as the profile sets them', () => {
    const d = p.deployment!;
    expect(install).toContain(`jadwal cron \`${d.backups!.schedule!}\``);
    expect(install).toContain(`disimpan **${d.backups!.retentionDays!} hari**`);
    expect(install).toContain(`Mode TLS ${p.regency.name} adalah **\`${d.tls!.mode}\`**`);
    if (d.tls!.mode === 'acme') expect(install).toContain(d.tls!.email!);
    expect(install).toContain('`.eoffice/secrets.env`');
    expect(install).toContain('git check-ignore -v .eoffice/secrets.env config/app.env');
    if (d.database!.password) expect(install).toContain(`\`${d.database!.password}\``);
    // Every secret file the guide names is one that .gitignore keeps out of git.
    const ignored = tree.text('.gitignore').split('\n');
    const checked = /git check-ignore -v (.*)/.exec(install)![1]!.split(' ');
    for (const file of checked) expect(ignored, file).toContain(`/${file}`);
  });

  it('show the letter-number example in the regency\'s own format, for one of its agencies', () => {
    const expected = expectedLetterNumbers(p);
    expect(expected.eoffice ?? expected.desa).toBeDefined();
    if (expected.eoffice) {
      expect(operator).toContain(`\`\`\`\n${p.apps.eoffice!.letterNumber!.template}\n\`\`\``);
      expect(operator).toContain(`bernomor\n\n\`\`\`\n${expected.eoffice}\n\`\`\``);
    }
    if (expected.desa) {
      expect(operator).toContain(`\`\`\`\n${p.apps.eofficeDesa!.letterNumber!.template}\n\`\`\``);
      expect(operator).toContain(`bernomor\n\n\`\`\`\n${expected.desa}\n\`\`\``);
    } else expect(operator).not.toContain('## e-Office Desa');
  });

  it('list every signatory with the signature block Pasal 44 gives for naskah dinas', () => {
    for (const s of p.signatories) {
      expect(operator).toContain(`| ${s.position} | `);
      expect(operator, s.id).toContain(`\`\`\`\n${resolveBlock(p, s)}\n\`\`\``);
    }
    for (const s of p.signatories.filter((x) => x.status === 'plt')) expect(operator).toMatch(new RegExp(`^Plt\\. ${s.position.toUpperCase()},$`, 'm'));
  });

  it('give the e-SAKIP period and weights, and every performance-agreement pair', () => {
    if (!enabled(p.apps.esakip)) {
      expect(operator).not.toContain('## e-SAKIP');
      return;
    }
    const { period, weights } = p.apps.esakip;
    expect(operator).toContain(`**${period!.start}–${period!.end}**`);
    expect(operator).toContain(`| Perencanaan kinerja | ${weights!.planning} |`);
    expect(operator).toContain(`| Evaluasi akuntabilitas kinerja internal | ${weights!.evaluation} |`);
    const byId = new Map(p.signatories.map((s) => [s.id, s]));
    const pairs = p.signatories.filter((s) => s.superior && byId.has(s.superior));
    const section = operator.slice(operator.indexOf('### Pasangan perjanjian kinerja'));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Pihak'));
    expect(rows).toEqual(pairs.map((s) => expect.stringMatching(new RegExp(`^\\| ${escapeRe(s.position)} \\(.*\\) \\| ${escapeRe(byId.get(s.superior!)!.position)} \\(.*\\) \\|$`))));
  });

  it('count what is handed over as the seed does', () => {
    const csvRows = (table: string) => tree.text(`seed/csv/${table}.csv`).trimEnd().split('\n').length - 1;
    expect(inventory).toContain(`| \`opd\` | perangkat daerah beserta kode unit nomor surat | ${csvRows('opd')} |`);
    expect(inventory).toContain(`| \`desa\` | desa dan kelurahan | ${csvRows('desa')} |`);
    expect(inventory).toContain(`| \`penandatangan\` | penandatangan beserta jabatan, status dan delegasi | ${csvRows('penandatangan')} |`);
    expect(inventory).toContain(`| \`penomoran_surat\` | pola nomor surat setiap aplikasi | ${csvRows('penomoran_surat')} |`);
    expect(inventory).toContain(`| Kop naskah dinas setiap perangkat daerah | \`docs/opd/\` (${[...tree.files.keys()].filter((f) => f.startsWith('docs/opd/')).length} berkas) |`);
    if (p.grant) {
      expect(inventory).toContain(`**Pemerintah ${p.grant.grantor.name}** (pemberi hibah, kode wilayah ${p.grant.grantor.code})`);
      expect(inventory).toContain(p.grant.agreement.number);
      if (p.grant.bast) expect(inventory).toContain(p.grant.bast.number);
    }
    for (const app of ['eoffice', 'eofficeDesa', 'esakip'] as const) {
      const folder = `\`apps/${app === 'eofficeDesa' ? 'eoffice-desa' : app}/\``;
      if (enabled(p.apps[app])) expect(inventory).toContain(`| ${p.apps[app]!.version} | ${folder} |`);
      else expect(inventory).not.toContain(folder);
    }
  });

  it('name only paths that the generated tree holds', () => {
    const missing: string[] = [];
    for (const doc of GUIDES) {
      for (const path of namedPaths(tree.text(doc))) if (!inTree(tree, path)) missing.push(`${doc}: ${path}`);
    }
    expect(missing).toEqual([]);
  });

  it('leave nothing unfilled and name no other regency', () => {
    for (const doc of GUIDES) expect(unfilled(tree.text(doc)), doc).toEqual([]);
    const docs = tree.inputs().filter((f) => f.path.startsWith('docs/'));
    expect(findLeftovers(docs, p, region).map((f) => formatLeftover(f))).toEqual([]);
  });
});
