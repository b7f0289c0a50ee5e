/**
 * Blueprint manifests (JSON Schema, reported like a broken profile) and the template lint (a value
 * in a .sql/.yaml/.yml/.sh/.env file needs that context's quoting helper; it runs before rendering).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { loadBlueprint, loadBlueprints } from '../../src/blueprint/load.js';
import { lintBlueprint, lintTemplate } from '../../src/blueprint/lint.js';
import type { Blueprint, BlueprintManifest } from '../../src/blueprint/manifest.js';
import { runBlueprintLint } from '../../src/commands/blueprint.js';
import { runGenerate } from '../../src/commands/generate.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree, tempDir, tempTree } from '../helpers/tree.js';
import { context, done, FIXTURE, REAL_TEMPLATES, ROOT, run, templates } from './support.js';

const BROKEN = [
  'apiVersion: eoffice/v1', // 1
  'kind: Blueprint', // 2
  'name: broken', // 3
  'version: 1.0', // 4: a number, not a semver string
  'description: a broken blueprint', // 5
  'app: shared', // 6
  'files:', // 7
  '  - match: "**"', // 8
  '    policy: sometimes', // 9: not a policy
  '  - match: a', // 10
  '    polcy: managed', // 11: misspelt field
  '',
].join('\n');

/** `file:line:column error rule message`, the first line of every text diagnostic. */
const DIAGNOSTIC_LINE = /^(.+):(\d+):(\d+) error (\S+) (.+)$/gm;

describe('the blueprint schema', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/blueprint.schema.json'), 'utf8')) as object;

  it('is a valid JSON Schema that accepts every bundled blueprint and refuses a broken one', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const bundled = join(REAL_TEMPLATES, 'base', 'blueprint.yaml');
    expect(validate(parse(readFileSync(bundled, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(BROKEN))).toBe(false);
    expect(validate({ ...parse(readFileSync(bundled, 'utf8')), source: { git: 'https://example.invalid/app.git', ref: 'main', into: 'apps/x' } })).toBe(false);
  });

  it('a broken manifest is reported like a broken profile: file, line, column and field', async () => {
    const dir = tempTree({ 'blueprint.yaml': BROKEN, 'files/a': 'a' });
    const loaded = await loadBlueprint(dir, 'en');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.file).toBe(join(dir, 'blueprint.yaml'));
    expect(loaded.diagnostics.map(({ rule, path, line, column }) => ({ rule, path, line, column }))).toEqual([
      { rule: 'blueprint-schema', path: '/version', line: 4, column: 10 },
      { rule: 'blueprint-schema', path: '/files/0/policy', line: 9, column: 13 },
      { rule: 'blueprint-schema', path: '/files/1/polcy', line: 11, column: 5 },
    ]);
    expect(loaded.diagnostics[2]!.hint).toContain('policy');
  });

  it('a YAML syntax error in blueprint.yaml names its line', async () => {
    const dir = tempTree({ 'blueprint.yaml': 'apiVersion: eoffice/v1\nkind: Blueprint\nfiles: [\n  - match: a\n', 'files/a': 'a' });
    const loaded = await loadBlueprint(dir, 'en');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expect(loaded.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('`eoffice blueprint lint DIR` prints the same compiler-style lines as `eoffice validate` on a broken profile, exit 1', async () => {
    const dir = tempTree({ 'broken/blueprint.yaml': BROKEN, 'broken/files/a': 'a', 'regency.yaml': readFileSync(FIXTURE, 'utf8').replace('code: "32.79"', 'code: 32.79') });
    const lint = await runCli(['blueprint', 'lint', 'broken', '--lang', 'en'], { cwd: dir });
    const validate = await runCli(['validate', 'regency.yaml', '--lang', 'en'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(validate.code).toBe(1);
    const lintLines = [...lint.stderr.matchAll(DIAGNOSTIC_LINE)];
    const profileLines = [...validate.stdout.concat(validate.stderr).matchAll(DIAGNOSTIC_LINE)];
    expect(profileLines).toHaveLength(1);
    expect(lintLines.map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`)).toEqual([
      `${join(dir, 'broken', 'blueprint.yaml')}:4:10 blueprint-schema`,
      `${join(dir, 'broken', 'blueprint.yaml')}:9:13 blueprint-schema`,
      `${join(dir, 'broken', 'blueprint.yaml')}:11:5 blueprint-schema`,
    ]);
    // The offending source line and a caret, as for a profile.
    expect(lint.stderr).toContain('    9 |     policy: sometimes\n      |             ^');
    expect(lint.stderr).toMatch(/hint: .*merge-structured/);
  });

  it('generate refuses a broken blueprint with the same report, exit 2, and writes nothing', async () => {
    const t = templates({ broken: { manifest: BROKEN, files: { a: 'a' } } });
    const out = join(tempDir(), 'out');
    const ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out }, t)).toBe(2);
    expect(ctx.err.join('')).toContain(`${join(t, 'broken', 'blueprint.yaml')}:9:13 error blueprint-schema value \`sometimes\` is not allowed`);
    expect(() => statSync(out)).toThrow();
  });

  it('the bundled blueprints load and pass `eoffice blueprint lint`', async () => {
    const loads = await loadBlueprints(REAL_TEMPLATES, 'en');
    expect(loads.length).toBeGreaterThan(0);
    for (const l of loads) expect(l.ok, l.ok ? '' : JSON.stringify(l.diagnostics)).toBe(true);
    const ctx = context();
    expect(await runBlueprintLint(ctx, [], {})).toBe(0);
    expect(ctx.err.join('')).toBe('');
  });
});

describe('loading blueprints again in one process', () => {
  const MANIFEST = ['apiVersion: eoffice/v1', 'kind: Blueprint', 'name: kept', 'version: 1.0.0', 'description: d', 'app: shared', 'files:', '  - match: "**"', ''].join('\n');
  const digestOf = async (dir: string) => {
    const l = await loadBlueprint(dir, 'en');
    if (!l.ok) throw new Error(JSON.stringify(l.diagnostics));
    return l.blueprint;
  };

  it('reuses a folder whose files have not changed, and reads a changed, added or removed file again', async () => {
    const dir = tempTree({ 'blueprint.yaml': MANIFEST, 'files/a.txt': 'one', 'files/sub/b.txt': 'two' });
    // Files changed moments ago are read every time (a coarse file-system clock could hide a change);
    // with the clock moved on, these count as settled and are kept.
    const fresh = await digestOf(dir);
    expect(await digestOf(dir)).not.toBe(fresh);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      const first = await digestOf(dir);
      expect(first.digest).toBe(fresh.digest);
      expect(await digestOf(dir)).toBe(first);
      // The same size, written in place: only the change time tells.
      writeFileSync(join(dir, 'files/a.txt'), 'ONE');
      const edited = await digestOf(dir);
      expect(edited.digest).not.toBe(first.digest);
      expect(edited.files.find((f) => f.path === 'a.txt')!.bytes.toString()).toBe('ONE');
      vi.setSystemTime(Date.now() + 60_000);
      const kept = await digestOf(dir);
      expect(await digestOf(dir)).toBe(kept);
      writeFileSync(join(dir, 'files/sub/c.txt'), 'three');
      expect((await digestOf(dir)).files.map((f) => f.path)).toEqual(['a.txt', 'sub/b.txt', 'sub/c.txt']);
      vi.setSystemTime(Date.now() + 60_000);
      await digestOf(dir);
      mkdirSync(join(dir, 'files/sub/deeper'));
      writeFileSync(join(dir, 'files/sub/deeper/d.txt'), 'four');
      expect((await digestOf(dir)).files.map((f) => f.path)).toEqual(['a.txt', 'sub/b.txt', 'sub/c.txt', 'sub/deeper/d.txt']);
      vi.setSystemTime(Date.now() + 60_000);
      await digestOf(dir);
      rmSync(join(dir, 'files/sub/b.txt'));
      expect((await digestOf(dir)).files.map((f) => f.path)).toEqual(['a.txt', 'sub/c.txt', 'sub/deeper/d.txt']);
      writeFileSync(join(dir, 'blueprint.yaml'), MANIFEST.replace('1.0.0', '1.0.1'));
      expect((await digestOf(dir)).manifest.version).toBe('1.0.1');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('template lint', () => {
  const lint = (template: string, source: string) => lintTemplate('t', template, source, 'en');

  it('lintBlueprint lints each template text once per process, and a changed text anew', () => {
    const blueprint = (source: string): Blueprint => ({
      dir: '/nowhere',
      manifest: { name: 'cached' } as BlueprintManifest,
      files: [{ path: 'config/app.env.hbs', bytes: Buffer.from(source), mode: 0o644 }],
      digest: 'sha256:x',
    });
    const first = lintBlueprint(blueprint('A={{env a}}\nB={{b}}\n'), 'en');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ template: 'config/app.env.hbs', line: 2 });
    // Callers get their own copies: changing one does not change what the next call returns.
    first[0]!.line = 99;
    expect(lintBlueprint(blueprint('A={{env a}}\nB={{b}}\n'), 'en')[0]!.line).toBe(2);
    // The text is the key: an edited template is linted again.
    expect(lintBlueprint(blueprint('A={{env a}}\nB={{env b}}\n'), 'en')).toEqual([]);
    expect(lintBlueprint(blueprint('{{a}}\n'), 'en')[0]).toMatchObject({ line: 1 });
    // The language is part of the key too.
    expect(lintBlueprint(blueprint('{{a}}\n'), 'id')[0]!.message).toMatch(/ditulis ke berkas env/);
  });

  it('a bare value in a .sql, .yaml, .yml, .sh or .env template is an error at its line and column', () => {
    const cases: Array<[string, string]> = [
      ['seed/data.sql.hbs', "INSERT INTO opd VALUES ({{sql regency.code \"postgresql\"}});\nINSERT INTO opd VALUES ('{{regency.name}}');\n"],
      ['deploy/compose.yaml.hbs', 'name: {{yaml regency.name}}\ndomain: {{regency.domain}}\n'],
      ['deploy/k8s.yml.hbs', 'name: {{json regency.name}}\ndomain: {{regency.domain}}\n'],
      ['deploy/install.sh.hbs', 'NAME={{shell regency.name}}\necho {{regency.name}}\n'],
      ['config/app.env.hbs', 'NAME={{env regency.name}}\nDOMAIN={{regency.domain}}\n'],
      ['.env.hbs', 'NAME={{env regency.name}}\nDOMAIN={{regency.domain}}\n'],
      ['.env.production.hbs', 'NAME={{env regency.name}}\nDOMAIN={{regency.domain}}\n'],
    ];
    for (const [template, source] of cases) {
      const problems = lint(template, source);
      expect(problems, template).toHaveLength(1);
      expect(problems[0], template).toMatchObject({ blueprint: 't', template, line: 2 });
      expect(problems[0]!.column, template).toBe(source.split('\n')[1]!.indexOf('{{') + 1);
    }
  });

  it('only that context helper quotes: another context helper, a triple-stash, a helper without an argument, a value in a block all fail', () => {
    expect(lint('a.yaml.hbs', 'a: {{shell regency.name}}\n')).toHaveLength(1);
    expect(lint('a.sql.hbs', 'SELECT {{yaml regency.name}};\n')).toHaveLength(1);
    expect(lint('a.sh.hbs', 'X={{env regency.name}}\n')).toHaveLength(1);
    expect(lint('a.env.hbs', 'X={{shell regency.name}}\n')).toHaveLength(1);
    expect(lint('a.yaml.hbs', 'a: {{{regency.name}}}\n')).toHaveLength(1);
    expect(lint('a.yaml.hbs', 'a: {{yaml}}\n')).toHaveLength(1);
    expect(lint('a.yaml.hbs', 'a: {{upper regency.name}}\n')).toHaveLength(1);
    const block = lint('a.yaml.hbs', 'opds:\n{{#each opds}}\n  - {{code}}\n{{else}}\n  - {{regency.name}}\n{{/each}}\n');
    expect(block.map((p) => [p.line, p.column])).toEqual([[3, 5], [5, 5]]);
    expect(lint('a.yaml.hbs', 'x: 1\n{{> kop}}\n')[0]!.message).toMatch(/partials/);
  });

  it('quoted values, sub-expressions, conditions and other file types pass', () => {
    expect(lint('a.yaml.hbs', '{{#if regency.domain}}d: {{yaml regency.domain}}{{/if}}\nn: {{json regency.name indent=2}}\nu: {{yaml (upper regency.name)}}\n')).toEqual([]);
    expect(lint('a.sql.hbs', "{{#each opds}}({{sql code \"mysql\"}}),{{/each}}\n")).toEqual([]);
    expect(lint('a.env.hbs', 'APP_KEY={{env (secret "app_key")}}\n')).toEqual([]);
    expect(lint('a.md.hbs', '# {{regency.name}}\n')).toEqual([]);
    expect(lint('a.conf.hbs', 'server_name {{regency.domain}};\n')).toEqual([]);
  });

  it('generate refuses before rendering: lint errors are reported even for a file that would not render or is switched off, and nothing is written', async () => {
    const t = templates({
      t: {
        manifest: { files: [{ match: 'off.yaml', when: '(eq regency.kind "kabupaten")' }, { match: '**' }] },
        files: {
          'fine.md.hbs': '{{regency.name}}\n',
          'broken.yaml.hbs': 'name: {{yaml regency.name}}\nmissing: {{regency.nosuch}}\n',
          'off.yaml.hbs': 'x: {{regency.name}}\n',
        },
      },
    });
    const outcome = await run(t, join(tempDir(), 'never'));
    expect(outcome.kind).toBe('invalid-blueprints');
    if (outcome.kind !== 'invalid-blueprints') return;
    expect(outcome.results.map((r) => [r.file, r.diagnostics.map((d) => `${d.rule}:${d.line}:${d.column}`)])).toEqual([
      [join(t, 't', 'files', 'broken.yaml.hbs'), ['template-lint:2:10']],
      [join(t, 't', 'files', 'off.yaml.hbs'), ['template-lint:1:4']],
    ]);

    // Over an existing output: exit 2, the lint report, and the tree untouched.
    const out = join(tempDir(), 'out');
    done(await run(templates({ t: { files: { 'fine.md.hbs': '{{regency.name}}\n' } } }), out));
    const before = snapshotTree(out);
    const ctx = context();
    expect(await runGenerate(ctx, FIXTURE, { out }, t)).toBe(2);
    expect(ctx.err.join('')).toContain(`${join(t, 't', 'files', 'broken.yaml.hbs')}:2:10 error template-lint {{regency.nosuch}} in a yaml file is written without yaml quoting`);
    expect(ctx.err.join('')).not.toContain('not defined');
    expect(snapshotTree(out)).toEqual(before);
  });
});
