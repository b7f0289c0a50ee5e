/**
 * `eoffice deploy` (built bin) on real generated trees: the commands of each target, shown before
 * they run and run in order in the tree, through fake executables on PATH that record their
 * arguments (one of them failing on demand); the first failure stops the run with the tool's own
 * message. Then the real kubectl of this machine, against no cluster and against a closed port.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { VERSION } from '../../src/main.js';
import { runCli, STACK_TRACE } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';
import { runInPty } from '../init/pty.js';
import { EXAMPLES, TEMPLATES } from './support.js';

let root: string;
let fakeBin: string;
const tree = (name: string) => join(root, name, 'keluaran');

/** An executable that appends `name args…` and its folder to $RECORD, prints two lines, and fails with exit 3 when its arguments contain $FAIL_ON. */
function fake(name: string): void {
  writeFileSync(join(fakeBin, name), [
    '#!/bin/sh',
    `printf '%s|%s\\n' "$(pwd)" "${name} $*" >> "$RECORD"`,
    `case "$*" in *"$FAIL_ON"*) if [ -n "$FAIL_ON" ]; then echo "${name}: refused by the test ($FAIL_ON)" >&2; exit 3; fi;; esac`,
    `echo "${name} working on $1"`,
    `echo "${name} done"`,
    '',
  ].join('\n'), { mode: 0o755 });
}

beforeAll(async () => {
  root = tempDir('eoffice-deploy-');
  for (const [name, example] of [['pangandaran', 'pangandaran'], ['sumedang', 'sumedang']] as const) {
    mkdirSync(join(root, name), { recursive: true });
    const outcome = await generate({ profile: join(EXAMPLES, example, 'regency.yaml'), out: join(root, name, 'keluaran'), mode: 'write', lang: 'en', templatesDir: TEMPLATES, toolkitVersion: VERSION });
    if (outcome.kind !== 'done') throw new Error(`generating ${example} failed: ${outcome.kind}`);
  }
  fakeBin = join(root, 'bin');
  mkdirSync(fakeBin);
  for (const n of ['docker', 'kubectl', 'sh', 'sudo']) fake(n);
}, 60_000);

const recorded = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []);
const COMPOSE = 'compose -f deploy/compose/compose.yaml --env-file deploy/compose/.env';
const VM = process.getuid?.() === 0 ? 'sh deploy/vm/install.sh' : 'sudo sh deploy/vm/install.sh';

describe('deploy --dry-run', () => {
  it('prints each target\'s commands and runs nothing', async () => {
    const record = join(root, 'dry.log');
    const env = { PATH: fakeBin, RECORD: record };
    const compose = await runCli(['deploy', 'pangandaran', '--target', 'compose', '--dry-run'], { cwd: root, env });
    expect(compose.code, compose.stderr).toBe(0);
    expect(compose.stdout).toBe([
      '# dijalankan di pangandaran/keluaran (tidak ada yang dijalankan sekarang)',
      'cd pangandaran/keluaran',
      `docker ${COMPOSE} config --quiet    # periksa manifest dan .env`,
      `docker ${COMPOSE} up -d --build    # bangun image dan jalankan layanan`,
      '',
    ].join('\n'));
    const k8s = await runCli(['deploy', 'sumedang/keluaran', '--target', 'kubernetes', '--env', 'staging', '--dry-run', '--json', '--lang', 'en'], { cwd: root, env });
    expect(k8s.code, k8s.stderr).toBe(0);
    expect((JSON.parse(k8s.stdout) as { commands: { argv: string[] }[] }).commands.map((c) => c.argv.join(' '))).toEqual([
      'kubectl config current-context',
      'kubectl apply -f deploy/kubernetes/cluster-issuer.yaml',
      'kubectl apply -k deploy/kubernetes/overlays/staging',
    ]);
    const vm = await runCli(['deploy', 'pangandaran', '--target', 'vm', '--dry-run'], { cwd: root, env });
    expect(vm.stdout).toContain(`\n${VM}    # pasang di mesin ini`);
    expect(recorded(record)).toEqual([]);
  });

  it('a folder that is not a generated tree, or a target the tree lacks: exit 2 with the way out', async () => {
    const env = { PATH: fakeBin };
    const none = await runCli(['deploy', '.', '--target', 'compose', '--lang', 'en'], { cwd: tempDir(), env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('eoffice: . is not a tree made by eoffice generate (no eoffice.lock.json)');
    const lacking = await runCli(['deploy', 'pangandaran', '--target', 'kubernetes', '--lang', 'en'], { cwd: root, env });
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toContain('this tree has no deploy/kubernetes/overlays/production/kustomization.yaml\nhint: add kubernetes to deployment.targets in regency.yaml');
    const noTarget = await runCli(['deploy', 'pangandaran'], { cwd: root, env });
    expect(noTarget.code).toBe(2);
  });
});

describe('deploy with fake tools on PATH', () => {
  it('compose: each command shown, then run in the tree with its output streamed', async () => {
    const record = join(root, 'compose.log');
    const r = await runCli(['deploy', 'pangandaran', '--target', 'compose', '--lang', 'en'], { cwd: root, env: { PATH: fakeBin, RECORD: record } });
    expect(r.code, r.stderr).toBe(0);
    expect(recorded(record)).toEqual([`${tree('pangandaran')}|docker ${COMPOSE} config --quiet`, `${tree('pangandaran')}|docker ${COMPOSE} up -d --build`]);
    expect(r.stdout).toBe([
      `$ docker ${COMPOSE} config --quiet    # check the manifest and .env`,
      '  docker working on compose',
      '  docker done',
      '✓ check the manifest and .env',
      `$ docker ${COMPOSE} up -d --build    # build the images and start the services`,
      '  docker working on compose',
      '  docker done',
      '✓ build the images and start the services',
      'done: compose deployed from pangandaran/keluaran',
      '',
    ].join('\n'));
  });

  it('kubernetes and vm run their commands in order', async () => {
    const record = join(root, 'k8s.log');
    const k = await runCli(['deploy', 'sumedang', '--target', 'kubernetes'], { cwd: root, env: { PATH: fakeBin, RECORD: record } });
    expect(k.code, k.stderr).toBe(0);
    expect(recorded(record).map((l) => l.split('|')[1])).toEqual(['kubectl config current-context', 'kubectl apply -f deploy/kubernetes/cluster-issuer.yaml', 'kubectl apply -k deploy/kubernetes/overlays/production']);
    const vmRecord = join(root, 'vm.log');
    const v = await runCli(['deploy', 'pangandaran/keluaran', '--target', 'vm'], { cwd: root, env: { PATH: fakeBin, RECORD: vmRecord } });
    expect(v.code, v.stderr).toBe(0);
    expect(recorded(vmRecord)).toEqual([`${tree('pangandaran')}|${VM}`]);
  });

  it('stops at the first failure with the tool\'s own message: exit 1, nothing after it runs', async () => {
    const record = join(root, 'fail.log');
    const r = await runCli(['deploy', 'sumedang', '--target', 'kubernetes', '--lang', 'en'], { cwd: root, env: { PATH: fakeBin, RECORD: record, FAIL_ON: '-f deploy/kubernetes/cluster-issuer.yaml' } });
    expect(r.code).toBe(1);
    expect(recorded(record).map((l) => l.split('|')[1])).toEqual(['kubectl config current-context', 'kubectl apply -f deploy/kubernetes/cluster-issuer.yaml']);
    expect(r.stdout).toContain('  kubectl: refused by the test (-f deploy/kubernetes/cluster-issuer.yaml)\n');
    expect(r.stderr).toBe('eoffice: `kubectl apply -f deploy/kubernetes/cluster-issuer.yaml` failed (exit 3):\nkubectl: refused by the test (-f deploy/kubernetes/cluster-issuer.yaml)\n');
    expect(r.stdout).not.toContain('overlays/production');
  });

  it('a tool that is not installed: exit 2, pointing to doctor', async () => {
    const r = await runCli(['deploy', 'pangandaran', '--target', 'compose', '--lang', 'en'], { cwd: root, env: { PATH: tempDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('eoffice: docker is not on PATH; `docker compose -f deploy/compose/compose.yaml');
    expect(r.stderr).toContain('hint: `eoffice doctor --target …` says how to install it');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('on a terminal the commands run under listr2 tasks', async () => {
    const record = join(root, 'tty.log');
    const r = await runInPty(['deploy', 'pangandaran', '--target', 'compose', '--lang', 'en'], { cwd: root, steps: [], env: { PATH: fakeBin, RECORD: record } });
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain(`✔ check the manifest and .env: $ docker ${COMPOSE} config --quiet`);
    expect(r.screen).toContain('✔ build the images and start the services');
    expect(recorded(record)).toHaveLength(2);
  });
});

/** This machine's kubectl, or undefined (a failure under CI, a loud warning elsewhere). */
function realKubectl(): string | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
    return 'kubectl';
  } catch {
    if (process.env.CI === 'true') throw new Error('kubectl is missing (not a Debian package; scripts/install-validators.sh says so): install it from the Kubernetes release');
    console.warn('\n*** kubectl is not installed: the real deploy runs were NOT checked ***\n');
    return undefined;
  }
}

describe('deploy with the real kubectl', () => {
  it('no cluster configured: kubectl\'s own message, exit 1, nothing applied', async () => {
    if (!realKubectl()) return;
    const kubeconfig = join(tempDir(), 'config');
    writeFileSync(kubeconfig, '');
    const r = await runCli(['deploy', 'sumedang', '--target', 'kubernetes', '--lang', 'en'], { cwd: root, env: { PATH: process.env.PATH, KUBECONFIG: kubeconfig } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('eoffice: `kubectl config current-context` failed (exit 1):\nerror: current-context is not set\n');
  });

  it('a cluster that does not answer: the apply fails with kubectl\'s message', async () => {
    if (!realKubectl()) return;
    const kubeconfig = join(tempDir(), 'config');
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: closed',
      'clusters: [{name: closed, cluster: {server: "https://127.0.0.1:9"}}]',
      'users: [{name: nobody, user: {token: none}}]',
      'contexts: [{name: closed, context: {cluster: closed, user: nobody}}]', '',
    ].join('\n'));
    const r = await runCli(['deploy', 'sumedang', '--target', 'kubernetes', '--lang', 'en'], { cwd: root, env: { PATH: process.env.PATH, KUBECONFIG: kubeconfig, HOME: tempDir() } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('$ kubectl config current-context    # the target cluster\n  closed\n✓ the target cluster\n');
    expect(r.stderr).toMatch(/^eoffice: `kubectl apply -f deploy\/kubernetes\/cluster-issuer\.yaml` failed \(exit 1\):\n.*127\.0\.0\.1:9/s);
    expect(r.stdout).not.toContain('overlays/production');
  });
});
