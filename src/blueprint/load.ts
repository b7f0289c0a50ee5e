import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { loadYamlFile } from '../profile/load.js';
import { checkJsonSchema } from '../profile/schema.js';
import { statIfAny } from '../util/fs.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { Blueprint, BlueprintFile, BlueprintManifest } from './manifest.js';

export const BLUEPRINT_SCHEMA_URL = new URL('../../schemas/blueprint.schema.json', import.meta.url);
let blueprintSchema: object | undefined;

export type BlueprintLoad = { ok: true; blueprint: Blueprint } | { ok: false; file: string; diagnostics: Diagnostic[] };

/** A file of `files/` as listed, before it is read. */
interface Listed {
  path: string;
  full: string;
  stats: Stats;
}

// Synchronous on purpose: a blueprint is hundreds of small files, and one thread-pool round trip per
// read and stat cost more than the reads themselves (it made `generate --check` I/O-bound).
function list(root: string, rel = '', out: Listed[] = []): Listed[] {
  const entries = readdirSync(join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) list(root, path, out);
    else if (e.isFile()) {
      const full = join(root, path);
      out.push({ path, full, stats: statSync(full) });
    }
  }
  return out;
}

/**
 * Loaded blueprints, for the life of the process (a fleet run loads the same folders for every
 * regency). An entry is used again only while its files look exactly as when it was read: the same
 * list of paths and, for the manifest and each file, the same inode, size, mode, modification and
 * change times. Any write to a file sets its change time to the current time (it cannot be set
 * otherwise), so a file changed later cannot match; to stay safe with coarse file-system clocks, a
 * folder with a file changed less than {@link SETTLED_MS} before it was read is not kept (it is read
 * again every time, as git treats "racily clean" index entries).
 */
const blueprintCache = new Map<string, { signature: string; load: BlueprintLoad & { ok: true } }>();
const SETTLED_MS = 3000;

const signatureOf = (path: string, s: Stats) => `${path}\0${s.ino}\0${s.size}\0${s.mode}\0${s.mtimeMs}\0${s.ctimeMs}`;

/** Reads and checks one blueprint folder; a broken manifest is reported like a broken profile. */
export async function loadBlueprint(dir: string, lang: Lang): Promise<BlueprintLoad> {
  const file = join(dir, 'blueprint.yaml');
  const started = Date.now();
  const manifestStats = statIfAny(file);
  const filesDir = join(dir, 'files');
  const listFiles = () => (statIfAny(filesDir)?.isDirectory() ? list(filesDir) : []);
  let listed: Listed[] | undefined;
  try {
    listed = listFiles();
  } catch {
    // An unreadable folder: read as before caching, after the manifest, which may explain it.
  }
  const key = `${resolve(dir)}\0${dir}`;
  const signature = manifestStats && listed && [signatureOf('', manifestStats), ...listed.map((f) => signatureOf(f.path, f.stats))].join('\n');
  const cached = blueprintCache.get(key);
  if (signature && cached?.signature === signature) return cached.load;

  const load = await readBlueprint(dir, file, () => listed ?? listFiles(), lang);
  const settled = [manifestStats, ...(listed ?? []).map((f) => f.stats)].every((s) => s !== undefined && Math.max(s.mtimeMs, s.ctimeMs) < started - SETTLED_MS);
  if (load.ok && signature && settled) blueprintCache.set(key, { signature, load });
  else blueprintCache.delete(key);
  return load;
}

async function readBlueprint(dir: string, file: string, listFiles: () => readonly Listed[], lang: Lang): Promise<BlueprintLoad> {
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
  const files: BlueprintFile[] = listFiles().map((f) => ({ path: f.path, bytes: readFileSync(f.full), mode: f.stats.mode & 0o777 }));
  const hash = createHash('sha256');
  hash.update(await readFile(file));
  for (const f of files) hash.update(`\0${f.path}\0${f.mode.toString(8)}\0`).update(f.bytes);
  return { ok: true, blueprint: { dir, manifest, files, digest: `sha256:${hash.digest('hex')}` } };
}

/** Every blueprint under `templates/`, sorted by name. */
export async function loadBlueprints(templatesDir: string, lang: Lang): Promise<BlueprintLoad[]> {
  const entries = readdirSync(templatesDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out: BlueprintLoad[] = [];
  for (const name of dirs) {
    if (statIfAny(join(templatesDir, name, 'blueprint.yaml'))?.isFile()) {
      out.push(await loadBlueprint(join(templatesDir, name), lang));
    }
  }
  return out;
}
