import { UsageError } from '../../../errors.js';
import { pick } from '../../../i18n/lang.js';
import type { DatabaseEngine, DeploymentTarget } from '../../../profile/scaffold.js';
import { isDomainName } from '../../../rules/contact-syntax.js';
import { ENGINES, TARGETS, type StepContext } from '../answers.js';

const TARGET_LABELS: Record<DeploymentTarget, { id: string; en: string }> = {
  compose: { id: 'Docker Compose di satu server', en: 'Docker Compose on one server' },
  kubernetes: { id: 'Kubernetes (kustomize)', en: 'Kubernetes (kustomize)' },
  vm: { id: 'Mesin virtual Debian/Ubuntu (systemd + nginx, tanpa kontainer)', en: 'A Debian/Ubuntu virtual machine (systemd + nginx, no containers)' },
};

const ENGINE_LABELS: Record<DatabaseEngine, string> = { postgresql: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };

export interface DeploymentAnswers {
  target: DeploymentTarget;
  domain: string;
  database: DatabaseEngine;
}

export async function chooseDeployment(ctx: Pick<StepContext, 'lang' | 'prompter' | 'flags' | 'yes'>, defaultDomain: string): Promise<DeploymentAnswers> {
  const { lang, prompter, flags } = ctx;
  if (flags.domain !== undefined && !isDomainName(flags.domain)) {
    throw new UsageError(pick(lang, `--domain "${flags.domain}" bukan nama domain yang sah`, `--domain "${flags.domain}" is not a valid domain name`));
  }
  const target = (flags.target as DeploymentTarget | undefined) ?? (ctx.yes ? 'compose' : await prompter.select({
    id: 'target',
    message: pick(lang, 'Tempat aplikasi dijalankan', 'Where the applications run'),
    choices: TARGETS.map((t) => ({ value: t, name: `${t}: ${TARGET_LABELS[t][lang]}` })),
    default: 'compose',
  }));
  const domain = flags.domain ?? (ctx.yes ? defaultDomain : (await prompter.input({
    id: 'domain',
    message: pick(lang, 'Nama host aplikasi', 'Host name of the applications'),
    default: defaultDomain,
    validate: (v) => (isDomainName(v.trim()) ? true : pick(lang, 'bukan nama domain yang sah (mis. eoffice.sumedangkab.go.id)', 'not a valid domain name (e.g. eoffice.sumedangkab.go.id)')),
  })).trim());
  const database = (flags.db as DatabaseEngine | undefined) ?? (ctx.yes ? 'postgresql' : await prompter.select({
    id: 'db',
    message: pick(lang, 'Basis data', 'Database'),
    choices: ENGINES.map((e) => ({ value: e, name: ENGINE_LABELS[e] })),
    default: 'postgresql',
  }));
  return { target, domain, database };
}
