/**
 * `eoffice fleet`: status over every example regency (each generated once into a temporary fleet),
 * and upgrade over a small fleet: the clean recipient goes through, the conflicting one stops
 * untouched.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFleetStatus, runFleetUpgrade } from '../../src/commands/fleet.js';
import { UsageError } from '../../src/errors.js';
import type { RecipientStatus } from '../../src/fleet/status.js';
import { parseLock } from '../../src/generate/lock.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree, tempDir } from '../helpers/tree.js';
import { context, done, EXAMPLES, REAL_TEMPLATES, run } from '../generate/support.js';
import { blueprintV1, blueprintV2, edit, read } from '../upgrade/support.js';

const examples = readdirSync(EXAMPLES).filter((e) => existsSync(join(EXAMPLES, e, 'regency.yaml'))).sort();

describe('fleet status over every example', () => {
  const fleet = tempDir('eoffice-fleet-');
  const figures: string[] = [];
  beforeAll(async () => {
    const started = performance.now();
    for (const name of examples) {
      mkdirSync(join(fleet, name));
      copyFileSync(join(EXAMPLES, name, 'regency.yaml'), join(fleet, name, 'regency.yaml'));
      done(await run(REAL_TEMPLATES, join(fleet, name, 'out'), { profile: join(fleet, name, 'regency.yaml') }));
    }
    figures.push(`generated ${examples.length} examples in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);

  it('finds every recipient, each current with no drift (exit 0); then reports drift and a changed profile (exit 1)', async () => {
    expect(examples.length).toBe(9);
    const t0 = performance.now();
    const ctx = context();
    expect(await runFleetStatus(ctx, [fleet], { json: true }, REAL_TEMPLATES)).toBe(0);
    figures.push(`fleet status (${examples.length} recipients, JSON): ${(performance.now() - t0).toFixed(0)} ms`);
    const report = JSON.parse(ctx.out.join('')) as { recipients: RecipientStatus[] };
    expect(report.recipients.map((r) => r.name)).toEqual(examples);
    for (const r of report.recipients) {
      expect(r.profile.state, r.name).toBe('same');
      expect(r.drift, r.name).toEqual([]);
      expect(r.conflicts, r.name).toEqual([]);
      expect(r.upgradePending, r.name).toBe(false);
      expect(r.blueprints.every((b) => !b.behind && b.version === b.newest), r.name).toBe(true);
      figures.push(`${r.name}: ${r.blueprints.map((b) => `${b.name} ${b.version}`).join(', ')}; ${Object.keys(parseLock(read(r.tree, 'eoffice.lock.json'))!.files).length} files`);
    }

    const [first, second] = examples as [string, string];
    edit(join(fleet, first, 'out'), 'apps/eoffice/README.md', '\n', '\nEdited by the recipient.\n');
    writeFileSync(join(fleet, second, 'regency.yaml'), readFileSync(join(fleet, second, 'regency.yaml'), 'utf8') + '# a comment changes the digest\n');
    const text = context();
    expect(await runFleetStatus(text, [fleet], {}, REAL_TEMPLATES)).toBe(1);
    const lines = text.out.join('').split('\n');
    expect(lines[0]).toMatch(/^RECIPIENT +BLUEPRINTS +PROFILE +DRIFT +CONFLICTS +UPGRADE$/);
    expect(lines.find((l) => l.startsWith(`${first} `))).toMatch(/ same +1 +0 +current$/);
    expect(lines.find((l) => l.startsWith(`${second} `))).toMatch(/ changed +0 +0 +pending$/);
    expect(text.out.join('')).toContain(`${examples.length} recipients, 1 with an upgrade pending`);
    console.log(`fleet figures:\n  ${figures.join('\n  ')}`);
  });

  it('a folder with no recipient is a usage error (exit 2)', async () => {
    const err = await runFleetStatus(context(), [tempDir()], {}, REAL_TEMPLATES).catch((e: unknown) => e);
    expect((err as UsageError).exitCode).toBe(2);
  });
});

describe('fleet upgrade', () => {
  async function smallFleet(): Promise<string> {
    const fleet = tempDir('eoffice-fleet-');
    const v1 = blueprintV1();
    for (const name of ['clean', 'clash']) done(await run(v1, join(fleet, name, 'out')));
    edit(join(fleet, 'clean', 'out'), 'docs/guide.md', 'guide line 2\n', 'guide line 2, ours\n');
    edit(join(fleet, 'clash', 'out'), 'docs/clash.md', 'title: v1', 'title: ours');
    return fleet;
  }

  it('upgrades the clean recipient; stops at the conflicting one, untouched; exit 1', async () => {
    const fleet = await smallFleet();
    const clashBefore = snapshotTree(join(fleet, 'clash', 'out'));
    const v2 = blueprintV2();
    await expect(runFleetUpgrade(context(), [fleet], {}, v2)).rejects.toBeInstanceOf(UsageError);
    const ctx = context();
    expect(await runFleetUpgrade(ctx, [fleet], { yes: true }, v2)).toBe(1);
    expect(ctx.out.join('')).toMatch(/^clash: .*1 conflicts\n {2}conflict +docs\/clash\.md/m);
    expect(ctx.err.join('')).toContain('stopped at clash');
    expect(snapshotTree(join(fleet, 'clash', 'out'))).toEqual(clashBefore);
    expect(read(join(fleet, 'clean', 'out'), 'docs/guide.md')).toContain('guide line 2, ours');
    expect(parseLock(read(join(fleet, 'clean', 'out'), 'eoffice.lock.json'))!.blueprints[0]!.version).toBe('2.0.0');

    // A second fleet upgrade has nothing to do for the clean one, and still stops at the clash.
    const second = context();
    expect(await runFleetUpgrade(second, [fleet], { yes: true, json: true }, v2)).toBe(1);
    const report = JSON.parse(second.out.join('')) as { recipients: Array<{ name: string; state: string }> };
    expect(report.recipients.map((r) => `${r.name}:${r.state}`)).toEqual(['clash:conflicts', 'clean:current']);

    // The built binary (with its bundled templates, which lack the test blueprint, so nothing is
    // pending): each recipient's local edit is drift; no conflict is recorded, the clash was never applied.
    const cli = await runCli(['fleet', 'status', fleet, '--json'], { cwd: fleet });
    expect(cli.code, cli.stderr).toBe(0);
    const status = JSON.parse(cli.stdout) as { recipients: RecipientStatus[] };
    expect(status.recipients.map((r) => [r.name, r.drift.length, r.conflicts.length])).toEqual([['clash', 1, 0], ['clean', 1, 0]]);
  });
});
