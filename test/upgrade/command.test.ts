/**
 * `eoffice upgrade` as a command: the plan first, applied on confirmation or --yes, never a
 * question without a terminal, exit 1 while conflicts remain; and the built binary on the real
 * blueprints, where a profile change (a village's head replaced) reaches the seed data.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUpgrade } from '../../src/commands/upgrade.js';
import { UsageError } from '../../src/errors.js';
import { parseLock } from '../../src/generate/lock.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree, tempDir } from '../helpers/tree.js';
import { context, done, FIXTURE, REAL_TEMPLATES, run } from '../generate/support.js';
import { blueprintV1, blueprintV2, edit, read } from './support.js';

async function recipient(conflicting: boolean): Promise<string> {
  const out = join(tempDir(), 'out');
  done(await run(blueprintV1(), out));
  edit(out, 'docs/guide.md', 'guide line 2\n', 'guide line 2, ours\n');
  if (conflicting) edit(out, 'docs/clash.md', 'title: v1', 'title: ours');
  return out;
}

describe('eoffice upgrade (command)', () => {
  it('without a terminal and without --yes: exit 2 asking for --yes, nothing written', async () => {
    const out = await recipient(false);
    const before = snapshotTree(out);
    const ctx = context({ isInteractive: false });
    const err = await runUpgrade(ctx, out, {}, blueprintV2()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    expect((err as UsageError).hint).toContain('--yes');
    expect(snapshotTree(out)).toEqual(before);
  });

  it('--dry-run shows the plan with reasons and writes nothing', async () => {
    const out = await recipient(false);
    const before = snapshotTree(out);
    const ctx = context();
    expect(await runUpgrade(ctx, out, { dryRun: true }, blueprintV2())).toBe(0);
    expect(ctx.out.join('')).toMatch(/^merge +docs\/guide\.md +\(local edit and blueprint change merged\)$/m);
    expect(ctx.out.join('')).toMatch(/^delete +docs\/old\.md/m);
    expect(ctx.out.join('')).toContain('plan (nothing written)');
    expect(snapshotTree(out)).toEqual(before);
  });

  it('asks on a terminal: "no" writes nothing (exit 1), "yes" applies (exit 0), and then it is up to date', async () => {
    const out = await recipient(false);
    const before = snapshotTree(out);
    const asked: string[] = [];
    const no = context({ isInteractive: true });
    expect(await runUpgrade(no, out, {}, blueprintV2(), async (q) => (asked.push(q), false))).toBe(1);
    expect(snapshotTree(out)).toEqual(before);
    const v2 = blueprintV2();
    const yes = context({ isInteractive: true, lang: 'id' });
    expect(await runUpgrade(yes, out, {}, v2, async (q) => (asked.push(q), true))).toBe(0);
    expect(asked[0]).toMatch(/^Apply this plan to .*\(1 created, \d+ updated, 1 merged, 2 deleted, 1 kept, 1 unchanged, 0 conflicts\)$/);
    expect(asked[1]).toMatch(/^Terapkan rencana ini/);
    expect(read(out, 'docs/guide.md')).toContain('guide line 2, ours');
    const again = context({ isInteractive: true });
    expect(await runUpgrade(again, out, {}, v2, async () => { throw new Error('must not ask'); })).toBe(0);
    expect(again.out.join('')).toContain('is up to date; nothing to write');
  });

  it('conflicts: --yes writes them with markers, exits 1 listing them and how to resolve; --json says the same', async () => {
    const out = await recipient(true);
    const ctx = context();
    expect(await runUpgrade(ctx, out, { yes: true }, blueprintV2())).toBe(1);
    expect(ctx.err.join('')).toMatch(/written with 1 conflicts/);
    expect(ctx.err.join('')).toMatch(/^conflict +docs\/clash\.md/m);
    expect(ctx.err.join('')).toContain('remove the markers');
    expect(ctx.out.join('')).not.toMatch(/\bupgraded\b|success/i);
    expect(read(out, 'docs/clash.md')).toContain('<<<<<<< local docs/clash.md');
    const json = context();
    expect(await runUpgrade(json, out, { json: true, yes: true }, blueprintV2())).toBe(1);
    const report = JSON.parse(json.out.join('')) as { conflicts: string[]; applied: boolean; entries: Array<{ path: string; reason: string }> };
    expect(report.conflicts).toEqual(['docs/clash.md']);
    expect(report.entries.find((e) => e.path === 'docs/clash.md')?.reason).toBe('unresolved');
  });

  it('a folder that is not an eoffice output: exit 2 (usage)', async () => {
    const err = await runUpgrade(context(), tempDir(), { yes: true }, blueprintV2()).catch((e: unknown) => e);
    expect((err as UsageError).exitCode).toBe(2);
  });
});

describe('eoffice upgrade (built binary, real blueprints)', () => {
  it('a profile change (a village head replaced) reaches the seed keyed on codes; then a no-op', async () => {
    const dir = tempDir();
    const profile = join(dir, 'regency.yaml');
    copyFileSync(FIXTURE, profile);
    const out = join(dir, 'out');
    done(await run(REAL_TEMPLATES, out, { profile }));
    // The recipient edits its README (merge-text) before the upgrade arrives.
    writeFileSync(join(out, 'apps/eoffice/README.md'), readFileSync(join(out, 'apps/eoffice/README.md'), 'utf8') + '\nCatatan Diskominfo Banjar.\n');
    const text = readFileSync(profile, 'utf8');
    const head = /head: (.+)\n/.exec(text)![1]!;
    writeFileSync(profile, text.replace(`head: ${head}\n`, 'head: Siti Pengganti\n'));

    const dry = await runCli(['upgrade', out, '--dry-run', '--lang', 'en'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^update +seed\/postgresql\/002-data\.sql/m);
    const noTty = await runCli(['upgrade', out, '--lang', 'en'], { cwd: dir });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain('--yes');
    const up = await runCli(['upgrade', out, '--yes', '--lang', 'en'], { cwd: dir });
    expect(up.code, up.stderr).toBe(0);
    const seed = readFileSync(join(out, 'seed/postgresql/002-data.sql'), 'utf8');
    // The village row, keyed on its official code, now names the new head.
    expect(seed).toMatch(/^\('32\.79\.01\.2003', [^\n]*'Siti Pengganti'/m);
    expect(seed).not.toMatch(new RegExp(`^\\('32\\.79\\.01\\.2003', [^\\n]*'${head}'`, 'm'));
    expect(readFileSync(join(out, 'apps/eoffice/README.md'), 'utf8')).toContain('Catatan Diskominfo Banjar.');
    expect(parseLock(readFileSync(join(out, 'eoffice.lock.json'), 'utf8'))!.conflicts).toBeUndefined();
    const before = snapshotTree(out);
    const again = await runCli(['upgrade', out, '--yes', '--lang', 'en'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is up to date; nothing to write');
    expect(snapshotTree(out)).toEqual(before);
    // generate agrees: the tree is what the profile generates, the local edit aside.
    const check = await runCli(['generate', profile, '--out', out, '--check', '--lang', 'en'], { cwd: dir });
    expect(check.stderr).toMatch(/apps\/eoffice\/README\.md/);
    expect(check.stderr).not.toMatch(/\.eoffice\/base/);
  });
});
