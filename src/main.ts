import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { colorWanted, type CliContext } from './cli/context.js';
import { handleError } from './cli/handle-error.js';
import { helpTitle, translateUsage } from './cli/help.js';
import { ExitCode } from './errors.js';
import { detectLang, pick } from './i18n/lang.js';
import { registerDeploy, registerDoctor, registerInit } from './cli/register-setup.js';
import { registerGrant } from './cli/register-grant.js';
import { registerFleet, registerProfile, registerUpgrade } from './cli/register-upgrade.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function langFromArgv(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

const L = pick;

/**
 * Builds the command tree. Each command's module is imported only when that command runs, so
 * `eoffice --help` loads none of the heavy libraries.
 */
export function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const { lang } = ctx;
  const program = new Command('eoffice');
  program
    .description(
      L(lang,
        'Hibah aplikasi e-Office, e-Office Desa dan e-SAKIP: dari profil kabupaten/kota menjadi kode sumber terkonfigurasi, data awal, manifest deployment dan dokumen serah terima.',
        'Grant e-Office, e-Office Desa and e-SAKIP: from a regency profile to configured source, seed data, deployment manifests and handover documents.'),
    )
    .version(VERSION, '-V, --version', L(lang, 'tampilkan versi', 'print the version'))
    .helpOption('-h, --help', L(lang, 'tampilkan bantuan', 'show help'))
    .helpCommand(false)
    .addOption(new Option('--lang <lang>', L(lang, 'bahasa pesan', 'message language')).choices(['id', 'en']))
    .configureHelp({ styleTitle: (title) => helpTitle(title, lang), sortSubcommands: false })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout(s),
      writeErr: (s) => ctx.stderr(translateUsage(s, lang)),
      outputError: (s, write) => write(translateUsage(s, lang)),
    })
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice validate examples/sumedang/regency.yaml\n  $ eoffice validate --format github "examples/*/regency.yaml"\n  $ eoffice validate --lang en --strict regency.yaml\n\nKode keluar: 0 berhasil, 1 masukan tidak sah atau pemeriksaan gagal, 2 kesalahan penggunaan, I/O atau lingkungan.\n',
      '\nExamples:\n  $ eoffice validate examples/sumedang/regency.yaml\n  $ eoffice validate --format github "examples/*/regency.yaml"\n  $ eoffice validate --lang en --strict regency.yaml\n\nExit codes: 0 success, 1 invalid input or failed check, 2 usage, I/O or environment error.\n'));

  registerInit(program, ctx, setExit);

  program
    .command('validate')
    .description(L(lang, 'periksa profil kabupaten/kota: skema dan aturan domain', 'check regency profiles: schema and domain rules'))
    .argument('<file...>', L(lang, 'berkas regency.yaml (boleh glob, misalnya "examples/*/regency.yaml")', 'regency.yaml files (globs allowed, e.g. "examples/*/regency.yaml")'))
    .addOption(new Option('-f, --format <format>', L(lang, 'format keluaran', 'output format')).choices(['text', 'json', 'junit', 'sarif', 'github']).default('text'))
    .option('--json', L(lang, 'sama dengan --format json', 'same as --format json'))
    .option('--strict', L(lang, 'peringatan juga menggagalkan', 'warnings fail too'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice validate regency.yaml\n  $ eoffice validate --format junit "profil/*.yaml" > laporan.xml\n  $ eoffice validate --format sarif regency.yaml > eoffice.sarif\n',
      '\nExamples:\n  $ eoffice validate regency.yaml\n  $ eoffice validate --format junit "profiles/*.yaml" > report.xml\n  $ eoffice validate --format sarif regency.yaml > eoffice.sarif\n'))
    .action(async (files: string[], opts: { format: string; json?: boolean; strict?: boolean }) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(ctx, files, { format: opts.json ? 'json' : (opts.format as 'text'), strict: opts.strict ?? false }));
    });

  program
    .command('generate')
    .description(L(lang, 'render setiap blueprint yang aktif menjadi pohon keluaran (kode sumber, data awal, deployment, dokumen)', 'render every enabled blueprint into the output tree (source, seed data, deployment, documents)'))
    .argument('<file>', L(lang, 'profil regency.yaml', 'the regency.yaml profile'))
    .requiredOption('-o, --out <dir>', L(lang, 'folder keluaran', 'output folder'))
    .option('--dry-run', L(lang, 'tampilkan rencana tanpa menulis apa pun', 'show the plan, write nothing'))
    .option('--check', L(lang, 'keluar dengan kode 1 bila folder tidak sama dengan hasil profil sekarang (untuk CI)', 'exit 1 when the folder is not what the profile generates now (for CI)'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice generate regency.yaml --out keluaran\n  $ eoffice generate regency.yaml --out keluaran --dry-run\n  $ eoffice generate regency.yaml --out keluaran --check   # di CI\n',
      '\nExamples:\n  $ eoffice generate regency.yaml --out output\n  $ eoffice generate regency.yaml --out output --dry-run\n  $ eoffice generate regency.yaml --out output --check   # in CI\n'))
    .action(async (file: string, opts: { out: string; dryRun?: boolean; check?: boolean; json?: boolean }) => {
      const { runGenerate } = await import('./commands/generate.js');
      setExit(await runGenerate(ctx, file, opts));
    });

  const seed = program
    .command('seed')
    .description(L(lang, 'data awal hasil generate', 'the generated seed data'))
    .helpCommand(false);
  seed
    .command('apply')
    .description(L(lang, 'muat data awal ke PostgreSQL atau MySQL/MariaDB dalam satu transaksi, idempoten', 'load the seed into PostgreSQL or MySQL/MariaDB in one transaction, idempotently'))
    .argument('<dir>', L(lang, 'folder keluaran generate', 'the generated output folder'))
    .requiredOption('--db <url>', L(lang, 'URL basis data, atau env:NAMA / file:PATH yang memuatnya', 'database URL, or env:NAME / file:PATH holding it'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice seed apply keluaran --db env:DATABASE_URL\n  $ eoffice seed apply keluaran --db postgres://eoffice@localhost/eoffice\n',
      '\nExamples:\n  $ eoffice seed apply output --db env:DATABASE_URL\n  $ eoffice seed apply output --db mysql://eoffice@localhost/eoffice\n'))
    .action(async (dir: string, opts: { db: string; json?: boolean }) => {
      const { runSeedApply } = await import('./commands/seed.js');
      setExit(await runSeedApply(ctx, dir, opts));
    });

  registerDoctor(program, ctx, setExit);
  registerDeploy(program, ctx, setExit);
  registerGrant(program, ctx, setExit);
  registerUpgrade(program, ctx, setExit);
  registerFleet(program, ctx, setExit);
  registerProfile(program, ctx, setExit);

  const blueprint = program
    .command('blueprint')
    .description(L(lang, 'alat untuk pembuat blueprint', 'tools for blueprint authors'))
    .helpCommand(false);
  blueprint
    .command('lint')
    .description(L(lang, 'periksa blueprint.yaml dan templatnya (nilai di .sql/.yaml/.sh/.env wajib memakai helper kutip)', 'check blueprint.yaml and its templates (values in .sql/.yaml/.sh/.env must use the quoting helper)'))
    .argument('[dir...]', L(lang, 'folder blueprint (bawaan: semua di templates/)', 'blueprint folders (default: all under templates/)'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang, '\nContoh:\n  $ eoffice blueprint lint\n  $ eoffice blueprint lint templates/eoffice\n', '\nExamples:\n  $ eoffice blueprint lint\n  $ eoffice blueprint lint templates/eoffice\n'))
    .action(async (dirs: string[], opts: { json?: boolean }) => {
      const { runBlueprintLint } = await import('./commands/blueprint.js');
      setExit(await runBlueprintLint(ctx, dirs, opts));
    });

  return program;
}

export async function main(argv: readonly string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const env = overrides.env ?? process.env;
  const ctx: CliContext = {
    lang: detectLang(langFromArgv(argv), env),
    color: colorWanted(process.stdout, env),
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isInteractive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    env,
    ...overrides,
  };
  if (!overrides.stdout) quietWhenReaderLeaves(process.stdout);
  if (!overrides.stderr) quietWhenReaderLeaves(process.stderr);
  let code: number = ExitCode.ok;
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    if (argv.length <= 2) {
      // No command is a usage error (exit 2): the help goes where errors go.
      program.outputHelp({ error: true });
      return ExitCode.usage;
    }
    await program.parseAsync([...argv]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end here with code 0; everything else commander refuses is a usage error.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    return handleError(err, ctx);
  }
}

/**
 * `eoffice … | head` closes the pipe early: the rest of the output has no reader, which is no error
 * of the user's (no stack trace), and the command still finishes what it started (a write, a swap).
 */
function quietWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      stream.destroy();
      return;
    }
    throw err;
  });
}
