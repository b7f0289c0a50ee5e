import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { colorWanted, type CliContext } from './cli/context.js';
import { handleError } from './cli/handle-error.js';
import { helpTitle, translateUsage } from './cli/help.js';
import { ExitCode } from './errors.js';
import { detectLang, type Lang } from './i18n/lang.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function langFromArgv(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

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
