/**
 * What each deployment target needs on this machine, as a list of checks. A check runs tools
 * through the `Probe` it is given (execa in the command, fakes in tests) and says ok, missing
 * (required and absent: doctor exits 1), warn (recommended, or present but doubtful) or offline,
 * with the command that fixes it.
 */
import type { Bilingual } from '../i18n/lang.js';

export type Target = 'compose' | 'kubernetes' | 'vm';
export type Status = 'ok' | 'missing' | 'warn' | 'offline';

export interface ProbeResult {
  /** The tool ran and exited 0. */
  ok: boolean;
  /** The tool is not on PATH. */
  notFound: boolean;
  output: string;
}

export interface Probe {
  run(file: string, args: readonly string[]): Promise<ProbeResult>;
  /** Free bytes on the file system holding `path`. */
  freeBytes(path: string): Promise<number>;
  /** Addresses of `host`, or why there are none. */
  resolve(host: string): Promise<{ addresses: string[] } | { error: 'not-found' | 'offline' }>;
}

export interface CheckResult {
  id: string;
  name: string;
  status: Status;
  /** Whether a missing result fails doctor. */
  required: boolean;
  detail: Bilingual;
  fix?: Bilingual;
}

const t = (id: string, en: string): Bilingual => ({ id, en });
const same = (s: string): Bilingual => ({ id: s, en: s });

/** The first `major.minor[.patch]` in a tool's version output. */
export function versionIn(output: string): [number, number, number] | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

const firstLine = (s: string) => s.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
const atLeast = (v: readonly number[], min: readonly number[]) => v[0]! > min[0]! || (v[0] === min[0] && v[1]! >= min[1]!);

const FIX = {
  node: t(
    'pasang Node.js 22 atau lebih baru, mis. dari NodeSource: curl -fsSL https://deb.nodesource.com/setup_22.x | sudo bash - && sudo apt-get install -y nodejs',
    'install Node.js 22 or newer, e.g. from NodeSource: curl -fsSL https://deb.nodesource.com/setup_22.x | sudo bash - && sudo apt-get install -y nodejs',
  ),
  git: same('sudo apt-get install -y git'),
  docker: t(
    'pasang Docker Engine dari repositori Docker: https://docs.docker.com/engine/install/debian/ (sudo apt-get install -y docker-ce docker-ce-cli containerd.io docker-compose-plugin)',
    'install Docker Engine from the Docker repository: https://docs.docker.com/engine/install/debian/ (sudo apt-get install -y docker-ce docker-ce-cli containerd.io docker-compose-plugin)',
  ),
  compose: same('sudo apt-get install -y docker-compose-plugin'),
  daemon: t('sudo systemctl enable --now docker  (dan tambahkan pengguna ke grup docker: sudo usermod -aG docker $USER)', 'sudo systemctl enable --now docker  (and add the user to the docker group: sudo usermod -aG docker $USER)'),
  kubectl: t(
    'pasang kubectl: https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/ (sudo apt-get install -y kubectl dari pkgs.k8s.io)',
    'install kubectl: https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/ (sudo apt-get install -y kubectl from pkgs.k8s.io)',
  ),
  context: t('kubectl config use-context NAMA  (atau salin kubeconfig klaster ke ~/.kube/config)', "kubectl config use-context NAME  (or copy the cluster's kubeconfig to ~/.kube/config)"),
  psql: same('sudo apt-get install -y postgresql-client'),
  mysql: same('sudo apt-get install -y default-mysql-client'),
  systemd: t('pakai Debian 12 atau Ubuntu 22.04 ke atas dengan systemd', 'use Debian 12 or Ubuntu 22.04 or newer, with systemd'),
  apt: t('install.sh memakai apt-get: pakai Debian atau Ubuntu', 'install.sh uses apt-get: use Debian or Ubuntu'),
  disk: t('kosongkan ruang disk (mis. sudo apt-get clean; docker system prune) atau perbesar disk', 'free disk space (e.g. sudo apt-get clean; docker system prune) or grow the disk'),
  dns: t('buat data DNS A/AAAA untuk nama host ini yang menunjuk ke server', 'create a DNS A/AAAA record for this host name pointing to the server'),
};

async function tool(probe: Probe, spec: { id: string; name: string; file: string; args: string[]; required: boolean; fix: Bilingual; min?: [number, number] }): Promise<CheckResult> {
  const r = await probe.run(spec.file, spec.args);
  const base = { id: spec.id, name: spec.name, required: spec.required };
  if (r.notFound) return { ...base, status: spec.required ? 'missing' : 'warn', detail: t(`${spec.file} tidak ditemukan`, `${spec.file} not found`), fix: spec.fix };
  if (!r.ok) return { ...base, status: spec.required ? 'missing' : 'warn', detail: t(`gagal: ${firstLine(r.output)}`, `failed: ${firstLine(r.output)}`), fix: spec.fix };
  const version = versionIn(r.output);
  if (spec.min && (!version || !atLeast(version, spec.min))) {
    return { ...base, status: spec.required ? 'missing' : 'warn', detail: t(`${firstLine(r.output)}: perlu ≥ ${spec.min.join('.')}`, `${firstLine(r.output)}: needs ≥ ${spec.min.join('.')}`), fix: spec.fix };
  }
  return { ...base, status: 'ok', detail: same(/\d+\.\d+(?:\.\d+)?/.exec(r.output)?.[0] ?? firstLine(r.output)) };
}

const GiB = 1024 ** 3;

export interface DoctorInput {
  targets: readonly Target[];
  database?: 'postgresql' | 'mysql' | 'mariadb';
  domain?: string;
  /** Where the tree will live; its file system's free space is checked. */
  dir: string;
  offline?: boolean;
}

export async function runChecks(probe: Probe, input: DoctorInput): Promise<CheckResult[]> {
  const { targets } = input;
  const has = (x: Target) => targets.includes(x);
  const out: CheckResult[] = [];
  // Node runs eoffice itself; on a VM it also builds and runs the apps, so there it is required.
  out.push(await tool(probe, { id: 'node', name: 'Node.js', file: 'node', args: ['--version'], required: has('vm'), fix: FIX.node, min: [22, 12] }));
  if (has('vm')) out.push(await tool(probe, { id: 'npm', name: 'npm', file: 'npm', args: ['--version'], required: true, fix: FIX.node }));
  out.push(await tool(probe, { id: 'git', name: 'git', file: 'git', args: ['--version'], required: false, fix: FIX.git }));
  if (has('compose') || has('kubernetes')) {
    // Kubernetes needs docker only to build the app images, possibly on another machine.
    const required = has('compose');
    const docker = await tool(probe, { id: 'docker', name: 'docker', file: 'docker', args: ['--version'], required, fix: FIX.docker });
    out.push(docker);
    if (has('compose')) {
      out.push(await tool(probe, { id: 'docker-compose', name: 'docker compose', file: 'docker', args: ['compose', 'version'], required: true, fix: docker.status === 'ok' ? FIX.compose : FIX.docker, min: [2, 0] }));
      if (docker.status === 'ok') out.push(await tool(probe, { id: 'docker-engine', name: 'docker engine', file: 'docker', args: ['info', '--format', '{{.ServerVersion}}'], required: true, fix: FIX.daemon }));
    }
  }
  if (has('kubernetes')) {
    const kubectl = await tool(probe, { id: 'kubectl', name: 'kubectl', file: 'kubectl', args: ['version', '--client'], required: true, fix: FIX.kubectl });
    out.push(kubectl);
    if (kubectl.status === 'ok') {
      const ctx = await probe.run('kubectl', ['config', 'current-context']);
      out.push(ctx.ok
        ? { id: 'kubectl-context', name: 'kubectl context', required: false, status: 'ok', detail: same(firstLine(ctx.output)) }
        : { id: 'kubectl-context', name: 'kubectl context', required: false, status: 'warn', detail: t(`belum ada klaster: ${firstLine(ctx.output)}`, `no cluster yet: ${firstLine(ctx.output)}`), fix: FIX.context });
    }
  }
  if (has('vm')) {
    out.push(await tool(probe, { id: 'systemd', name: 'systemd', file: 'systemctl', args: ['--version'], required: false, fix: FIX.systemd }));
    out.push(await tool(probe, { id: 'apt-get', name: 'apt-get', file: 'apt-get', args: ['--version'], required: false, fix: FIX.apt }));
  }
  // A database client is for backups, restores and looking inside; install.sh brings one on a VM.
  const engine = input.database ?? 'postgresql';
  out.push(engine === 'postgresql'
    ? await tool(probe, { id: 'db-client', name: 'psql', file: 'psql', args: ['--version'], required: false, fix: FIX.psql })
    : await tool(probe, { id: 'db-client', name: 'mysql', file: 'mysql', args: ['--version'], required: false, fix: FIX.mysql }));

  const free = await probe.freeBytes(input.dir);
  const gib = (free / GiB).toFixed(1);
  out.push({
    id: 'disk',
    name: 'disk',
    required: true,
    status: free < 2 * GiB ? 'missing' : free < 10 * GiB ? 'warn' : 'ok',
    detail: t(`${gib} GiB bebas${free < 10 * GiB ? ' (disarankan ≥ 10 GiB)' : ''}`, `${gib} GiB free${free < 10 * GiB ? ' (10 GiB or more advised)' : ''}`),
    ...(free < 10 * GiB ? { fix: FIX.disk } : {}),
  });

  if (input.domain) {
    if (input.offline) {
      out.push({ id: 'dns', name: `DNS ${input.domain}`, required: false, status: 'offline', detail: t('dilewati (--offline)', 'skipped (--offline)') });
    } else {
      const r = await probe.resolve(input.domain);
      out.push('addresses' in r
        ? { id: 'dns', name: `DNS ${input.domain}`, required: false, status: 'ok', detail: same(r.addresses.join(', ')) }
        : r.error === 'offline'
          ? { id: 'dns', name: `DNS ${input.domain}`, required: false, status: 'offline', detail: t('tidak dapat menghubungi DNS (luring?); tidak dianggap gagal', 'cannot reach DNS (offline?); not a failure') }
          : { id: 'dns', name: `DNS ${input.domain}`, required: false, status: 'warn', detail: t('nama host belum terdaftar di DNS', 'the host name does not resolve yet'), fix: FIX.dns });
    }
  }
  return out;
}
