/**
 * A CycloneDX SBOM (1.6, JSON) for each application of the grant, from the npm workspace under
 * `apps/`: the app's own `package.json` and the workspace's `package-lock.json`. Each app lists its
 * dependencies transitively (a workspace link such as `eoffice-runtime` is followed into the
 * linked package), with versions, licences and the lock's SHA-512 integrity. No timestamps and no
 * random serial number: the same lock gives the same SBOM.
 */
import * as CDX from '@cyclonedx/cyclonedx-library';

interface LockPackage {
  name?: string;
  version?: string;
  resolved?: string;
  link?: boolean;
  license?: string;
  integrity?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface NpmLock {
  packages?: Record<string, LockPackage>;
}

export interface AppManifest {
  name: string;
  version?: string;
  description?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The lock entry a dependency `name` resolves to from the package at `from` (npm's node_modules walk). */
function resolve(lock: Record<string, LockPackage>, from: string, name: string): { key: string; pkg: LockPackage } | undefined {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    const pkg = lock[key];
    if (pkg) return pkg.link && pkg.resolved !== undefined ? { key: pkg.resolved, pkg: lock[pkg.resolved] ?? {} } : { key, pkg };
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

function nameOf(key: string, pkg: LockPackage, fallback: string): string {
  if (pkg.name) return pkg.name;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
  return m ? m[1]! : fallback;
}

const purl = (name: string, version: string) => `pkg:npm/${name.startsWith('@') ? `%40${name.slice(1)}` : name}@${version}`;

/** The SBOM of the app at `appDir` (`eoffice`, the folder under `apps/`), as CycloneDX JSON text. */
export function appSbom(appDir: string, app: AppManifest, lockfile: NpmLock): string {
  const lock = lockfile.packages ?? {};
  const bom = new CDX.Models.Bom();
  const root = new CDX.Models.Component(CDX.Enums.ComponentType.Application, app.name, {
    version: app.version ?? '0.0.0',
    bomRef: purl(app.name, app.version ?? '0.0.0'),
    ...(app.description ? { description: app.description } : {}),
  });
  bom.metadata.component = root;
  const components = new Map<string, CDX.Models.Component>();

  const visit = (fromKey: string, deps: Record<string, string>, parent: CDX.Models.Component, scope: CDX.Enums.ComponentScope) => {
    for (const name of Object.keys(deps).sort()) {
      const found = resolve(lock, fromKey, name);
      if (!found) continue;
      const depName = nameOf(found.key, found.pkg, name);
      const version = found.pkg.version ?? '0.0.0';
      const ref = purl(depName, version);
      const known = components.get(ref);
      if (known) {
        parent.dependencies.add(known.bomRef);
        continue;
      }
      const c = new CDX.Models.Component(CDX.Enums.ComponentType.Library, depName, { version, bomRef: ref, scope });
      if (found.pkg.license) c.licenses.add(new CDX.Models.SpdxLicense(found.pkg.license));
      const sri = /^sha512-(.+)$/.exec(found.pkg.integrity ?? '');
      if (sri) c.hashes.set(CDX.Enums.HashAlgorithm['SHA-512'], Buffer.from(sri[1]!, 'base64').toString('hex'));
      components.set(ref, c);
      parent.dependencies.add(c.bomRef);
      bom.components.add(c);
      visit(found.key, { ...found.pkg.dependencies, ...found.pkg.optionalDependencies }, c, scope);
    }
  };
  const own = lock[appDir] ?? {};
  visit(appDir, { ...(app.dependencies ?? own.dependencies) }, root, CDX.Enums.ComponentScope.Required);
  visit(appDir, { ...(app.devDependencies ?? own.devDependencies) }, root, CDX.Enums.ComponentScope.Excluded);
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return serializer.serialize(bom, { sortLists: true, space: 2 }) + '\n';
}
