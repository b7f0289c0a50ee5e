/**
 * Progress of `eoffice generate` (built bin): plain lines on standard error when the output is not
 * a terminal, and with NO_COLOR on a terminal; never an escape code there.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, BIN, cleanEnv } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';
import { collectSecrets, eoffice, recordOutput } from './bin.js';
import { runGenerate } from '../../src/commands/generate.js';
import { context, FIXTURE, secretBlueprint } from './support.js';

describe('progress', () => {
  const STEPS = ['✓ Validating the profile', expect.stringMatching(/^✓ Loading blueprints \(\d+\)$/), expect.stringMatching(/^✓ Rendering files \(\d+\)$/), '✓ Planning', '✓ Writing the output (atomically)'];

  it('plain lines on stderr when not a terminal, without escape codes, even when colour is forced', async () => {
    const dir = tempDir();
    const r = await eoffice(['generate', FIXTURE, '--out', join(dir, 'out')], dir, { FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    collectSecrets(join(dir, 'out'));
    expect(r.stderr.trimEnd().split('\n')).toEqual(STEPS);
    expect(r.stderr).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/^\d+ created, 0 updated/);
  });

  it('the command draws plain lines whenever it is not an interactive colour terminal; --json keeps stdout pure JSON', async () => {
    const t = secretBlueprint();
    for (const [isInteractive, color] of [[false, false], [false, true], [true, false]] as const) {
      for (const json of [false, true]) {
        const ctx = context({ isInteractive, color });
        expect(await runGenerate(ctx, FIXTURE, { out: join(tempDir(), 'out'), json }, t)).toBe(0);
        const err = ctx.err.join('');
        expect(err.trimEnd().split('\n')).toEqual(STEPS);
        expect(err).not.toMatch(ANSI);
        if (json) expect((JSON.parse(ctx.out.join('')) as { mode: string }).mode).toBe('write');
      }
    }
  });

  /** Runs bin/eoffice on a pseudo-terminal (util-linux `script`), stdout and stderr together. */
  function onTerminal(args: string[], env: Record<string, string>): Promise<string> {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return new Promise((resolve, reject) => {
      execFile('script', ['-qfec', command, '/dev/null'], { env: cleanEnv({ TERM: 'xterm-256color', LANG: 'en_US.UTF-8', ...env }), encoding: 'utf8', timeout: 20_000 }, (err, stdout) => {
        if (err && typeof err.code !== 'number') reject(err);
        else resolve(stdout);
      });
    });
  }

  it('NO_COLOR on a terminal: the same plain lines, no escape codes (and without it, the terminal does get them)', async () => {
    const dir = tempDir();
    const plain = await onTerminal(['generate', FIXTURE, '--out', join(dir, 'a')], { NO_COLOR: '1' });
    collectSecrets(join(dir, 'a'));
    recordOutput(plain);
    expect(plain).not.toMatch(ANSI);
    for (const s of ['Validating the profile', 'Planning', 'Writing the output (atomically)']) expect(plain).toContain(`✓ ${s}`);

    const coloured = await onTerminal(['generate', FIXTURE, '--out', join(dir, 'b')], {});
    collectSecrets(join(dir, 'b'));
    recordOutput(coloured);
    expect(coloured).toMatch(ANSI);
  });
});
