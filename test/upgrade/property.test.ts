/**
 * Property: whatever lines a recipient edits, and whatever other lines a new blueprint version
 * changes, the upgrade keeps every local edit, brings in every blueprint change, and finds no
 * conflict (the two never touch neighbouring lines). Runs the real `git merge-file`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilePolicy } from '../../src/blueprint/manifest.js';
import { buildLock } from '../../src/generate/lock.js';
import type { RenderedFile } from '../../src/generate/rendered.js';
import { gitMergeFile } from '../../src/upgrade/merge-text.js';
import { planUpgrade } from '../../src/upgrade/plan-upgrade.js';

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
});
