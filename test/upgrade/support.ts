/**
 * The upgrade fixture: one small blueprint at v1 and at v2 (files added, removed and changed, a
 * structured config changed), generated for the Kota Banjar fixture, then edited by the "recipient"
 * in every policy kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { upgrade, type UpgradeOptions, type UpgradePlanned } from '../../src/upgrade/upgrade.js';
import { VERSION } from '../../src/main.js';
import { tempDir } from '../helpers/tree.js';
import { templates } from '../generate/support.js';

export const RULES = [
  { match: 'config/local.env', policy: 'seed-once' },
  { match: 'config/*', policy: 'merge-structured' },
  { match: 'docs/notes.md', policy: 'merge-text' },
  { match: 'docs/clash.md', policy: 'merge-text' },
  { match: '**', policy: 'managed' },
];

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';

export function blueprintV1(): string {
  return templates({
    t: {
      manifest: { version: '1.0.0', files: RULES },
      files: {
        'docs/guide.md.hbs': `# {{regency.name}}\n\n${lines('guide line', 10)}`,
        'docs/notes.md': lines('note', 6),
        'docs/clash.md': 'title: v1\nbody\n',
        'docs/old.md': 'removed in v2, untouched here\n',
        'docs/old-edited.md': 'removed in v2, edited by the recipient\n',
        'config/app.yaml.hbs': '# application settings\nregency: {{yaml regency.name}}\nsettings:\n  pageSize: 20\n  timeout: 30\n',
        'config/app.json': '{\n  "version": 1,\n  "features": {\n    "tte": false\n  }\n}\n',
        'config/local.env': 'MODE=v1\n',
      },
    },
  });
}

export function blueprintV2(): string {
  return templates({
    t: {
      manifest: { version: '2.0.0', files: RULES },
      files: {
        // Line 9 changed; the recipient edits line 2.
        'docs/guide.md.hbs': `# {{regency.name}}\n\n${lines('guide line', 10).replace('guide line 9\n', 'guide line 9, revised in v2\n')}`,
        'docs/notes.md': lines('note', 6) + 'note 7, added in v2\n',
        'docs/clash.md': 'title: v2\nbody\n',
        'docs/new.md': 'new in v2\n',
        'config/app.yaml.hbs': '# application settings\nregency: {{yaml regency.name}}\nsettings:\n  pageSize: 50\n  timeout: 60\n  theme: light\n',
        'config/app.json': '{\n  "version": 2,\n  "features": {\n    "tte": false\n  }\n}\n',
        'config/local.env': 'MODE=v2\n',
      },
    },
  });
}

export const read = (out: string, path: string) => readFileSync(join(out, path), 'utf8');
export const write = (out: string, path: string, text: string) => writeFileSync(join(out, path), text);
export const edit = (out: string, path: string, from: string, to: string) => {
  const text = read(out, path);
  if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
  write(out, path, text.replace(from, to));
};

export async function planned(out: string, templatesDir: string, extra: Partial<UpgradeOptions> = {}): Promise<UpgradePlanned> {
  const r = await upgrade({ out, templatesDir, toolkitVersion: VERSION, lang: 'en', env: { EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'c') }, ...extra });
  if (r.kind !== 'planned') throw new Error(`expected a plan, got ${r.kind}: ${JSON.stringify(r)}`);
  return r;
}
