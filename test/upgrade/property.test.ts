/**
 * Property: whatever lines a recipient edits, and whatever other lines a new blueprint version
 * changes, the upgrade keeps every local edit, brings in every blueprint change, and finds no
 * conflict (the two never touch neighbouring lines). Runs the real `git merge-file`.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FilePolicy } from '../../src/blueprint/manifest.js';
import { buildLock } from '../../src/generate/lock.js';
import type { RenderedFile } from '../../src/generate/rendered.js';
import { gitMergeFile } from '../../src/upgrade/merge-text.js';
import { planUpgrade } from '../../src/upgrade/plan-upgrade.js';
import { tempDir } from '../helpers/tree.js';
import { done, run, templates } from '../generate/support.js';
import { planned } from './support.js';

const LINES = 40;
type Change = { kind: 'replace' | 'insert'; text: string };

/** Line indexes split into the recipient's and the blueprint's, never neighbours of each other. */
const edits = fc
  .array(fc.tuple(fc.integer({ min: 0, max: LINES - 1 }), fc.boolean(), fc.constantFrom<Change['kind']>('replace', 'insert')), { minLength: 1, maxLength: 12 })
  .map((picks) => {
    const local = new Map<number, Change['kind']>();
    const blueprint = new Map<number, Change['kind']>();
    for (const [line, mine, kind] of picks) {
      const [own, other] = mine ? [local, blueprint] : [blueprint, local];
      if ([line - 1, line, line + 1].some((l) => other.has(l))) continue;
      own.set(line, kind);
    }
    return { local, blueprint };
  })
  .filter(({ local, blueprint }) => local.size > 0 && blueprint.size > 0);

function apply(lines: readonly string[], changes: ReadonlyMap<number, Change['kind']>, tag: string): { text: string; added: string[] } {
  const out: string[] = [];
  const added: string[] = [];
  lines.forEach((l, i) => {
    const kind = changes.get(i);
    const mark = `${tag} edit at ${i}`;
    if (kind === 'replace') out.push(mark);
    else out.push(l);
    if (kind === 'insert') out.push(mark);
    if (kind) added.push(mark);
  });
  return { text: out.join('\n') + '\n', added };
}

const file = (path: string, text: string, policy: FilePolicy): RenderedFile => ({ path, content: Buffer.from(text), mode: 0o644, policy, blueprint: 't', secret: false });

describe('upgrade property', () => {
  it('every local edit survives, every blueprint change arrives, no conflict', async () => {
    const baseLines = Array.from({ length: LINES }, (_, i) => `line ${i} of the v1 render`);
    await fc.assert(
      fc.asyncProperty(edits, fc.constantFrom<FilePolicy>('managed', 'merge-text'), async ({ local, blueprint }, policy) => {
        const v1 = file('doc.txt', baseLines.join('\n') + '\n', policy);
        const mine = apply(baseLines, local, 'local');
        const theirs = apply(baseLines, blueprint, 'blueprint');
        const plan = await planUpgrade({
          rendered: [file('doc.txt', theirs.text, policy)],
          existing: new Map([['doc.txt', { content: Buffer.from(mine.text), mode: 0o644 }]]),
          bases: new Map([['doc.txt', v1.content]]),
          previous: buildLock({ toolkit: { name: 'eoffice', version: '0' }, profile: { path: 'p', digest: 'd' }, blueprints: [] }, [v1]),
          resolved: false,
          merge: gitMergeFile,
          labels: () => ({ local: 'local', base: 'base', blueprint: 'blueprint' }),
        });
        const [entry] = plan.entries;
        expect(entry!.action).toBe('merge');
        const merged = entry!.file!.content.toString('utf8').split('\n');
        for (const a of [...mine.added, ...theirs.added]) expect(merged).toContain(a);
        // And nothing else moved: the untouched lines are all still there, in order.
        const untouched = baseLines.filter((_, i) => !local.has(i) && !blueprint.has(i));
        expect(merged.filter((l) => l.startsWith('line '))).toEqual(baseLines.filter((_, i) => local.get(i) !== 'replace' && blueprint.get(i) !== 'replace'));
        expect(untouched.every((l) => merged.includes(l))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('through the engine: a template changed elsewhere, a recipient edit of text and of YAML keys, each kept (generate, edit, upgrade)', async () => {
    const baseLines = Array.from({ length: LINES }, (_, i) => (i === 0 ? '# {{regency.name}}' : `line ${i} of the v1 template`));
    const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
    const yamlOf = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
    const split = fc.uniqueArray(fc.constantFrom(...keys), { minLength: 2, maxLength: 8 }).map((ks) => ({ mine: ks.filter((_, i) => i % 2 === 0), theirs: ks.filter((_, i) => i % 2 === 1) }));
    await fc.assert(
      fc.asyncProperty(edits, split, async ({ local, blueprint }, { mine, theirs }) => {
        // Line 0 is the rendered heading: neither side edits it here.
        local.delete(0);
        blueprint.delete(0);
        const v1 = apply(baseLines, new Map(), 'none').text;
        const v2 = apply(baseLines, blueprint, 'blueprint');
        const config = Object.fromEntries(keys.map((k) => [k, 'v1']));
        const manifest = { files: [{ match: 'config/*.yaml', policy: 'merge-structured' }, { match: '**' }] };
        const out = join(tempDir(), 'out');
        done(await run(templates({ t: { manifest, files: { 'doc.md.hbs': v1, 'config/app.yaml': yamlOf(config) } } }), out));
        const mineText = apply(readFileSync(join(out, 'doc.md'), 'utf8').split('\n').slice(0, LINES), local, 'local');
        writeFileSync(join(out, 'doc.md'), mineText.text);
        writeFileSync(join(out, 'config/app.yaml'), yamlOf({ ...config, ...Object.fromEntries(mine.map((k) => [k, 'ours'])), added: 'ours' }));
        const v2Templates = templates({ t: { manifest: { ...manifest, version: '2.0.0' }, files: { 'doc.md.hbs': v2.text, 'config/app.yaml': yamlOf({ ...config, ...Object.fromEntries(theirs.map((k) => [k, 'theirs'])) }) } } });
        const up = await planned(out, v2Templates);
        expect(up.conflicts).toEqual([]);
        await up.apply();
        const doc = readFileSync(join(out, 'doc.md'), 'utf8').split('\n');
        for (const a of [...mineText.added, ...v2.added]) expect(doc).toContain(a);
        const yaml = readFileSync(join(out, 'config/app.yaml'), 'utf8');
        for (const k of mine) expect(yaml).toContain(`${k}: ours`);
        for (const k of theirs) expect(yaml).toContain(`${k}: theirs`);
        expect(yaml).toContain('added: ours');
        expect((await planned(out, v2Templates)).changes).toBe(false);
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
