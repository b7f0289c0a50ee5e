/**
 * examples/ci: the `eoffice` commands of the GitHub Actions workflow and of the GitLab CI job, run
 * as those runners run them (bash with errexit and pipefail) in a fresh checkout of a temporary
 * profiles repository with two example regencies and their committed output, `eoffice` on PATH
 * being the built bin. They pass on fresh output; the drift loop fails once an output file is
 * edited; the JUnit report is written.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN } from '../helpers/cli.js';
import { gitEnv, tempRepo } from '../helpers/git.js';
import { tempDir } from '../helpers/tree.js';
import { done, EXAMPLES, REAL_TEMPLATES, ROOT, run } from './support.js';

const PROFILES = ['bojonegoro', 'jombang'];

/** Lines of a shell script that run the `eoffice` command (not `$EOFFICE_PACKAGE` and the like). */
const callsEoffice = (script: string) => /(^|[\s;(|&])eoffice\s/m.test(script);

interface Workflow {
  jobs: Record<string, { steps: Array<{ name?: string; run?: string; if?: string }> }>;
}
interface GitlabCi {
  eoffice: { script: string[]; before_script?: string[] };
}

function githubCommands(): string[] {
  const wf = parse(readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as Workflow;
  return Object.values(wf.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run && callsEoffice(s.run) ? [s.run] : [])));
}

function gitlabCommands(): string[] {
  const ci = parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as GitlabCi;
  return ci.eoffice.script.filter(callsEoffice);
}

let binDir: string;
let origin: string;

beforeAll(async () => {
  // `eoffice` on PATH is the built bin, as `npm install --global` would make it.
  binDir = tempDir('eoffice-bin-');
  symlinkSync(BIN, join(binDir, 'eoffice'));

  // The profiles repository: two regencies, their output generated and committed.
  const repo = tempRepo();
  for (const name of PROFILES) {
    mkdirSync(join(repo.dir, 'profiles', name), { recursive: true });
    cpSync(join(EXAMPLES, name, 'regency.yaml'), join(repo.dir, 'profiles', name, 'regency.yaml'));
    // The engine itself (the bin runs it the same way), to keep the suite quick.
    done(await run(REAL_TEMPLATES, join(repo.dir, 'profiles', name, 'output'), { profile: join(repo.dir, 'profiles', name, 'regency.yaml') }));
  }
  repo.commit({}, 'profiles and their output');
  // What the generated .gitignore keeps out of the repository.
  const tracked = repo.git('ls-files');
  expect(tracked).toContain('profiles/jombang/output/eoffice.lock.json');
  expect(tracked).not.toMatch(/secrets\.env|config\/app\.env/);
  origin = repo.dir;
});

/** A fresh checkout, as a runner makes one, under the runner's umask. */
function checkout(umask: string): Promise<string> {
  const dir = join(tempDir('eoffice-ci-'), 'repo');
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', `umask ${umask} && git clone --quiet "$0" "$1"`, origin, dir], { env: gitEnv(tempDir()) }, (err) => (err ? reject(err) : resolve(dir)));
  });
}

interface Step {
  code: number;
  stdout: string;
  stderr: string;
}

/** One `run:`/`script:` entry in bash with errexit and pipefail, as both runners do. */
function step(script: string, cwd: string, umask: string): Promise<Step> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', `umask ${umask}\n${script}`],
      {
        cwd,
        env: { PATH: [binDir, dirname(process.execPath), process.env.PATH].join(':'), HOME: tempDir(), LANG: 'en_US.UTF-8', CI: 'true' },
        encoding: 'utf8',
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

const RUNNERS = [
  // GitHub-hosted runners check out with umask 022; GitLab's Docker executor runs with umask 0000.
  { name: 'GitHub Actions', commands: githubCommands, umask: '022' },
  { name: 'GitLab CI', commands: gitlabCommands, umask: '000' },
] as const;

describe.each(RUNNERS)('examples/ci: $name', ({ commands, umask }) => {
  it('runs validation, the JUnit report and the drift check; all pass on fresh output', async () => {
    const scripts = commands();
    expect(scripts.some((s) => s.includes('--format junit'))).toBe(true);
    expect(scripts.some((s) => s.includes('--check'))).toBe(true);
    const dir = await checkout(umask);
    for (const script of scripts) {
      const r = await step(script, dir, umask);
      expect(r.code, `${script}\n${r.stdout}${r.stderr}`).toBe(0);
      if (script.includes('--check')) for (const name of PROFILES) expect(r.stdout).toMatch(new RegExp(`profiles/${name}/output is up to date \\([1-9]\\d* files\\)`));
    }
    const junit = readFileSync(join(dir, 'eoffice-junit.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml /);
    expect(junit).toMatch(/<testsuites[\s>]/);
    for (const name of PROFILES) expect(junit).toContain(`profiles/${name}/regency.yaml`);
    expect(junit).not.toMatch(/<failure/);
  });

  it('the drift loop fails after an output file is edited, naming it', async () => {
    const dir = await checkout(umask);
    // The first profile of the loop, so only errexit can make the loop fail.
    appendFileSync(join(dir, 'profiles', PROFILES[0]!, 'output', 'docs', 'profil-daerah.md'), '\nedited by hand\n');
    const loops = commands().filter((s) => s.includes('--check'));
    expect(loops).toHaveLength(1);
    const r = await step(loops[0]!, dir, umask);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`profiles/${PROFILES[0]}/output is not what profiles/${PROFILES[0]}/regency.yaml generates`);
    expect(r.stderr).toMatch(/^conflict\s+docs\/profil-daerah\.md\s/m);
  });
});
