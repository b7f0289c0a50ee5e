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

/** What a file or folder looked like when a blueprint was read: enough to tell that it changed since. */
interface Stamp {
  path: string;
  ino: number;
  size: number;
  mode: number;
  mtimeMs: number;
  ctimeMs: number;
}

const stampOf = (path: string, s: Stats): Stamp => ({ path, ino: s.ino, size: s.size, mode: s.mode, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });

function unchanged(stamp: Stamp): boolean {
  const s = statIfAny(stamp.path);
  return s !== undefined && s.ino === stamp.ino && s.size === stamp.size && s.mode === stamp.mode && s.mtimeMs === stamp.mtimeMs && s.ctimeMs === stamp.ctimeMs;
}

/** The files of a `files/` tree, and a stamp of every folder in it (taken before it is listed). */
interface Listing {
  files: Listed[];
  folders: Stamp[];
}

// Synchronous on purpose: a blueprint is hundreds of small files, and one thread-pool round trip per
// read and stat cost more than the reads themselves (it made `generate --check` I/O-bound).
function list(root: string, rel = '', out: Listing = { files: [], folders: [] }): Listing {
  const folder = join(root, rel);
  out.folders.push(stampOf(folder, statSync(folder)));
  const entries = readdirSync(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) list(root, path, out);
    else if (e.isFile()) {
      const full = join(root, path);
      out.files.push({ path, full, stats: statSync(full) });
    }
  }
  return out;
}

/**
 * Loaded blueprints, for the life of the process (a fleet run loads the same folders for every
 * regency). An entry is used again only while the blueprint's folder, its manifest, every folder
 * under `files/` and every file there keep the inode, size, mode, modification and change times
 * they had when it was read: a file changed in place changes its own times, a file added, removed
 * or renamed changes its folder's. Any change sets the change time to the current time (it cannot
 * be set otherwise), so a later change cannot match; to stay safe with coarse file-system clocks, a
 * blueprint with anything changed less than {@link SETTLED_MS} before it was read is not kept (it is
 * read again every time, as git treats "racily clean" index entries).
 */
const blueprintCache = new Map<string, { stamps: Stamp[]; load: BlueprintLoad & { ok: true } }>();
const SETTLED_MS = 3000;

/** Reads and checks one blueprint folder; a broken manifest is reported like a broken profile. */
export async function loadBlueprint(dir: string, lang: Lang): Promise<BlueprintLoad> {
  const key = `${resolve(dir)}\0${dir}`;
  const cached = blueprintCache.get(key);
  if (cached && cached.stamps.every(unchanged)) return cached.load;

  const file = join(dir, 'blueprint.yaml');
  const started = Date.now();
  const dirStats = statIfAny(dir);
  const manifestStats = statIfAny(file);
  const filesDir = join(dir, 'files');
  const listFiles = (): Listing => (statIfAny(filesDir)?.isDirectory() ? list(filesDir) : { files: [], folders: [] });
  let listing: Listing | undefined;
  try {
    listing = listFiles();
  } catch {
    // An unreadable folder: read as before caching, after the manifest, which may explain it.
  }
  const load = await readBlueprint(dir, file, () => (listing ?? listFiles()).files, lang);
  const stamps = dirStats && manifestStats && listing && [stampOf(dir, dirStats), stampOf(file, manifestStats), ...listing.folders, ...listing.files.map((f) => stampOf(f.full, f.stats))];
  const settled = stamps?.every((s) => Math.max(s.mtimeMs, s.ctimeMs) < started - SETTLED_MS);
  if (load.ok && stamps && settled) blueprintCache.set(key, { stamps, load });
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
