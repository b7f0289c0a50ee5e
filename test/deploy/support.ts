/**
 * Shared pieces of the deployment-manifest tests: every example of examples/ (plus variants that
 * reach the branches the examples do not: mysql, provided TLS, no TLS, an external database, s3,
 * a subset of the apps, every target at once) generated once with the real templates/, and the real
 * validators found on this machine.
 *
 * A validator that is missing fails the test under CI=true (scripts/install-validators.sh installs
 * them); elsewhere the test warns loudly that it did not check anything and returns.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { generate } from '../../src/generate/generate.js';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { VERSION } from '../../src/main.js';
import { parseSecrets, SECRETS_FILE } from '../../src/generate/secrets.js';
import { tempDir } from '../helpers/tree.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEMPLATES = join(ROOT, 'templates');
export const EXAMPLES = join(ROOT, 'examples');

export type Deployment = NonNullable<RegencyProfile['deployment']>;

export interface Generated {
  /** The example's folder name, or `variant:…`. */
  name: string;
  profilePath: string;
  profile: RegencyProfile;
  deployment: Deployment;
  /** The output folder. */
  out: string;
  /** The generated secrets (`.eoffice/secrets.env`). */
  secrets: Map<string, string>;
  /** Enabled app blueprints as their output names (`eoffice`, `eoffice-desa`, `esakip`). */
  apps: string[];
}

/** Every example folder holding a regency.yaml (examples/ci holds CI templates). */
export const exampleNames = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(EXAMPLES, e.name, 'regency.yaml')))
  .map((e) => e.name)
  .sort();

/**
 * Variants of an example for the branches the examples do not reach. Each edits the deployment
 * (and apps) section of a real example, so the profile stays valid.
 */
export const variants: Array<{ name: string; from: string; edit: (doc: ReturnType<typeof parseDocument>) => void }> = [
  {
    // Every target, MySQL with a generated password, certificates provided, S3 storage, two apps,
    // a weekday schedule, small resources, three replicas.
    name: 'variant:all-targets-mysql',
    from: 'sumedang',
    edit(doc) {
      doc.setIn(['apps', 'eofficeDesa', 'enabled'], false);
      doc.setIn(['deployment'], {
        targets: ['compose', 'kubernetes', 'vm'],
        domain: 'layanan.sumedangkab.go.id',
        tls: { mode: 'provided', certificate: 'file:/etc/ssl/eoffice/fullchain.pem', privateKey: 'file:/etc/ssl/eoffice/privkey.pem' },
        database: { engine: 'mysql', name: 'eoffice_db', user: 'eoffice_app' },
        storage: { kind: 's3', bucket: 'arsip-eoffice', endpoint: 'https://s3.sumedangkab.go.id', accessKey: 'env:S3_ACCESS_KEY', secretKey: 'env:S3_SECRET_KEY' },
        backups: { schedule: '30 1 * * 1-5', retentionDays: 7 },
        resources: { cpu: '500m', memory: '512Mi', replicas: 3 },
      });
    },
  },
  {
    // No domain and no TLS, an external PostgreSQL on its own port, one app (not eoffice), no mail,
    // backups and resources left to the defaults.
    name: 'variant:external-db-no-tls',
    from: 'lebak',
    edit(doc) {
      doc.setIn(['apps', 'eoffice', 'enabled'], false);
      doc.setIn(['apps', 'esakip', 'enabled'], false);
      doc.setIn(['deployment'], {
        targets: ['kubernetes', 'compose', 'vm'],
        tls: { mode: 'none' },
        database: { engine: 'postgresql', host: 'pg.lebakkab.go.id', port: 6432, password: 'file:/run/secrets/eoffice-db' },
      });
    },
  },
];

/** The output folder names of the enabled apps, as the app blueprints render them (`apps/<name>/`). */
export function enabledApps(profile: RegencyProfile): string[] {
  const on = (app: { enabled?: boolean } | undefined) => app !== undefined && app.enabled !== false;
  return [on(profile.apps.eoffice) && 'eoffice', on(profile.apps.eofficeDesa) && 'eoffice-desa', on(profile.apps.esakip) && 'esakip'].filter((a): a is string => a !== false);
}

async function generateOne(name: string, profilePath: string): Promise<Generated> {
  const out = join(tempDir('eoffice-deploy-'), 'out');
  const outcome = await generate({
    profile: profilePath,
    out,
    mode: 'write',
    lang: 'en',
    templatesDir: TEMPLATES,
    toolkitVersion: VERSION,
    env: { EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'cache') },
  });
  if (outcome.kind !== 'done') throw new Error(`${name}: generation refused: ${JSON.stringify(outcome, null, 2).slice(0, 4000)}`);
  if (outcome.conflicts.length > 0) throw new Error(`${name}: conflicts ${outcome.conflicts.map((c) => c.path).join(', ')}`);
  const profile = parseDocument(readFileSync(profilePath, 'utf8')).toJS() as RegencyProfile;
  return {
    name,
    profilePath,
    profile,
    deployment: profile.deployment!,
    out,
    secrets: parseSecrets(readFileSync(join(out, SECRETS_FILE), 'utf8')),
    apps: enabledApps(profile),
  };
}

/** Generates every example and every variant, one after the other (generation is CPU-bound). */
export async function generateAll(): Promise<Generated[]> {
  const all: Generated[] = [];
  for (const name of exampleNames) all.push(await generateOne(name, join(EXAMPLES, name, 'regency.yaml')));
  for (const v of variants) {
    const doc = parseDocument(readFileSync(join(EXAMPLES, v.from, 'regency.yaml'), 'utf8'));
    v.edit(doc);
    const path = join(tempDir('eoffice-variant-'), 'regency.yaml');
    writeFileSync(path, doc.toString());
    all.push(await generateOne(v.name, path));
  }
  return all;
}

const warned = new Set<string>();

/**
 * The path of a validator, or undefined after a loud warning (under CI=true: an error naming the
 * script that installs it).
 */
export function tool(name: string, purpose: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin']) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const why = `${name} is not installed, so ${purpose} was not checked`;
  if (process.env.CI === 'true') throw new Error(`${why}. CI=true: the real validators must run; scripts/install-validators.sh installs them.`);
  if (!warned.has(name)) {
    warned.add(name);
    console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: ${why}.\n!!! Run scripts/install-validators.sh; under CI=true this fails the suite.\n${'!'.repeat(78)}\n`);
  }
  return undefined;
}

/** Runs a validator; on failure, an error with its output (the test shows it). */
export function check(file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed (exit ${e.status ?? '?'}):\n${e.stdout ?? ''}${e.stderr ?? e.message}`, { cause: err });
  }
}

export const read = (g: Generated, path: string): string => readFileSync(join(g.out, path), 'utf8');
export const exists = (g: Generated, path: string): boolean => existsSync(join(g.out, path));

/** Which TLS the profile asks for, as the templates decide it. */
export function tlsMode(d: Deployment): 'acme' | 'provided' | 'none' {
  if (!d.domain || d.tls?.mode === 'none') return 'none';
  return d.tls?.mode === 'provided' ? 'provided' : 'acme';
}

export const engineOf = (d: Deployment): 'postgresql' | 'mysql' | 'mariadb' => d.database?.engine ?? 'postgresql';
