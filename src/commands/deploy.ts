/**
 * `eoffice deploy DIR --target compose|kubernetes|vm`: runs the target's own tool on the generated
 * tree, each command shown before it runs, its output streamed (under a listr2 task on a colour
 * terminal, plain lines otherwise), stopping at the first failure with the tool's own message.
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { CheckFailed, ExitCode, UsageError } from '../errors.js';
import { pick } from '../i18n/lang.js';
import { deployCommands, shellLine, TreeProblem, type DeployCommand, type DeployTarget, type KubernetesEnv } from '../deploy/commands.js';

export interface DeployCliOptions {
  target: string;
  env?: string;
  dryRun?: boolean;
  json?: boolean;
}

const LOCK = 'eoffice.lock.json';
const isFile = async (p: string) => (await stat(p).catch(() => undefined))?.isFile() === true;

/** The generated tree: DIR itself, or DIR/keluaran as `eoffice init` lays it out. */
async function findTree(ctx: CliContext, dir: string): Promise<string> {
  const abs = resolve(ctx.cwd, dir);
  if (await isFile(join(abs, LOCK))) return abs;
  if (await isFile(join(abs, 'keluaran', LOCK))) return join(abs, 'keluaran');
  throw new UsageError(
    pick(ctx.lang, `${dir} bukan pohon hasil eoffice generate (tidak ada ${LOCK})`, `${dir} is not a tree made by eoffice generate (no ${LOCK})`),
    pick(ctx.lang, 'jalankan dulu `eoffice generate regency.yaml --out DIR` atau `eoffice init`', 'run `eoffice generate regency.yaml --out DIR` or `eoffice init` first'),
  );
}

interface Outcome {
  ok: boolean;
  missing: boolean;
  exitCode?: number;
  /** The tool's last words on failure. */
  message: string;
}

/** Runs one command in the tree, handing each output line to `onLine`. */
async function run(ctx: CliContext, tree: string, cmd: DeployCommand, onLine: (line: string) => void): Promise<Outcome> {
  const { execa } = await import('execa');
  const sub = execa(cmd.file, cmd.args, { cwd: tree, env: ctx.env, extendEnv: false, all: true, reject: false, stdin: 'inherit' });
  const tail: string[] = [];
  try {
    for await (const line of sub.iterable({ from: 'all' })) {
      onLine(line);
      tail.push(line);
      if (tail.length > 5) tail.shift();
    }
  } catch {
    // A tool that cannot start ends the iteration early; the result below says why.
  }
  const result = await sub;
  if (!result.failed) return { ok: true, missing: false, message: '' };
  const missing = (result as { code?: string }).code === 'ENOENT';
  const last = tail.filter((l) => l.trim() !== '').slice(-3).join('\n');
  return { ok: false, missing, ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}), message: last || result.shortMessage || result.message || "" };
}

function failure(ctx: CliContext, cmd: DeployCommand, outcome: Outcome): Error {
  const line = shellLine(cmd.file, cmd.args);
  if (outcome.missing) {
    return new UsageError(
      pick(ctx.lang, `${cmd.file} tidak ditemukan di PATH; \`${line}\` tidak dapat dijalankan`, `${cmd.file} is not on PATH; \`${line}\` cannot run`),
      pick(ctx.lang, '`eoffice doctor --target …` menyebutkan cara memasangnya', '`eoffice doctor --target …` says how to install it'),
    );
  }
  const code = outcome.exitCode !== undefined ? pick(ctx.lang, ` (kode ${outcome.exitCode})`, ` (exit ${outcome.exitCode})`) : '';
  return new CheckFailed(`${pick(ctx.lang, `\`${line}\` gagal${code}`, `\`${line}\` failed${code}`)}:\n${outcome.message}`);
}

/** Plain lines: the command, its output indented, a tick. `write` is stderr under --json. */
async function runPlain(ctx: CliContext, tree: string, commands: readonly DeployCommand[], write: (text: string) => void): Promise<void> {
  for (const cmd of commands) {
    write(`$ ${shellLine(cmd.file, cmd.args)}    # ${cmd.title[ctx.lang]}\n`);
    const outcome = await run(ctx, tree, cmd, (line) => write(`  ${line}\n`));
    if (!outcome.ok) throw failure(ctx, cmd, outcome);
    write(`✓ ${cmd.title[ctx.lang]}\n`);
  }
}

async function runListr(ctx: CliContext, tree: string, commands: readonly DeployCommand[]): Promise<void> {
  const { Listr } = await import('listr2');
  let failed: Error | undefined;
  const list = new Listr(
    commands.map((cmd) => ({
      title: `${cmd.title[ctx.lang]}: $ ${shellLine(cmd.file, cmd.args)}`,
      task: async (_: unknown, task: { output: string }) => {
        const outcome = await run(ctx, tree, cmd, (line) => {
          task.output = line;
        });
        if (!outcome.ok) {
          failed = failure(ctx, cmd, outcome);
          throw new Error(outcome.message);
        }
      },
      rendererOptions: { outputBar: 8, persistentOutput: false },
    })),
    { exitOnError: true, rendererOptions: { collapseErrors: false } },
  );
  await list.run().catch((err: unknown) => {
    if (!failed) throw err;
  });
  if (failed) throw failed;
}

export async function runDeploy(ctx: CliContext, dir: string, opts: DeployCliOptions): Promise<number> {
  const target = opts.target as DeployTarget;
  const tree = await findTree(ctx, dir);
  let commands: DeployCommand[];
  try {
    commands = await deployCommands(tree, target, { env: (opts.env ?? 'production') as KubernetesEnv, root: process.getuid?.() === 0 });
  } catch (err) {
    if (err instanceof TreeProblem) throw new UsageError(`${relative(ctx.cwd, tree) || '.'}: ${err.reason[ctx.lang]}`, err.hint[ctx.lang]);
    throw err;
  }
  const shownTree = relative(ctx.cwd, tree) || '.';
  if (opts.dryRun) {
    if (opts.json) {
      ctx.stdout(JSON.stringify({ target, dir: shownTree, commands: commands.map((c) => ({ title: c.title[ctx.lang], argv: [c.file, ...c.args], cwd: shownTree })) }, null, 2) + '\n');
    } else {
      ctx.stdout(pick(ctx.lang, `# dijalankan di ${shownTree} (tidak ada yang dijalankan sekarang)\n`, `# run in ${shownTree} (nothing is run now)\n`));
      ctx.stdout(`cd ${shellLine(shownTree, []).trim()}\n`);
      for (const c of commands) ctx.stdout(`${shellLine(c.file, c.args)}    # ${c.title[ctx.lang]}\n`);
    }
    return ExitCode.ok;
  }
  if (ctx.isInteractive && ctx.color && !opts.json) await runListr(ctx, tree, commands);
  else await runPlain(ctx, tree, commands, opts.json ? ctx.stderr : ctx.stdout);
  if (opts.json) {
    ctx.stdout(JSON.stringify({ target, dir: shownTree, ran: commands.map((c) => [c.file, ...c.args]) }, null, 2) + '\n');
    return ExitCode.ok;
  }
  ctx.stdout(pick(ctx.lang, `selesai: ${target} terpasang dari ${shownTree}\n`, `done: ${target} deployed from ${shownTree}\n`));
  return ExitCode.ok;
}
