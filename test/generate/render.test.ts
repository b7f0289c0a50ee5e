/**
 * Rendering blueprints: strict and isolated Handlebars, file names as templates, binary files and
 * file modes, `when` and `each`. Small blueprints written inline; the Kota Banjar fixture profile.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/generate/render.js';
import { regionIndex } from '../../src/region/decree.js';
import { edited, set } from '../helpers/profile.js';
import { readTree, tempDir } from '../helpers/tree.js';
import { done, FIXTURE, run, templates } from './support.js';

async function renderError(templatesDir: string, profile = FIXTURE): Promise<RenderError> {
  const out = join(tempDir(), 'out');
  const err = await run(templatesDir, out, { profile }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RenderError);
  // A failed render writes nothing at all.
  expect(() => statSync(out)).toThrow();
  return err as RenderError;
}

function profileFile(text: string): string {
  const file = join(tempDir(), 'regency.yaml');
  writeFileSync(file, text);
  return file;
}

const FIXTURE_OPDS = ['bagian-umum', 'bappeda', 'diskominfo', 'inspektorat', 'kec-banjar', 'kec-langensari', 'kec-pataruman', 'kec-purwaharja', 'setda', 'setwan'];
const FIXTURE_SIGNATORIES = ['kabag-umum', 'kades-balokang', 'kadis-kominfo', 'sekda', 'walikota'];

describe('strict rendering', () => {
  it('a missing value is an error naming the blueprint, template, line, column and the whole missing path', async () => {
    const err = await renderError(templates({ t: { files: { 'docs/a.md.hbs': '# {{regency.name}}\n\nKode: {{regency.nosuch}}\n' } } }));
    expect(err.problems).toEqual([{ blueprint: 't', template: 'docs/a.md.hbs', line: 3, column: 9, message: '"regency.nosuch" not defined' }]);
    expect(err.message).toBe('t/files/docs/a.md.hbs:3:9 "regency.nosuch" not defined');
  });

  it('names the path when a step before the last is missing, and inside a block', async () => {
    const err = await renderError(
      templates({
        t: {
          files: {
            'a.md.hbs': 'x\n\n  {{regency.letterhead.nothing.deeper}}\n',
            'b.md.hbs': '{{#each opds}}\n- {{code}} {{unitt}}\n{{/each}}\n',
          },
        },
      }),
    );
    const byTemplate = Object.fromEntries(err.problems.map((p) => [p.template, p]));
    expect(byTemplate['a.md.hbs']).toMatchObject({ line: 3, column: 5 });
    expect(byTemplate['a.md.hbs']!.message).toContain('regency.letterhead.nothing.deeper');
    expect(byTemplate['b.md.hbs']).toMatchObject({ line: 2, column: 14 });
    expect(byTemplate['b.md.hbs']!.message).toContain('"unitt" not defined');
  });

  it('a missing helper argument and an unknown helper are errors too, never an empty string', async () => {
    const err = await renderError(templates({ t: { files: { 'a.md.hbs': 'ok\n{{upper regency.nosuch}}\n', 'b.md.hbs': '{{shout regency.name}}\n' } } }));
    expect(err.problems).toHaveLength(2);
    expect(err.problems[0]).toMatchObject({ template: 'a.md.hbs', line: 2 });
    expect(err.problems[0]!.message).toMatch(/upper: expected a string, got undefined/);
    expect(err.problems[1]).toMatchObject({ template: 'b.md.hbs', line: 1 });
    expect(err.problems[1]!.message).toMatch(/unknown helper shout/);
  });

  it('one problem per place, not one per item of an each rule, and every broken template is reported', async () => {
    const err = await renderError(
      templates({
        t: {
          manifest: { files: [{ match: 'v/*.md', each: 'villages' }, { match: '**' }] },
          files: { 'v/{{item.code}}.md.hbs': '{{item.nope}}\n', 'z.md.hbs': '{{nope}}\n' },
        },
      }),
    );
    expect(err.problems.map((p) => `${p.template}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'v/{{item.code}}.md.hbs:1:3 "item.nope" not defined',
      'z.md.hbs:1:3 "nope" not defined',
    ]);
  });

  it('requires: a profile value the blueprint needs and the profile lacks is named', async () => {
    const err = await renderError(templates({ t: { manifest: { requires: ['/regency/letterhead/address', '/grant/nosuch'] }, files: { 'a.md': 'x' } } }));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.message).toContain('/grant/nosuch');
    expect(err.message).toContain('t/blueprint.yaml');
  });

  it('two blueprints writing the same file is an error', async () => {
    const err = await renderError(templates({ a: { files: { 'same.md': 'a' } }, b: { files: { 'same.md.hbs': 'b' } } }));
    expect(err.message).toMatch(/same\.md is written by both a and b/);
  });

  it('a template with CRLF line endings renders with LF', async () => {
    const out = join(tempDir(), 'out');
    done(await run(templates({ t: { files: { 'a.md.hbs': 'one\r\n{{regency.code}}\r\ntwo\r\n' } } }), out));
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('one\n32.79\ntwo\n');
  });
});

describe('isolated Handlebars', () => {
  it('registers nothing on the global instance and sees nothing registered there', async () => {
    const before = Object.keys(Handlebars.helpers).sort();
    done(await run(templates({ t: { files: { 'a.md.hbs': '{{upper regency.name}} {{romawi 4}}\n' } } }), join(tempDir(), 'out')));
    expect(Object.keys(Handlebars.helpers).sort()).toEqual(before);
    for (const ours of ['yaml', 'sql', 'shell', 'env', 'ttd', 'terbilang', 'secret']) expect(Handlebars.helpers[ours]).toBeUndefined();

    Handlebars.registerHelper('shout', (s: string) => s.toUpperCase());
    Handlebars.registerPartial('kop', 'KOP');
    try {
      const err = await renderError(templates({ t: { files: { 'a.md.hbs': '{{shout regency.name}}\n' } } }));
      expect(err.problems[0]!.message).toMatch(/unknown helper shout/);
    } finally {
      Handlebars.unregisterHelper('shout');
      Handlebars.unregisterPartial('kop');
    }
  });
});

describe('file names', () => {
  it('are templates too, in folder and file names', async () => {
    const out = join(tempDir(), 'out');
    done(await run(templates({ t: { files: { 'docs/{{regency.slug}}/{{regency.code}}.md.hbs': '{{regency.name}}\n', 'plain/{{regency.slug}}.txt': 'as is {{x}}\n' } } }), out));
    expect(readFileSync(join(out, 'docs/kota-banjar/32.79.md'), 'utf8')).toBe('Kota Banjar\n');
    // A file that is not a template keeps its content, but its name is still rendered.
    expect(readFileSync(join(out, 'plain/kota-banjar.txt'), 'utf8')).toBe('as is {{x}}\n');
  });

  it('a name that renders to an absolute path, an empty segment or `..` is refused', async () => {
    const err = await renderError(
      templates({
        t: {
          files: {
            '{{deployment.storage.path}}.txt': 'x',
            'links/{{regency.letterhead.website}}.txt': 'x',
          },
        },
      }),
    );
    const messages = err.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('"/var/lib/eoffice.txt", which is not a safe relative path');
    expect(messages).toContain('"links/https://banjarkota.go.id.txt", which is not a safe relative path');
  });

  it('a missing value in a file name names the file name', async () => {
    const err = await renderError(templates({ t: { files: { 'docs/{{regency.nosuch}}.md.hbs': 'x' } } }));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.template).toBe('docs/{{regency.nosuch}}.md.hbs');
    expect(err.problems[0]!.message).toBe('"regency.nosuch" not defined (in the file name)');
  });
});

describe('binary files and modes', () => {
  const binary = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from('{{regency.name}}\r\n'),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  ]);

  it('files that are not templates pass through byte for byte (CRLF, NUL, invalid UTF-8, braces)', async () => {
    const out = join(tempDir(), 'out');
    done(await run(templates({ t: { files: { 'assets/logo.png': binary, 'docs/windows.txt': 'a\r\nb {{nosuch}}\r\n' } } }), out));
    expect(readFileSync(join(out, 'assets/logo.png')).equals(binary)).toBe(true);
    expect(readFileSync(join(out, 'docs/windows.txt'), 'latin1')).toBe('a\r\nb {{nosuch}}\r\n');
  });

  it('executable files stay executable, others are 0644, and a rule mode wins, on disk and in the lock', async () => {
    const out = join(tempDir(), 'out');
    const outcome = done(
      await run(
        templates({
          t: {
            manifest: { files: [{ match: 'conf/private.conf', mode: '0640' }, { match: '**' }] },
            files: {
              'bin/run.sh.hbs': { content: '#!/bin/sh\necho {{shell regency.name}}\n', mode: 0o755 },
              'bin/tool': { content: '#!/bin/sh\n', mode: 0o700 },
              'bin/readme.txt': { content: 'x\n', mode: 0o664 },
              'conf/private.conf': { content: 'x\n', mode: 0o755 },
            },
          },
        }),
        out,
      ),
    );
    const modes = Object.fromEntries([...readTree(out)].map(([p, f]) => [p, f.mode]));
    expect(modes).toMatchObject({ 'bin/run.sh': 0o755, 'bin/tool': 0o755, 'bin/readme.txt': 0o644, 'conf/private.conf': 0o640 });
    expect(outcome.lock.files['bin/run.sh']!.mode).toBe('0755');
    expect(outcome.lock.files['conf/private.conf']!.mode).toBe('0640');
    expect(readFileSync(join(out, 'bin/run.sh'), 'utf8')).toBe("#!/bin/sh\necho 'Kota Banjar'\n");
  });
});

describe('when and each', () => {
  const bp = () =>
    templates({
      t: {
        manifest: {
          files: [
            { match: 'esakip/**', when: 'apps.esakip' },
            { match: 'pg.md', when: '(eq (get deployment "database.engine") "postgresql")' },
            { match: 'kabupaten.md', when: '(eq regency.kind "kabupaten")' },
            { match: 'kecamatan-opd/*.md', each: 'opds', when: '(eq item.kind "kecamatan")' },
            { match: 'opd/*.md', each: 'opds' },
            { match: 'desa/*.md', each: 'villages' },
            { match: 'ttd/*.md', each: 'signatories' },
            { match: 'kec/*.md', each: 'kecamatan' },
            { match: '**' },
          ],
        },
        files: {
          'esakip/periode.md.hbs': '{{apps.esakip.period.start}}-{{apps.esakip.period.end}}\n',
          'pg.md': 'postgresql\n',
          'kabupaten.md': 'never for a kota\n',
          'kecamatan-opd/{{item.code}}.md.hbs': '{{item.regionCode}}\n',
          'opd/{{item.code}}.md.hbs': '{{item.name}} ({{item.unit}})\n',
          'desa/{{item.code}}.md.hbs': '{{item.name}} {{item.kind}}\n',
          'ttd/{{item.id}}.md.hbs': '{{item.position}}\n',
          'kec/{{item.code}}.md.hbs': '{{item.name}}: {{item.villages}}\n',
        },
      },
    });

  it('writes a conditional file only when its condition holds, and one file per agency, village, signatory and kecamatan', async () => {
    const out = join(tempDir(), 'out');
    done(await run(bp(), out));
    const tree = readTree(out);
    const under = (dir: string) => [...tree.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).replace(/\.md$/, '')).sort();

    expect(tree.get('esakip/periode.md')!.bytes.toString()).toBe('2025-2029\n');
    expect(tree.has('pg.md')).toBe(true);
    expect(tree.has('kabupaten.md')).toBe(false);
    expect(under('kecamatan-opd')).toEqual(['kec-banjar', 'kec-langensari', 'kec-pataruman', 'kec-purwaharja']);
    expect(tree.get('kecamatan-opd/kec-pataruman.md')!.bytes.toString()).toBe('32.79.02\n');

    expect(under('opd')).toEqual(FIXTURE_OPDS);
    expect(tree.get('opd/diskominfo.md')!.bytes.toString()).toBe('Dinas Komunikasi dan Informatika (DISKOMINFO)\n');

    const decreeVillages = regionIndex().villagesOfRegency('32.79');
    expect(decreeVillages.length).toBe(25);
    expect(under('desa')).toEqual(decreeVillages.map((v) => v.code).sort());
    const balokang = decreeVillages.find((v) => v.code === '32.79.01.2003')!;
    expect(tree.get('desa/32.79.01.2003.md')!.bytes.toString()).toBe(`${balokang.name} desa\n`);

    expect(under('ttd')).toEqual(FIXTURE_SIGNATORIES);
    expect(tree.get('ttd/sekda.md')!.bytes.toString()).toBe('Sekretaris Daerah\n');

    expect(under('kec')).toEqual(regionIndex().districtsOf('32.79').map((d) => d.code).sort());
    expect(under('kec')).toHaveLength(4);
  });

  it('follows the profile: a disabled app, another database engine and fewer agencies change the files', async () => {
    const profile = profileFile(
      edited(
        set(['apps', 'esakip', 'enabled'], false),
        set(['deployment', 'database', 'engine'], 'mysql'),
        (doc) => {
          // Drop Bappeda (nothing refers to it).
          const opds = doc.get('opds') as { items: Array<{ get(k: string): unknown }> };
          opds.items = opds.items.filter((o) => o.get('code') !== 'bappeda');
        },
      ),
    );
    const out = join(tempDir(), 'out');
    done(await run(bp(), out, { profile }));
    const tree = readTree(out);
    expect([...tree.keys()].some((p) => p.startsWith('esakip/'))).toBe(false);
    expect(tree.has('pg.md')).toBe(false);
    expect(tree.has('opd/bappeda.md')).toBe(false);
    expect([...tree.keys()].filter((p) => p.startsWith('opd/'))).toHaveLength(FIXTURE_OPDS.length - 1);
  });

  it('a blueprint for a disabled app renders nothing', async () => {
    const profile = profileFile(edited(set(['apps', 'esakip', 'enabled'], false)));
    const out = join(tempDir(), 'out');
    const outcome = done(await run(templates({ sakip: { manifest: { app: 'esakip' }, files: { 'sakip.md': 'x' } }, t: { files: { 'a.md': 'a' } } }), out, { profile }));
    expect(outcome.lock.blueprints.map((b) => b.name)).toEqual(['t']);
    expect(readTree(out).has('sakip.md')).toBe(false);
  });
});
