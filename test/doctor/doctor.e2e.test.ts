/**
 * `eoffice doctor` (built bin) against a PATH the test controls: fake tools that print the
 * versions real ones print, so every result is known; then once against this machine's own tools,
 * compared with what those tools say themselves.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';

interface Report {
  targets: string[];
  ok: boolean;
  checks: { id: string; name: string; status: string; required: boolean; detail: string; fix?: string }[];
}

/** A folder of fake tools; `script` is the body after the shebang (`$*` holds the arguments). */
function tools(spec: Record<string, string>): string {
  const dir = tempDir('eoffice-doctor-');
  for (const [name, body] of Object.entries(spec)) writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}

const DOCKER = `case "$*" in
  --version) echo "Docker version 27.3.1, build ce12230";;
  "compose version") echo "Docker Compose version v2.29.7";;
  info*) echo "27.3.1";;
  *) exit 1;;
esac`;
const DOCKER_NO_COMPOSE = `case "$*" in
  --version) echo "Docker version 27.3.1, build ce12230";;
  compose*) echo "docker: unknown command: docker compose" >&2; exit 1;;
  info*) echo "27.3.1";;
esac`;
const COMMON = {
  node: 'echo v22.14.0',
  git: 'echo "git version 2.43.0"',
  psql: 'echo "psql (PostgreSQL) 16.4"',
};

const statuses = (r: Report) => Object.fromEntries(r.checks.filter((c) => c.id !== 'disk').map((c) => [c.id, `${c.status} ${c.detail}`]));

async function doctor(args: string[], path: string, cwd = tempDir()): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(['doctor', ...args, '--json', '--offline', '--lang', 'en'], { cwd, env: { PATH: path } });
  return { code: r.code, report: JSON.parse(r.stdout || '{}') as Report, stderr: r.stderr };
}

describe('doctor with a controlled PATH', () => {
  it('compose: everything there, exit 0', async () => {
    const { code, report } = await doctor(['--target', 'compose'], tools({ ...COMMON, docker: DOCKER }));
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(statuses(report)).toEqual({
      node: 'ok 22.14.0',
      git: 'ok 2.43.0',
      docker: 'ok 27.3.1',
      'docker-compose': 'ok 2.29.7',
      'docker-engine': 'ok 27.3.1',
      'db-client': 'ok 16.4',
    });
    expect(report.checks.find((c) => c.id === 'disk')).toMatchObject({ required: true, status: expect.stringMatching(/^(ok|warn|missing)$/) });
  });

  it('compose without the compose plugin: missing, with its fix, exit 1', async () => {
    const { code, report } = await doctor(['--target', 'compose'], tools({ ...COMMON, docker: DOCKER_NO_COMPOSE }));
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'docker-compose')).toEqual({
      id: 'docker-compose', name: 'docker compose', status: 'missing', required: true,
      detail: 'failed: docker: unknown command: docker compose', fix: 'sudo apt-get install -y docker-compose-plugin',
    });
  });

  it('nothing installed: each required tool missing with the command that fixes it; recommended ones only warn', async () => {
    const { code, report } = await doctor(['--target', 'vm'], tempDir());
    expect(code).toBe(1);
    expect(statuses(report)).toEqual({
      node: 'missing node not found',
      npm: 'missing npm not found',
      git: 'warn git not found',
      systemd: 'warn systemctl not found',
      'apt-get': 'warn apt-get not found',
      'db-client': 'warn psql not found',
    });
    expect(report.checks.find((c) => c.id === 'node')!.fix).toContain('https://deb.nodesource.com/setup_22.x');
    expect(report.checks.find((c) => c.id === 'git')!.fix).toBe('sudo apt-get install -y git');
  });

  it('vm with an old Node: missing (the apps need 22.12)', async () => {
    const { code, report } = await doctor(['--target', 'vm'], tools({ ...COMMON, node: 'echo v20.11.1', npm: 'echo 10.2.4', systemctl: 'echo "systemd 252 (252.30-1~deb12u2)"', 'apt-get': 'echo "apt 2.6.1 (amd64)"' }));
    expect(code).toBe(1);
    expect(report.checks.find((c) => c.id === 'node')).toMatchObject({ status: 'missing', detail: 'v20.11.1: needs ≥ 22.12' });
    expect(statuses(report)).toMatchObject({ npm: 'ok 10.2.4', systemd: 'ok 252.30', 'apt-get': 'ok 2.6.1' });
  });

  it('--profile: the targets and the database engine come from the profile', async () => {
    const kubectl = `case "$*" in
  "version --client") printf 'Client Version: v1.31.2\\nKustomize Version: v5.4.2\\n';;
  "config current-context") echo "error: current-context is not set" >&2; exit 1;;
esac`;
    const cwd = tempDir();
    mkdirSync(join(cwd, 'k'));
    const { code, report } = await doctor(['--profile', join(ROOT, 'examples', 'karanganyar', 'regency.yaml')], tools({ ...COMMON, kubectl, docker: DOCKER }), cwd);
    expect(code).toBe(0);
    expect(report.targets).toEqual(['kubernetes']);
    expect(statuses(report)).toEqual({
      node: 'ok 22.14.0',
      git: 'ok 2.43.0',
      docker: 'ok 27.3.1',
      kubectl: 'ok 1.31.2',
      'kubectl-context': 'warn no cluster yet: error: current-context is not set',
      'db-client': 'warn mysql not found',
      dns: 'offline skipped (--offline)',
    });
  });

  it('text for people: marks, [required], the fix under each gap; no target at all is a usage error', async () => {
    const r = await runCli(['doctor', '--target', 'compose', '--offline'], { cwd: tempDir(), env: { PATH: tools({ ...COMMON, docker: DOCKER_NO_COMPOSE }) } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^eoffice doctor: target compose\n/);
    expect(r.stdout).toContain('  ✗ docker compose  gagal: docker: unknown command: docker compose [wajib]\n      perbaiki: sudo apt-get install -y docker-compose-plugin\n');
    expect(r.stdout).toMatch(/\n\d siap, 1 wajib belum ada, \d peringatan\n$/);
    const none = await runCli(['doctor'], { cwd: tempDir(), env: { PATH: tempDir() } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('target deployment belum diketahui');
  });
});

describe('doctor on this machine', () => {
  it('reports the versions the tools themselves print', async () => {
    const path = process.env.PATH ?? '';
    const { report } = await doctor(['--target', 'kubernetes'], path);
    const version = (file: string, args: string[]) => {
      try {
        return /(\d+)\.(\d+)(?:\.(\d+))?/.exec(execFileSync(file, args, { encoding: 'utf8', env: { PATH: path } }))!.slice(1).map((n) => Number(n ?? 0)).join('.');
      } catch {
        return undefined;
      }
    };
    for (const [id, file, args] of [['node', 'node', ['--version']], ['git', 'git', ['--version']], ['kubectl', 'kubectl', ['version', '--client']]] as const) {
      const own = version(file, [...args]);
      const check = report.checks.find((c) => c.id === id)!;
      if (own === undefined) expect(check.detail, id).toBe(`${file} not found`);
      else expect(check.detail, id).toMatch(new RegExp(`^v?${own.replace(/\./g, '\\.')}`));
    }
    const disk = report.checks.find((c) => c.id === 'disk')!;
    expect(disk.detail).toMatch(/^\d+\.\d GiB free/);
  });
});
