/**
 * The deployment manifests of templates/deploy, generated from every example (and from variants for
 * the branches the examples leave out), checked by the real tools: the Compose Specification schema,
 * `caddy`, `kubectl kustomize` and the Kubernetes object schemas (kubernetes-models), `nginx -t`,
 * `systemd-analyze` and ShellCheck. Each example is generated once and shared by its tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { Ajv } from 'ajv';
import * as k8s from 'kubernetes-models';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { generate } from '../../src/generate/generate.js';
import { VERSION } from '../../src/main.js';
import { tempDir } from '../helpers/tree.js';
import { check, engineOf, exampleNames, exists, generateAll, read, TEMPLATES, tlsMode, tool, variants, type Generated } from './support.js';

type Obj = Record<string, unknown>;
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Obj; data?: Obj };

let all: Generated[] = [];
const byName = (name: string) => all.find((g) => g.name === name)!;

beforeAll(async () => {
  all = await generateAll();
}, 120_000);

const names = [...exampleNames, ...variants.map((v) => v.name)];
const targetsOf = (g: Generated) => g.deployment.targets as string[];
const appsIn = (name: string, target: string) => {
  const g = byName(name);
  return targetsOf(g).includes(target);
};

/** Files under `dir` (relative to the output), recursively. */
function filesUnder(g: Generated, dir: string): string[] {
  const root = join(g.out, dir);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(g.out, join(d, e.name))]));
  return exists(g, dir) ? walk(root).sort() : [];
}

const modeOf = (g: Generated, path: string) => (statSync(join(g.out, path)).mode & 0o777).toString(8);
const gitignored = (g: Generated, path: string) => read(g, '.gitignore').split('\n').includes(`/${path}`);

// ------------------------------------------------------------------------------------------ compose

// The official Compose Specification schema (compose-spec/compose-spec, Apache-2.0), as dclint ships it.
const require = createRequire(import.meta.url);
const composeSchema = JSON.parse(readFileSync(join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json'), 'utf8')) as Obj;
const validateCompose = (() => {
  // It is draft-07, named by its https:// id, and uses keywords ajv's strict mode rejects (`deprecated`).
  const ajv = new Ajv({ strict: false, allErrors: true });
  const draft07 = JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-07.json'), 'utf8')) as Obj;
  ajv.addMetaSchema({ ...draft07, $id: String(composeSchema.$schema) });
  return ajv.compile(composeSchema);
})();

/** `.env` as docker compose reads it (the generated file only has bare values and comments). */
function dotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Compose interpolation (`$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`). */
function interpolate(node: unknown, env: Record<string, string>, errors: string[]): unknown {
  if (typeof node === 'string') {
    return node.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = env[name];
      if (!op) return value ?? '';
      const missing = op.startsWith(':') ? !value : value === undefined;
      if (op.endsWith('-')) return missing ? arg! : value!;
      if (missing) errors.push(`${name}: ${arg}`);
      return value ?? '';
    });
  }
  if (Array.isArray(node)) return node.map((n) => interpolate(n, env, errors));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolate(v, env, errors)]));
  return node;
}

const composeOf = (g: Generated) => parse(read(g, 'deploy/compose/compose.yaml'), { merge: true }) as { name: string; services: Record<string, Obj>; volumes: Record<string, unknown>; networks: Record<string, unknown> };

describe('docker compose (deploy/compose)', () => {
  for (const name of names) {
    describe(name, () => {
      it('exists exactly when compose is a target', () => {
        const g = byName(name);
        expect(exists(g, 'deploy/compose/compose.yaml')).toBe(targetsOf(g).includes('compose'));
        expect(exists(g, 'deploy/compose/.env')).toBe(targetsOf(g).includes('compose'));
      });

      it('validates against the Compose Specification schema, before and after interpolation', () => {
        const g = byName(name);
        if (!appsIn(name, 'compose')) return;
        const raw = composeOf(g);
        expect(validateCompose(raw), JSON.stringify(validateCompose.errors, null, 2)).toBe(true);
        const env = { ...dotenv(read(g, 'deploy/compose/.env')), DB_PASSWORD: 'a-password_1', MAIL_PASSWORD: 'x' };
        const errors: string[] = [];
        const resolved = interpolate(raw, env, errors);
        expect(errors).toEqual([]);
        expect(validateCompose(resolved), JSON.stringify(validateCompose.errors, null, 2)).toBe(true);
      });

      it('runs every enabled app from its Dockerfile, with healthcheck, restart policy and a locked-down container', () => {
        const g = byName(name);
        if (!appsIn(name, 'compose')) return;
        const { services } = composeOf(g);
        const apps = Object.keys(services).filter((s) => (services[s]!.build as Obj | undefined)?.context);
        expect(apps.sort()).toEqual([...g.apps].sort());
        for (const app of g.apps) {
          const s = services[app]!;
          // The apps are one npm workspace: each image builds from apps/ with its own Dockerfile.
          expect(s.build).toEqual({ context: '../../apps', dockerfile: `${app}/Dockerfile` });
          expect(exists(g, join('deploy/compose', '../../apps', `${app}/Dockerfile`)), `apps/${app}/Dockerfile`).toBe(true);
          expect(s.restart).toBe('unless-stopped');
          expect(s.read_only).toBe(true);
          expect(s.cap_drop).toEqual(['ALL']);
          expect(s.security_opt).toContain('no-new-privileges:true');
          expect(JSON.stringify((s.healthcheck as Obj).test)).toContain('/healthz');
          const env = s.environment as Record<string, string>;
          expect(env.PORT).toBe('8080');
          expect(env.BASE_PATH).toBe(`/${app}`);
        }
        for (const [sname, s] of Object.entries(services)) {
          expect(s.restart, sname).toBe('unless-stopped');
          if (sname !== 'backup') expect(s.healthcheck, `${sname} has a healthcheck`).toBeDefined();
        }
      });

      it('has the database by engine, the backup job on the profile schedule and the TLS proxy', () => {
        const g = byName(name);
        if (!appsIn(name, 'compose')) return;
        const d = g.deployment;
        const engine = engineOf(d);
        const { services, volumes } = composeOf(g);
        const image = { postgresql: 'postgres:${DB_VERSION:-15}', mariadb: 'mariadb:${DB_VERSION:-10.11}', mysql: 'mysql:${DB_VERSION:-8.4}' }[engine];
        if (d.database?.host) {
          expect(services.db).toBeUndefined();
        } else {
          expect(services.db!.image).toBe(image);
          expect(JSON.stringify(services.db!.volumes)).toContain(engine === 'postgresql' ? '../../seed/postgresql:/docker-entrypoint-initdb.d:ro' : '../../seed/mysql:/docker-entrypoint-initdb.d:ro');
        }
        const env = dotenv(read(g, 'deploy/compose/.env'));
        expect(env.DB_VERSION).toBe(d.database?.version ?? { postgresql: '15', mariadb: '10.11', mysql: '8.4' }[engine]);
        const backup = services.backup!;
        expect(backup.image).toBe(image);
        expect(backup.entrypoint).toEqual(['sh', '/usr/local/bin/eoffice-backup']);
        expect(backup.volumes).toContain('../scripts/backup.sh:/usr/local/bin/eoffice-backup:ro');
        const benv = backup.environment as Obj;
        expect(benv.BACKUP_SCHEDULE).toBe(d.backups?.schedule ?? '0 2 * * *');
        expect(benv.BACKUP_RETENTION_DAYS).toBe(d.backups?.retentionDays ?? 14);
        expect(benv.DB_ENGINE).toBe(engine);
        const proxy = services.proxy!;
        expect(proxy.ports).toContain('80:80');
        expect((proxy.ports as string[]).includes('443:443')).toBe(tlsMode(d) !== 'none');
        expect((proxy.volumes as string[]).some((v) => v.startsWith('./tls:'))).toBe(tlsMode(d) === 'provided');
        // Provided certificates go into deploy/compose/tls/, which keeps them out of git.
        expect(exists(g, 'deploy/compose/tls/.gitignore')).toBe(tlsMode(d) === 'provided');
        if (tlsMode(d) === 'provided') expect(read(g, 'deploy/compose/tls/.gitignore').split('\n')).toEqual(expect.arrayContaining(['*', '!.gitignore']));
        // Every named volume a service mounts is declared.
        for (const [sname, s] of Object.entries(services)) {
          for (const v of (s.volumes as string[] | undefined) ?? []) {
            const source = v.split(':')[0]!;
            if (!source.startsWith('.') && !source.startsWith('/')) expect(Object.keys(volumes), `${sname}: ${v}`).toContain(source);
          }
        }
      });

      it('keeps secrets in .env only: 0600, git-ignored, never inline', () => {
        const g = byName(name);
        if (!appsIn(name, 'compose')) return;
        expect(modeOf(g, 'deploy/compose/.env')).toBe('600');
        expect(gitignored(g, 'deploy/compose/.env')).toBe(true);
        const env = dotenv(read(g, 'deploy/compose/.env'));
        const generated = g.secrets.get('db_password')!;
        if (g.deployment.database?.password) {
          expect(env.DB_PASSWORD).toBe('');
          expect(read(g, 'deploy/compose/.env')).toContain(g.deployment.database.password);
          // Left empty, compose stops with the message instead of starting without a password.
          const errors: string[] = [];
          interpolate(composeOf(g), { ...env }, errors);
          expect(errors.some((e) => e.startsWith('DB_PASSWORD: isi DB_PASSWORD'))).toBe(true);
        } else {
          expect(env.DB_PASSWORD).toBe(generated);
        }
        for (const f of filesUnder(g, 'deploy').filter((p) => !p.endsWith('.env'))) expect(read(g, f), f).not.toContain(generated);
        const compose = read(g, 'deploy/compose/compose.yaml');
        expect(compose).toMatch(/\$\{DB_PASSWORD:\?/);
        expect(compose).not.toMatch(/^\s+(?!\w*RANDOM_ROOT)\w*PASSWORD: (?!"?\$\{)/m);
      });

      it('gives a Caddyfile that caddy accepts, proxying each app under its path', () => {
        const g = byName(name);
        if (!appsIn(name, 'compose')) return;
        const caddyfile = read(g, 'deploy/compose/Caddyfile');
        for (const app of g.apps) {
          expect(caddyfile).toContain(`handle_path /${app}/* {`);
          expect(caddyfile).toContain(`reverse_proxy ${app}:8080 {`);
        }
        const d = g.deployment;
        if (tlsMode(d) === 'none') expect(caddyfile).toContain(':80 {');
        else expect(caddyfile).toContain(`${JSON.stringify(d.domain)} {`);
        const caddy = tool('caddy', 'the compose Caddyfile');
        if (!caddy) return;
        const home = tempDir('eoffice-caddy-');
        const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') };
        const file = join(home, 'Caddyfile');
        // Provided certificates are mounted at /etc/caddy/tls in the container: point caddy at test ones.
        let text = caddyfile;
        if (tlsMode(d) === 'provided') {
          const tls = certificates();
          text = text.replace('/etc/caddy/tls/fullchain.pem', tls.cert).replace('/etc/caddy/tls/privkey.pem', tls.key);
        }
        writeFileSync(file, text);
        const adapted = JSON.parse(check(caddy, ['adapt', '--config', file, '--adapter', 'caddyfile'], { env })) as Obj;
        expect(JSON.stringify(adapted)).toContain('"handler":"reverse_proxy"');
        expect(check(caddy, ['validate', '--config', file, '--adapter', 'caddyfile'], { env })).toContain('Valid configuration');
      });
    });
  }
});

let certs: { cert: string; key: string } | undefined;
/** A throwaway self-signed certificate (openssl), made once. */
function certificates(): { cert: string; key: string } {
  if (certs) return certs;
  const openssl = tool('openssl', 'TLS in nginx -t and caddy')!;
  const dir = tempDir('eoffice-tls-');
  const cert = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  check(openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=eoffice.test', '-keyout', key, '-out', cert]);
  certs = { cert, key };
  return certs;
}

// ---------------------------------------------------------------------------------------- kubernetes

type ModelClass = new (data: unknown) => { validate(): void };
/** The kubernetes-models class of an apiVersion and kind (`networking.k8s.io/v1` → networkingK8sIo.v1). */
function modelOf(apiVersion: string, kind: string): ModelClass | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const key = group === '' ? undefined : group!.replace(/\.(\w)/g, (_m, c: string) => c.toUpperCase());
  const ns = (key === undefined ? (k8s as unknown as Record<string, unknown>)[version!] : ((k8s as unknown as Record<string, Record<string, unknown>>)[key] ?? {})[version!]) as Record<string, ModelClass> | undefined;
  return ns?.[kind];
}

const kustomized = new Map<string, K8sObject[]>();
function kustomize(g: Generated, overlay: string): K8sObject[] {
  const key = `${g.name}/${overlay}`;
  if (!kustomized.has(key)) {
    const kubectl = tool('kubectl', '`kubectl kustomize`');
    if (!kubectl) return [];
    const text = check(kubectl, ['kustomize', join(g.out, 'deploy/kubernetes/overlays', overlay)]);
    kustomized.set(key, parseAllDocuments(text).map((d) => d.toJS() as K8sObject).filter(Boolean));
  }
  return kustomized.get(key)!;
}

type PodSpec = { automountServiceAccountToken?: boolean; securityContext?: Obj; containers: Array<Obj & { name: string; securityContext?: Obj; resources?: { requests?: Obj; limits?: Obj } }>; volumes?: Obj[] };
function podSpecOf(o: K8sObject): PodSpec | undefined {
  if (o.kind === 'Deployment' || o.kind === 'StatefulSet') return ((o.spec!.template as Obj).spec as PodSpec);
  if (o.kind === 'CronJob') return ((((o.spec!.jobTemplate as Obj).spec as Obj).template as Obj).spec as PodSpec);
  return undefined;
}

describe('Kubernetes (deploy/kubernetes)', () => {
  for (const name of names) {
    describe(name, () => {
      it('exists exactly when kubernetes is a target', () => {
        const g = byName(name);
        const k = targetsOf(g).includes('kubernetes');
        expect(exists(g, 'deploy/kubernetes/base/kustomization.yaml')).toBe(k);
        expect(exists(g, 'deploy/kubernetes/overlays/production/kustomization.yaml')).toBe(k);
        expect(exists(g, 'deploy/kubernetes/overlays/staging/kustomization.yaml')).toBe(k);
      });

      for (const overlay of ['production', 'staging']) {
        it(`kubectl kustomize overlays/${overlay} succeeds and every object validates against the Kubernetes schemas`, () => {
          const g = byName(name);
          if (!appsIn(name, 'kubernetes')) return;
          const objects = kustomize(g, overlay);
          if (objects.length === 0) return;
          const namespace = overlay === 'production' ? 'eoffice' : 'eoffice-staging';
          for (const o of objects) {
            const Model = modelOf(o.apiVersion, o.kind);
            expect(Model, `a schema for ${o.apiVersion} ${o.kind}`).toBeDefined();
            expect(() => new Model!(o).validate(), `${o.kind}/${o.metadata.name}`).not.toThrow();
            if (o.kind === 'Namespace') continue;
            expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(namespace);
            expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe('eoffice');
          }
          const kinds = (kind: string) => objects.filter((o) => o.kind === kind);
          expect(kinds('Namespace').map((o) => o.metadata.name)).toEqual([namespace]);
          expect(kinds('Namespace')[0]!.metadata.labels!['pod-security.kubernetes.io/enforce']).toBe('restricted');
          if (overlay === 'staging') for (const d of kinds('Deployment')) expect(d.spec!.replicas).toBe(1);
          else for (const d of kinds('Deployment')) expect(d.spec!.replicas).toBe(g.deployment.resources?.replicas ?? 2);
          // Staging never claims the production host: two Ingresses with one host overwrite each other.
          const ingress = kinds('Ingress')[0];
          if (ingress && g.deployment.domain) {
            const host = overlay === 'staging' ? `staging.${g.deployment.domain}` : g.deployment.domain;
            const spec = ingress.spec as { rules: Array<{ host?: string }>; tls?: Array<{ hosts: string[] }> };
            expect(spec.rules[0]!.host).toBe(host);
            if (spec.tls) expect(spec.tls[0]!.hosts).toEqual([host]);
          }
        });
      }

      it('runs every enabled app as a hardened Deployment with probes, resources, a Service and a PodDisruptionBudget', () => {
        const g = byName(name);
        if (!appsIn(name, 'kubernetes')) return;
        const objects = kustomize(g, 'production');
        if (objects.length === 0) return;
        const of = (kind: string) => objects.filter((o) => o.kind === kind);
        expect(of('Deployment').map((o) => o.metadata.name).sort()).toEqual([...g.apps].sort());
        for (const app of g.apps) {
          const dep = of('Deployment').find((o) => o.metadata.name === app)!;
          const pod = podSpecOf(dep)!;
          const c = pod.containers[0]!;
          expect(c.image).toBe(`eoffice/${app}:${String(g.profile.apps[app === 'eoffice-desa' ? 'eofficeDesa' : (app as 'eoffice' | 'esakip')]!.version)}`);
          for (const probe of ['readinessProbe', 'livenessProbe']) expect((c[probe] as { httpGet: Obj }).httpGet, `${app} ${probe}`).toEqual({ path: '/healthz', port: 'http' });
          expect(c.resources!.requests).toEqual({ cpu: '100m', memory: '256Mi' });
          expect(c.resources!.limits).toEqual({ cpu: g.deployment.resources?.cpu ?? '1', memory: g.deployment.resources?.memory ?? '1Gi' });
          const env = c.env as Array<{ name: string; value?: string }>;
          const url = env.find((e) => e.name === 'DATABASE_URL')!.value!;
          expect(url).toBe(`${engineOf(g.deployment) === 'postgresql' ? 'postgres' : 'mysql'}://$(DB_USER):$(DB_PASSWORD)@$(DB_HOST):$(DB_PORT)/$(DB_NAME)`);
          // $(VAR) expands only variables defined before it.
          expect(env.findIndex((e) => e.name === 'DB_PASSWORD')).toBeLessThan(env.findIndex((e) => e.name === 'DATABASE_URL'));
          const svc = of('Service').find((o) => o.metadata.name === app)!;
          expect(svc.spec!.selector).toEqual({ 'app.kubernetes.io/name': app });
          const pdb = of('PodDisruptionBudget').find((o) => o.metadata.name === app)!;
          expect(pdb.spec!.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': app } });
        }
        // Every Pod (apps, database, backup) meets the "restricted" Pod Security Standard.
        for (const o of objects) {
          const pod = podSpecOf(o);
          if (!pod) continue;
          expect(pod.securityContext, `${o.kind}/${o.metadata.name}`).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
          expect(pod.automountServiceAccountToken, `${o.kind}/${o.metadata.name}`).toBe(false);
          for (const c of pod.containers) {
            expect(c.securityContext, `${o.kind}/${o.metadata.name}/${c.name}`).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
            expect(c.resources?.requests && c.resources.limits, `${o.kind}/${o.metadata.name}/${c.name} resources`).toBeTruthy();
          }
        }
      });

      it('has the Ingress with TLS on the profile domain, the database, storage, backups, secrets and network policies', () => {
        const g = byName(name);
        if (!appsIn(name, 'kubernetes')) return;
        const objects = kustomize(g, 'production');
        if (objects.length === 0) return;
        const d = g.deployment;
        const one = (kind: string, n: string) => objects.find((o) => o.kind === kind && o.metadata.name === n);
        const ingress = one('Ingress', 'eoffice')!;
        const rules = ingress.spec!.rules as Array<{ host?: string; http: { paths: Array<{ path: string; backend: { service: { name: string } } }> } }>;
        expect(rules[0]!.host).toBe(d.domain);
        expect(rules[0]!.http.paths.map((p) => p.backend.service.name)).toEqual(g.apps);
        expect(rules[0]!.http.paths.map((p) => p.path)).toEqual(g.apps.map((a) => `/${a}(/|$)(.*)`));
        if (tlsMode(d) === 'none') expect(ingress.spec!.tls).toBeUndefined();
        else expect(ingress.spec!.tls).toEqual([{ hosts: [d.domain], secretName: 'eoffice-tls' }]);
        expect(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBe(tlsMode(d) === 'acme' ? 'letsencrypt' : undefined);
        expect(exists(g, 'deploy/kubernetes/cluster-issuer.yaml')).toBe(tlsMode(d) === 'acme');
        if (tlsMode(d) === 'acme') {
          const issuers = parseAllDocuments(read(g, 'deploy/kubernetes/cluster-issuer.yaml')).map((x) => x.toJS() as { kind: string; spec: { acme: { email?: string } } });
          expect(issuers.map((i) => i.kind)).toEqual(['ClusterIssuer', 'ClusterIssuer']);
          expect(issuers[0]!.spec.acme.email).toBe(d.tls?.email);
        }

        const db = one('StatefulSet', 'db');
        if (d.database?.host) {
          expect(db).toBeUndefined();
          expect((one('ConfigMap', 'eoffice-config')!.data as Obj).DB_HOST).toBe(d.database.host);
          expect((one('ConfigMap', 'eoffice-config')!.data as Obj).DB_PORT).toBe(String(d.database.port));
        } else {
          const image = (podSpecOf(db!)!.containers[0]!.image as string).split(':');
          expect(image[0]).toBe({ postgresql: 'postgres', mariadb: 'mariadb', mysql: 'mysql' }[engineOf(d)]);
          expect(image[1]).toBe(d.database?.version ?? { postgresql: '15', mariadb: '10.11', mysql: '8.4' }[engineOf(d)]);
          expect(((db!.spec!.volumeClaimTemplates as Obj[])[0]!.metadata as Obj).name).toBe('data');
          expect(one('Service', 'db')).toBeDefined();
        }
        expect(Boolean(one('PersistentVolumeClaim', 'storage'))).toBe(d.storage?.kind !== 's3');
        if (d.storage?.size) expect(((one('PersistentVolumeClaim', 'storage')!.spec!.resources as Obj).requests as Obj).storage).toBe(d.storage.size);
        expect(one('PersistentVolumeClaim', 'backups')).toBeDefined();

        const cron = one('CronJob', 'db-backup')!;
        expect(cron.spec!.schedule).toBe(d.backups?.schedule ?? '0 2 * * *');
        expect(cron.spec!.timeZone).toBe('Asia/Jakarta');
        const backupEnv = podSpecOf(cron)!.containers[0]!.env as Array<{ name: string; value?: string }>;
        expect(backupEnv.find((e) => e.name === 'BACKUP_RETENTION_DAYS')!.value).toBe(String(d.backups?.retentionDays ?? 14));

        const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name.startsWith('eoffice-secrets-'))!;
        const password = Buffer.from((secret.data as Record<string, string>).DB_PASSWORD!, 'base64').toString();
        expect(password).toBe(d.database?.password ? '' : g.secrets.get('db_password'));
        // The apps refer to the generated (hash-suffixed) Secret.
        expect(JSON.stringify(objects.filter((o) => o.kind === 'Deployment'))).toContain(`"name":"${secret.metadata.name}"`);
        expect(modeOf(g, 'deploy/kubernetes/base/secrets.env')).toBe('600');
        expect(gitignored(g, 'deploy/kubernetes/base/secrets.env')).toBe(true);

        const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
        const deny = policies.find((p) => p.metadata.name === 'default-deny')!;
        expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
        const fromController = policies.find((p) => p.metadata.name === 'allow-ingress-controller-to-apps')!;
        expect(JSON.stringify(fromController.spec)).toContain('"kubernetes.io/metadata.name":"ingress-nginx"');
        expect(Boolean(policies.find((p) => p.metadata.name === 'allow-apps-to-db'))).toBe(!d.database?.host);
      });
    });
  }
});

// ----------------------------------------------------------------------------------------------- VM

describe('VM (deploy/vm)', () => {
  for (const name of names) {
    describe(name, () => {
      it('exists exactly when vm is a target', () => {
        const g = byName(name);
        expect(exists(g, 'deploy/vm/install.sh')).toBe(targetsOf(g).includes('vm'));
      });

      it('gives an nginx site that `nginx -t` accepts, with TLS, security headers and a path per app', () => {
        const g = byName(name);
        if (!appsIn(name, 'vm')) return;
        const site = read(g, 'deploy/vm/nginx/eoffice.conf');
        const d = g.deployment;
        const ports: Record<string, number> = { eoffice: 8081, 'eoffice-desa': 8082, esakip: 8083 };
        for (const app of g.apps) {
          expect(site).toContain(`location /${app}/ {`);
          expect(site).toContain(`server 127.0.0.1:${ports[app]};`);
          expect(site).toContain(`location = /${app}/metrics {`);
        }
        expect(site).toContain('add_header X-Content-Type-Options "nosniff" always;');
        expect(site.includes('Strict-Transport-Security')).toBe(tlsMode(d) !== 'none');
        expect(site.includes('listen 443 ssl')).toBe(tlsMode(d) !== 'none');
        if (d.domain) expect(site).toContain(`server_name ${JSON.stringify(d.domain)};`);
        const nginx = tool('nginx', '`nginx -t` on the VM site');
        if (!nginx) return;
        const prefix = tempDir('eoffice-nginx-');
        writeFileSync(join(prefix, 'eoffice.conf'), site);
        // Relative certificate paths are relative to the folder of nginx.conf, as on the server.
        mkdirSync(join(prefix, 'eoffice', 'tls'), { recursive: true });
        const tls = certificates();
        writeFileSync(join(prefix, 'eoffice', 'tls', 'fullchain.pem'), readFileSync(tls.cert));
        writeFileSync(join(prefix, 'eoffice', 'tls', 'privkey.pem'), readFileSync(tls.key));
        writeFileSync(
          join(prefix, 'nginx.conf'),
          `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${prefix}/eoffice.conf;\n}\n`,
        );
        const out = check(nginx, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {}) + readFileSync(join(prefix, 'error.log'), 'utf8');
        expect(out).not.toMatch(/\[emerg\]/);
      });

      it('has a hardened systemd unit per app and a backup timer that systemd-analyze verifies', () => {
        const g = byName(name);
        if (!appsIn(name, 'vm')) return;
        const units = filesUnder(g, 'deploy/vm/systemd').map((p) => p.split('/').pop()!);
        expect(units.sort()).toEqual([...g.apps.map((a) => `${a}.service`), 'eoffice-backup.service', 'eoffice-backup.timer'].sort());
        for (const app of g.apps) {
          const unit = read(g, `deploy/vm/systemd/${app}.service`);
          // The unit starts the app the way its package.json does.
          const start = (JSON.parse(read(g, `apps/${app}/package.json`)) as { scripts: { start: string } }).scripts.start;
          expect(unit.split('\n'), `${app}.service ExecStart`).toContain(`ExecStart=/usr/bin/env ${start}`);
          expect(unit.split('\n')).toContain(`WorkingDirectory=/opt/eoffice/apps/${app}`);
          for (const line of ['User=eoffice', `EnvironmentFile=/etc/eoffice/apps/${app}.env`, 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'PrivateTmp=yes', 'CapabilityBoundingSet=', 'WantedBy=multi-user.target']) {
            expect(unit.split('\n'), `${app}.service: ${line}`).toContain(line);
          }
        }
        expect(read(g, 'deploy/vm/systemd/eoffice-backup.timer')).toMatch(/^Persistent=true$/m);
        const analyze = tool('systemd-analyze', 'the systemd units');
        if (!analyze) return;
        const dir = join(g.out, 'deploy/vm/systemd');
        // verify warns about unknown keys and bad values, but still exits 0: its output must be empty.
        const run = spawnSync(analyze, ['verify', '--man=no', ...units.map((u) => join(dir, u))], { encoding: 'utf8' });
        expect(run.stdout + run.stderr).toBe('');
        expect(run.status).toBe(0);
      });

      it('turns the profile backup schedule into an OnCalendar= that systemd accepts', () => {
        const g = byName(name);
        if (!appsIn(name, 'vm')) return;
        const schedule = g.deployment.backups?.schedule ?? '0 2 * * *';
        const calendar = check('sh', [join(g.out, 'deploy/vm/install.sh'), 'calendar', schedule]).trim();
        const expected: Record<string, string> = { '0 2 * * *': '*-*-* 2:0:00 Asia/Jakarta', '30 1 * * 1-5': 'Mon..Fri *-*-* 1:30:00 Asia/Jakarta' };
        expect(calendar).toBe(expected[schedule]);
        const analyze = tool('systemd-analyze', 'the backup calendar');
        if (!analyze) return;
        expect(check(analyze, ['calendar', calendar])).toMatch(/Normalized form: /);
      });

      it('keeps the VM secrets in a 0600, git-ignored env file and puts profile values in install.sh quoted', () => {
        const g = byName(name);
        if (!appsIn(name, 'vm')) return;
        expect(modeOf(g, 'deploy/vm/eoffice.env')).toBe('600');
        expect(gitignored(g, 'deploy/vm/eoffice.env')).toBe(true);
        expect(modeOf(g, 'deploy/vm/install.sh')).toBe('755');
        const install = read(g, 'deploy/vm/install.sh');
        expect(install.split('\n')).toContain('set -eu');
        expect(install).toMatch(new RegExp(`^APPS=' ${g.apps.join(' ')}'$`, 'm'));
        if (g.deployment.domain) expect(install).toMatch(new RegExp(`^DOMAIN=${g.deployment.domain.replace(/\./g, '\\.')}$`, 'm'));
        const env = dotenv(read(g, 'deploy/vm/eoffice.env'));
        expect(env.DB_PASSWORD).toBe(g.deployment.database?.password ? '' : g.secrets.get('db_password'));
      });
    });
  }
});

// ---------------------------------------------------------------------------------------- all targets

describe('every target', () => {
  for (const name of names) {
    it(`${name}: ShellCheck passes on every generated .sh file`, () => {
      const g = byName(name);
      const scripts = filesUnder(g, 'deploy').filter((p) => p.endsWith('.sh'));
      const t = targetsOf(g);
      expect(scripts.length > 0).toBe(t.includes('compose') || t.includes('vm'));
      if (scripts.length === 0) return;
      const shellcheck = tool('shellcheck', 'the generated shell scripts');
      if (!shellcheck) return;
      check(shellcheck, ['--norc', ...scripts.map((s) => join(g.out, s))]);
    });
  }

  it('the VM timer calendar (install.sh) and the compose matcher (backup.sh) agree with systemd on when a schedule runs', () => {
    const g = all.find((x) => targetsOf(x).includes('vm'))!;
    const analyze = tool('systemd-analyze', 'the backup calendar');
    if (!analyze) return;
    const install = join(g.out, 'deploy/vm/install.sh');
    const backup = join(g.out, 'deploy/scripts/backup.sh');
    const due = (schedule: string, at: Date) =>
      spawnSync('sh', [backup, 'due', schedule, ...[at.getUTCMinutes(), at.getUTCHours(), at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCDay()].map(String)]).status;
    const schedules = ['0 2 * * *', '30 1 * * 1-5', '*/15 8-17 * * *', '0 8-18/2 * * *', '0 3 1,15 * *', '0 0 1 1,7 *', '5 4 * * 0', '5 4 * * 7', '0 22 * * 5-7', '10 0-3 */10 * *'];
    for (const schedule of schedules) {
      const calendar = check('sh', [install, 'calendar', schedule]).trim();
      expect(calendar, schedule).toMatch(/ Asia\/(Jakarta|Makassar|Jayapura)$/);
      const local = calendar.replace(/ Asia\/\w+$/, '');
      const out = check(analyze, ['calendar', '--iterations=8', local], { env: { ...process.env, TZ: 'UTC' } });
      const elapses = [...out.matchAll(/(?:Next elapse|Iter\. #\d+): \w{3} (\d{4}-\d{2}-\d{2} \d{2}:\d{2}):00 UTC/g)].map((m) => new Date(`${m[1]!.replace(' ', 'T')}:00Z`));
      expect(elapses, `${schedule} → ${calendar}`).toHaveLength(8);
      elapses.forEach((at, i) => {
        expect(due(schedule, at), `${schedule} due at ${at.toISOString()}`).toBe(0);
        const next = new Date(at.getTime() + 60_000);
        if (elapses[i + 1]?.getTime() !== next.getTime()) expect(due(schedule, next), `${schedule} not due at ${next.toISOString()}`).toBe(1);
      });
    }
    // cron runs "0 2 1 * 0" on the 1st *or* on Sundays; one OnCalendar= cannot say that.
    const refused = spawnSync('sh', [install, 'calendar', '0 2 1 * 0'], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('tidak dapat ditulis sebagai OnCalendar');
  });

  it('generate --check is clean on a fresh output of each example', async () => {
    for (const g of all) {
      const outcome = await generate({ profile: g.profilePath, out: g.out, mode: 'check', lang: 'en', templatesDir: TEMPLATES, toolkitVersion: VERSION, env: { EOFFICE_CACHE_DIR: join(tempDir('eoffice-cache-'), 'cache') } });
      expect(outcome.kind, g.name).toBe('done');
      if (outcome.kind !== 'done') continue;
      expect(outcome.drift.map((e) => `${e.path}: ${e.action}`), g.name).toEqual([]);
      expect(outcome.lockDrift, g.name).toBe(false);
    }
  });

  it('records the deploy files with their policies in the lock (secret env files unhashed)', () => {
    const g = byName('variant:all-targets-mysql');
    const lock = JSON.parse(read(g, 'eoffice.lock.json')) as { files: Record<string, { policy: string; secret?: boolean; sha256?: string; blueprint: string }> };
    const deployFiles = Object.entries(lock.files).filter(([p]) => p.startsWith('deploy/'));
    expect(deployFiles.every(([, f]) => f.blueprint === 'deploy')).toBe(true);
    const policy = (p: string) => lock.files[p]!.policy;
    expect(policy('deploy/compose/compose.yaml')).toBe('managed');
    expect(policy('deploy/kubernetes/base/kustomization.yaml')).toBe('managed');
    expect(policy('deploy/kubernetes/overlays/production/kustomization.yaml')).toBe('merge-structured');
    expect(policy('deploy/kubernetes/overlays/staging/kustomization.yaml')).toBe('merge-structured');
    for (const p of ['deploy/compose/.env', 'deploy/kubernetes/base/secrets.env', 'deploy/vm/eoffice.env']) {
      expect(lock.files[p], p).toMatchObject({ policy: 'seed-once', secret: true });
      expect(lock.files[p]!.sha256, p).toBeUndefined();
    }
  });

  it('hard-codes no regency: no example name, slug or domain appears in templates/deploy', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else files.push(join(d, e.name));
      }
    };
    walk(join(TEMPLATES, 'deploy'));
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n').toLowerCase();
    for (const g of all.filter((x) => !x.name.startsWith('variant:'))) {
      const short = g.profile.regency.name.replace(/^(kabupaten|kota)\s+/i, '').toLowerCase();
      expect(text, g.name).not.toContain(short);
      if (g.deployment.domain) expect(text, g.name).not.toContain(g.deployment.domain.toLowerCase());
    }
  });

  it('puts the profile names into the output: compose project and Kubernetes instance from the slug', () => {
    for (const g of all) {
      const slug = g.profile.regency.name.replace(/^(kabupaten|kota)\s+/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
      if (targetsOf(g).includes('compose')) expect(composeOf(g).name, g.name).toBe(slug);
      if (targetsOf(g).includes('kubernetes')) expect(read(g, 'deploy/kubernetes/base/kustomization.yaml'), g.name).toContain(`app.kubernetes.io/instance: ${slug}\n`);
    }
  });

  it('the per-app Kubernetes manifests and systemd units differ only in the app name, title and port', () => {
    const norm = (text: string, app: string) => text.split(app).join('APP').replace(/e-Office Desa|e-SAKIP/g, 'TITLE').replace(/808[23]/g, 'PORT');
    const g = byName('sumedang');
    const manifest = (app: string) => norm(read(g, `deploy/kubernetes/base/${app}.yaml`), app);
    expect(manifest('eoffice-desa')).toBe(manifest('esakip'));
    const v = byName('pangandaran');
    const unit = (app: string) => norm(read(v, `deploy/vm/systemd/${app}.service`), app);
    expect(unit('eoffice-desa')).toBe(unit('esakip'));
  });
});
