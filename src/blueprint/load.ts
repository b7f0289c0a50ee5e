import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { loadYamlFile } from '../profile/load.js';
import { checkJsonSchema } from '../profile/schema.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { Blueprint, BlueprintFile, BlueprintManifest } from './manifest.js';

export const BLUEPRINT_SCHEMA_URL = new URL('../../schemas/blueprint.schema.json', import.meta.url);
let blueprintSchema: object | undefined;

export type BlueprintLoad = { ok: true; blueprint: Blueprint } | { ok: false; file: string; diagnostics: Diagnostic[] };

// Synchronous on purpose: a blueprint is hundreds of small files, and one thread-pool round trip per
// read and stat cost more than the reads themselves (it made `generate --check` I/O-bound).
function walk(root: string, rel = ''): BlueprintFile[] {
  const out: BlueprintFile[] = [];
  const entries = readdirSync(join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(root, path));
    else if (e.isFile()) {
      const full = join(root, path);
      out.push({ path, bytes: readFileSync(full), mode: statSync(full).mode & 0o777 });
    }
  }
  return out;
}

/** Reads and checks one blueprint folder; a broken manifest is reported like a broken profile. */
export async function loadBlueprint(dir: string, lang: Lang): Promise<BlueprintLoad> {
  const file = join(dir, 'blueprint.yaml');
  const loaded = await loadYamlFile(file, lang);
  if (!loaded.ok) return { ok: false, file, diagnostics: loaded.diagnostics };
  blueprintSchema ??= JSON.parse(await readFile(BLUEPRINT_SCHEMA_URL, 'utf8')) as object;
  const problems = checkJsonSchema(blueprintSchema, loaded.doc.data, lang);
  if (problems.length > 0) {
    return {
      ok: false,
      file,
      diagnostics: problems.map((p) => {
        const pos = loaded.doc.locate(p.path, { key: p.atKey });
        return { rule: 'blueprint-schema', severity: 'error', message: p.message, hint: p.hint, path: p.path, line: pos.line, column: pos.column };
      }),
    };
  }
  const manifest = loaded.doc.data as BlueprintManifest;
  const filesDir = join(dir, 'files');
  const files = (await stat(filesDir).catch(() => undefined))?.isDirectory() ? walk(filesDir) : [];
  const hash = createHash('sha256');
  hash.update(await readFile(file));
  for (const f of files) hash.update(`\0${f.path}\0${f.mode.toString(8)}\0`).update(f.bytes);
  return { ok: true, blueprint: { dir, manifest, files, digest: `sha256:${hash.digest('hex')}` } };
}

/** Every blueprint under `templates/`, sorted by name. */
export async function loadBlueprints(templatesDir: string, lang: Lang): Promise<BlueprintLoad[]> {
  const entries = await readdir(templatesDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out: BlueprintLoad[] = [];
  for (const name of dirs) {
    if ((await stat(join(templatesDir, name, 'blueprint.yaml')).catch(() => undefined))?.isFile()) {
      out.push(await loadBlueprint(join(templatesDir, name), lang));
    }
  }
  return out;
}
