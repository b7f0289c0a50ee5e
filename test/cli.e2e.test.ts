/**
 * Runs the built bin/eoffice (dist/ is built by test/global-setup.ts) as a user would: its own Node
 * process, in a temporary working folder holding the profiles, with a clean environment.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSI, BIN, RECORDER, runCli, STACK_TRACE, tempTree, type CliRun } from './helpers/cli.js';

const VALID = readFileSync(new URL('fixtures/kota-banjar.yaml', import.meta.url), 'utf8');
/** The valid profile with an unquoted regency code (a number to YAML): one schema error on line 7. */
const INVALID = VALID.replace('  code: "32.79"\n', '  code: 32.79\n');
/** The valid profile with a domain outside .go.id: one warning (contact-syntax) on line 10. */
const WARNING = VALID.replace('  domain: banjarkota.go.id\n', '  domain: banjarkota.example.com\n');

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = tempTree({
    'regency.yaml': VALID,
    'invalid.yaml': INVALID,
    'warning.yaml': WARNING,
    'profiles/banjar.yaml': VALID,
    'profiles/banjar-copy.yaml': VALID,
    'profiles/broken.yaml': INVALID,
    'profiles/readme.txt': 'not a profile',
  }));
});
afterAll(() => remove());

/** Runs eoffice in the temporary folder; no output of any run may carry a stack trace. */
async function eoffice(args: string[], env: Record<string, string | undefined> = {}, nodeArgs: string[] = []): Promise<CliRun> {
  const run = await runCli(args, { cwd: dir, env, nodeArgs });
  expect(run.stdout, 'stdout has a stack trace').not.toMatch(STACK_TRACE);
  expect(run.stderr, 'stderr has a stack trace').not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/internal error|kesalahan internal|Error:/);
  return run;
}

it('the stack-trace and escape-code detectors used below do detect them', () => {
  expect(new Error('x').stack).toMatch(STACK_TRACE);
  expect('eoffice: file not found\nhint: at the path you gave\n').not.toMatch(STACK_TRACE);
  expect('\u001b[1;31mgalat\u001b[0m').toMatch(ANSI);
});

describe.concurrent('exit codes', () => {
  it('0 for a valid profile, with a summary on standard output', async () => {
    const r = await eoffice(['validate', 'regency.yaml']);
    expect(r).toEqual({ code: 0, stdout: '1 berkas diperiksa: 1 sah, 0 tidak sah; 0 galat, 0 peringatan\n', stderr: '' });
  });

  it('1 for an invalid profile, naming file, line, column, rule and the source line', async () => {
    const r = await eoffice(['validate', 'invalid.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('invalid.yaml:7:9 galat schema jenis nilai salah: seharusnya teks, bukan angka (`32.79`)');
    expect(lines[1]).toBe('    7 |   code: 32.79');
    expect(lines[2]).toBe('      |         ^');
    expect(lines.at(-2)).toBe('1 berkas diperiksa: 0 sah, 1 tidak sah; 1 galat, 0 peringatan');
  });

  it('2 for a missing file, named in the message', async () => {
    const r = await eoffice(['validate', 'tidak-ada.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tidak-ada\.yaml galat file-missing berkas tidak ditemukan$/m);
  });

  it('2 for a directory given as the profile', async () => {
    const r = await eoffice(['validate', 'profiles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^profiles galat file-is-directory /m);
  });

  it('1 for a file that was read but is no profile (empty, binary)', async () => {
    const { dir: here, remove: removeHere } = tempTree({ 'empty.yaml': '# nothing yet\n', 'logo.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
    try {
      const r = await runCli(['validate', 'empty.yaml', 'logo.yaml'], { cwd: here });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).toMatch(/^empty\.yaml galat file-empty berkas kosong$/m);
      expect(r.stderr).toMatch(/^logo\.yaml galat file-binary /m);
    } finally {
      removeHere();
    }
  });

  it('2 for an unknown option', async () => {
    const r = await eoffice(['validate', '--frobnicate', 'regency.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/opsi '--frobnicate' tidak dikenal/);
    expect(r.stdout).toBe('');
  });

  it('2 for an unknown command, with a suggestion', async () => {
    const r = await eoffice(['validat', 'regency.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/perintah 'validat' tidak dikenal/);
    expect(r.stderr).toMatch(/mungkin maksudnya validate\?/);
  });

  it('2 for an unknown --format value', async () => {
    const r = await eoffice(['validate', '--format', 'xml', 'regency.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'xml'.*tidak sah.*text, json, junit, sarif, github/);
  });

  it('2 with no arguments at all, showing the help', async () => {
    const r = await eoffice([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Penggunaan: eoffice /);
    expect(r.stderr).toMatch(/^Contoh:$/m);
  });

  it('2 for validate without a file', async () => {
    const r = await eoffice(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argumen wajib 'file' tidak ada/);
  });

  it('0 for warnings only, 1 for the same warnings under --strict', async () => {
    const relaxed = await eoffice(['validate', 'warning.yaml']);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/^warning\.yaml:10:11 peringatan contact-syntax /m);
    expect(relaxed.stdout).toMatch(/1 sah, 0 tidak sah; 0 galat, 1 peringatan/);
    const strict = await eoffice(['validate', '--strict', 'warning.yaml']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/0 sah, 1 tidak sah; 0 galat, 1 peringatan/);
    expect((await eoffice(['validate', '--strict', 'regency.yaml'])).code).toBe(0);
  });
});

describe.concurrent('language', () => {
  it('speaks Bahasa Indonesia by default', async () => {
    const r = await eoffice(['validate', 'invalid.yaml']);
    expect(r.stderr).toMatch(/ galat schema jenis nilai salah/);
    expect(r.stderr).toMatch(/saran: /);
  });

  it('speaks English with --lang en', async () => {
    const r = await eoffice(['validate', '--lang', 'en', 'invalid.yaml']);
    expect(r.stderr).toMatch(/^invalid\.yaml:7:9 error schema wrong kind of value: expected text, not a number/);
    expect(r.stderr).toMatch(/^\s+hint: /m);
    expect(r.stderr).toMatch(/1 file\(s\) checked: 0 valid, 1 invalid/);
  });

  it('speaks English with an English locale (LANG=en_US.UTF-8), also for usage errors', async () => {
    const r = await eoffice(['validate', 'invalid.yaml'], { LANG: 'en_US.UTF-8' });
    expect(r.stderr).toMatch(/ error schema wrong kind of value/);
    const usage = await eoffice(['validate', '--frobnicate', 'x.yaml'], { LANG: 'en_US.UTF-8' });
    expect(usage.stderr).toMatch(/unknown option '--frobnicate'/);
  });

  it('lets --lang id win over an English locale, and LC_ALL over LANG', async () => {
    expect((await eoffice(['validate', '--lang', 'id', 'invalid.yaml'], { LANG: 'en_US.UTF-8' })).stderr).toMatch(/ galat /);
    expect((await eoffice(['validate', 'invalid.yaml'], { LANG: 'en_US.UTF-8', LC_ALL: 'id_ID.UTF-8' })).stderr).toMatch(/ galat /);
  });
});

describe.concurrent('a reader that leaves early', () => {
  it('`eoffice … | true` (the pipe closed before the output): exit 0, no stack trace', () => {
    // `true` exits at once, so the whole output meets a closed pipe (EPIPE), as with `| head` on a long output.
    const files = Array.from({ length: 3 }, () => join(dir, 'regency.yaml'));
    for (const args of [['validate', '--format', 'json', ...files], ['--help']]) {
      const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
      const r = spawnSync('bash', ['-c', `set -o pipefail; ${quoted} | true`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status, args.join(' ')).toBe(0);
    }
  });
});

describe.concurrent('colour', () => {
  it('has no escape codes when the output is not a terminal', async () => {
    const r = await eoffice(['validate', 'invalid.yaml', 'regency.yaml']);
    expect(r.stdout + r.stderr).not.toMatch(ANSI);
  });

  it('has none with NO_COLOR, even when colour is forced', async () => {
    const r = await eoffice(['validate', 'invalid.yaml'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.stdout + r.stderr).not.toMatch(ANSI);
  });

  it('is there when forced (so the checks above can see escape codes)', async () => {
    const r = await eoffice(['validate', 'invalid.yaml'], { FORCE_COLOR: '1' });
    expect(r.stderr).toMatch(ANSI);
  });
});

describe.concurrent('several files', () => {
  it('checks named files and a quoted glob in one run, and fails when one fails', async () => {
    const r = await eoffice(['validate', '--format', 'json', 'regency.yaml', 'profiles/*.yaml']);
    expect(r.code).toBe(1);
    const { files } = JSON.parse(r.stdout) as { files: { file: string; valid: boolean }[] };
    expect(files.map((f) => [f.file, f.valid])).toEqual([
      ['regency.yaml', true],
      ['profiles/banjar-copy.yaml', true],
      ['profiles/banjar.yaml', true],
      ['profiles/broken.yaml', false],
    ]);
  });

  it('exits 0 when every file matched by a glob is valid', async () => {
    const r = await eoffice(['validate', 'profiles/banjar*.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2 berkas diperiksa: 2 sah, 0 tidak sah; 0 galat, 0 peringatan\n');
  });

  it('reports a glob that matches nothing by name, with exit 2', async () => {
    const r = await eoffice(['validate', 'nothing/*.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nothing\/\*\.yaml galat file-missing /m);
  });
});

describe.concurrent('machine formats', () => {
  it('--format json prints the design shape', async () => {
    const r = await eoffice(['validate', '--format', 'json', 'invalid.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        {
          file: 'invalid.yaml',
          valid: false,
          diagnostics: [
            {
              rule: 'schema',
              severity: 'error',
              message: 'jenis nilai salah: seharusnya teks, bukan angka (`32.79`)',
              path: '/regency/code',
              line: 7,
              column: 9,
              hint: expect.stringMatching(/tanda kutip/),
            },
          ],
        },
      ],
    });
  });

  it('--json is the same as --format json', async () => {
    const a = await eoffice(['validate', '--json', 'invalid.yaml', 'regency.yaml']);
    const b = await eoffice(['validate', '--format', 'json', 'invalid.yaml', 'regency.yaml']);
    expect(a).toEqual(b);
  });

  it('junit, sarif and github run from the command line', async () => {
    const junit = await eoffice(['validate', '--format', 'junit', 'invalid.yaml']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    const sarif = await eoffice(['validate', '--format', 'sarif', 'invalid.yaml']);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ results: [{ ruleId: 'schema', level: 'error' }] }] });
    const github = await eoffice(['validate', '--format', 'github', 'invalid.yaml']);
    expect(github.stdout).toMatch(/^::error file=invalid\.yaml,line=7,col=9,title=eoffice schema::/);
  });
});

describe.concurrent('help', () => {
  it('eoffice --help shows the commands, examples and exit codes, exit 0', async () => {
    const r = await eoffice(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Penggunaan: eoffice /);
    expect(r.stdout).toMatch(/^Perintah:$/m);
    expect(r.stdout).toMatch(/^Contoh:\n {2}\$ eoffice validate /m);
    expect(r.stdout).toMatch(/Kode keluar: 0 .*, 1 .*, 2 /);
  });

  it('validate --help shows examples, in English with --lang en', async () => {
    const id = await eoffice(['validate', '--help']);
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(/^Contoh:\n {2}\$ eoffice validate regency\.yaml$/m);
    expect(id.stdout).toMatch(/--format <format>/);
    const en = await eoffice(['--lang', 'en', 'validate', '--help']);
    expect(en.stdout).toMatch(/^Examples:\n {2}\$ eoffice validate regency\.yaml$/m);
    expect(en.stdout).toMatch(/^Usage: eoffice validate /);
  });

  it('--version prints the version', async () => {
    const r = await eoffice(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(BIN, '..', '..', 'package.json'), 'utf8')) as { version: string }).version);
  });
});

describe.concurrent('what a command loads', () => {
  const HEAVY = ['ajv', '@inquirer', 'listr2', 'execa', 'simple-git', 'yaml', 'js-yaml', 'handlebars'];

  /** The packages (under node_modules) a run of eoffice resolved, recorded by test/helpers/record-imports.mjs. */
  async function packagesLoaded(args: string[]): Promise<{ run: CliRun; packages: Set<string> }> {
    const log = join(dir, `imports-${args.join('-').replace(/\W/g, '_')}.log`);
    const run = await eoffice(args, { EOFFICE_RECORD_IMPORTS: log }, ['--import', pathToFileURL(RECORDER).href]);
    const packages = new Set<string>();
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      const url = line.split('\t')[1] ?? '';
      const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      if (m) packages.add(m[1]!);
    }
    return { run, packages };
  }

  it('eoffice --help loads none of the heavy libraries', async () => {
    const { run, packages } = await packagesLoaded(['--help']);
    expect(run.code).toBe(0);
    expect(packages.has('commander')).toBe(true);
    for (const name of HEAVY) expect([...packages].filter((p) => p === name || p.startsWith(`${name}/`)), name).toEqual([]);
  });

  it('eoffice validate does load ajv and yaml (so the recorder sees what is loaded)', async () => {
    const { run, packages } = await packagesLoaded(['validate', 'invalid.yaml']);
    expect(run.code).toBe(1);
    expect(packages.has('ajv')).toBe(true);
    expect(packages.has('yaml')).toBe(true);
  });

  it('eoffice validate of a plain valid profile reads it with js-yaml alone: the position-keeping yaml is not loaded', async () => {
    const { run, packages } = await packagesLoaded(['validate', 'regency.yaml']);
    expect(run.code).toBe(0);
    expect(packages.has('js-yaml')).toBe(true);
    expect(packages.has('yaml')).toBe(false);
  });
});

describe.concurrent('the bin shim on an old Node', () => {
  /** Makes the shim see Node 18 by replacing process.versions before it runs. */
  async function onOldNode(env: Record<string, string | undefined> = {}, args: string[] = ['--help']): Promise<CliRun> {
    const { dir: hookDir, remove: removeHook } = tempTree({
      'old-node.cjs': "Object.defineProperty(process, 'versions', { value: Object.assign({}, process.versions, { node: '18.19.0' }) });\n",
    });
    try {
      // EOFFICE_NODE_REEXEC=1: do not hand over to a project-local .tools/node, if one is installed.
      return await eoffice(args, { EOFFICE_NODE_REEXEC: '1', ...env }, ['--require', join(hookDir, 'old-node.cjs')]);
    } finally {
      removeHook();
    }
  }

  it('says which Node it needs, in Bahasa Indonesia by default, and exits 2', async () => {
    const r = await onOldNode();
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^eoffice membutuhkan Node\.js >= 22\.12; yang terpasang Node\.js 18\.19\.0\.\nsaran: pasang Node terbaru/),
    });
  });

  it('says it in English with an English locale or --lang en', async () => {
    expect((await onOldNode({ LANG: 'en_US.UTF-8' })).stderr).toMatch(/^eoffice needs Node\.js >= 22\.12; this is Node\.js 18\.19\.0\.\nhint: /);
    expect((await onOldNode({}, ['--lang', 'en', 'validate', 'x.yaml'])).stderr).toMatch(/^eoffice needs Node\.js >= 22\.12/);
  });

  it('is written so that an old JavaScript engine can parse it (ES5: no import(), arrows, let or template literals)', () => {
    const source = readFileSync(BIN, 'utf8').replace(/^#!.*\n/, '');
    const linter = new Linter();
    const messages = linter.verify(source, { languageOptions: { ecmaVersion: 5, sourceType: 'script' } });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    // And a real import() would have been refused: the check above can fail.
    expect(linter.verify('import("x")', { languageOptions: { ecmaVersion: 5, sourceType: 'script' } }).some((m) => m.fatal)).toBe(true);
  });
});
