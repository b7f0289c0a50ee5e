/**
 * Runs the built bin/eoffice in a real pseudo-terminal through python3's pty module (no native
 * node module needed), typing each step's keys once its text is on the screen.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cleanEnv } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';

export interface PtyRun {
  code: number;
  /** The output as the terminal shows it at the end. */
  screen: string;
  raw: string;
  /** The pattern still awaited when the time ran out. */
  waiting: string | null;
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', space: ' ', ctrlC: '\u0003' } as const;

const DRIVER = new URL('./pty-driver.py', import.meta.url).pathname;

export function runInPty(args: readonly string[], options: { cwd: string; steps: [string, string][]; env?: Record<string, string>; timeout?: number }): Promise<PtyRun> {
  const script = join(tempDir(), 'script.json');
  writeFileSync(script, JSON.stringify({
    argv: [process.execPath, BIN, ...args],
    cwd: options.cwd,
    env: cleanEnv({ TERM: 'xterm-256color', LANG: 'id_ID.UTF-8', ...options.env }),
    timeout: options.timeout ?? 40,
    steps: options.steps,
  }));
  return new Promise((resolve, reject) => {
    execFile('python3', [DRIVER, script], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, timeout: ((options.timeout ?? 40) + 15) * 1000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`pty driver failed: ${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as PtyRun);
    });
  });
}
