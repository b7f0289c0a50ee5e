/**
 * What `eoffice deploy` runs for each target, read from the generated tree: the commands the
 * installation guide (docs/panduan-instalasi.md) gives, in its order, with the tree's real paths.
 * Pure apart from looking at which files the tree has.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bilingual } from '../i18n/lang.js';

export type DeployTarget = 'compose' | 'kubernetes' | 'vm';
export type KubernetesEnv = 'production' | 'staging';

export interface DeployCommand {
  /** What the step does, for the progress line. */
  title: Bilingual;
  file: string;
  args: string[];
}

export class TreeProblem extends Error {
  override readonly name = 'TreeProblem';
  constructor(readonly reason: Bilingual, readonly hint: Bilingual) {
    super(reason.en);
  }
}

const isFile = async (p: string) => (await stat(p).catch(() => undefined))?.isFile() === true;

/** `docker`, `compose`, `-f`, ... as a person would type it (single quotes only where needed). */
export function shellLine(file: string, args: readonly string[]): string {
  return [file, ...args].map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export async function deployCommands(tree: string, target: DeployTarget, options: { env?: KubernetesEnv; root?: boolean } = {}): Promise<DeployCommand[]> {
  const t = (id: string, en: string): Bilingual => ({ id, en });
  const regenerate = t(
    `tambahkan ${target} ke deployment.targets di regency.yaml, lalu jalankan eoffice generate lagi`,
    `add ${target} to deployment.targets in regency.yaml, then run eoffice generate again`,
  );
  switch (target) {
    case 'compose': {
      const compose = 'deploy/compose/compose.yaml';
      if (!(await isFile(join(tree, compose)))) throw new TreeProblem(t(`pohon ini tidak memuat ${compose}`, `this tree has no ${compose}`), regenerate);
      const envFile = 'deploy/compose/.env';
      const base = ['compose', '-f', compose, ...((await isFile(join(tree, envFile))) ? ['--env-file', envFile] : [])];
      return [
        { title: t('periksa manifest dan .env', 'check the manifest and .env'), file: 'docker', args: [...base, 'config', '--quiet'] },
        { title: t('bangun image dan jalankan layanan', 'build the images and start the services'), file: 'docker', args: [...base, 'up', '-d', '--build'] },
      ];
    }
    case 'kubernetes': {
      const env = options.env ?? 'production';
      const overlay = `deploy/kubernetes/overlays/${env}`;
      if (!(await isFile(join(tree, overlay, 'kustomization.yaml')))) throw new TreeProblem(t(`pohon ini tidak memuat ${overlay}/kustomization.yaml`, `this tree has no ${overlay}/kustomization.yaml`), regenerate);
      const issuer = 'deploy/kubernetes/cluster-issuer.yaml';
      return [
        { title: t('klaster tujuan', 'the target cluster'), file: 'kubectl', args: ['config', 'current-context'] },
        ...((await isFile(join(tree, issuer)))
          ? [{ title: t('penerbit sertifikat ACME (cert-manager)', 'ACME certificate issuer (cert-manager)'), file: 'kubectl', args: ['apply', '-f', issuer] }]
          : []),
        { title: t(`pasang overlay ${env}`, `apply the ${env} overlay`), file: 'kubectl', args: ['apply', '-k', overlay] },
      ];
    }
    case 'vm': {
      const script = 'deploy/vm/install.sh';
      if (!(await isFile(join(tree, script)))) throw new TreeProblem(t(`pohon ini tidak memuat ${script}`, `this tree has no ${script}`), regenerate);
      const title = t('pasang di mesin ini (paket, basis data, aplikasi, systemd, nginx)', 'install on this machine (packages, database, apps, systemd, nginx)');
      // The installer needs root; sudo asks for the password on the terminal itself.
      return [options.root === false ? { title, file: 'sudo', args: ['sh', script] } : { title, file: 'sh', args: [script] }];
    }
  }
}
