/**
 * Inline fixture trees in temporary folders: a test declares the files it needs (path → content,
 * optionally with a mode), gets a folder, and the folder is removed when the test file ends.
 * `readTree` reads a whole tree back (hidden files included) for byte-for-byte comparisons.
 */
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** A file's content, or its content and mode (`0o755`). */
export type TreeEntry = string | Uint8Array | { content: string | Uint8Array; mode: number };
export type TreeSpec = Record<string, TreeEntry>;

const made: string[] = [];
// Registered when a test file imports this module (each test file gets its own module graph).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty temporary folder, removed after the test file's last test. */
export function tempDir(prefix = 'eoffice-gen-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes `spec` under `dir` (creating folders); returns `dir`. */
export function writeTree(dir: string, spec: TreeSpec): string {
  for (const [path, entry] of Object.entries(spec)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    const { content, mode } = typeof entry === 'string' || entry instanceof Uint8Array ? { content: entry, mode: 0o644 } : entry;
    writeFileSync(file, content);
    chmodSync(file, mode);
  }
  return dir;
}

/** A temporary folder holding `spec`. */
export function tempTree(spec: TreeSpec = {}, prefix?: string): string {
  return writeTree(tempDir(prefix), spec);
}

export interface TreeFile {
  bytes: Buffer;
  mode: number;
}

/** Every file under `dir` (hidden ones too), by `/`-separated relative path, in sorted order. */
export function readTree(dir: string): Map<string, TreeFile> {
  const out = new Map<string, TreeFile>();
  const walk = (rel: string) => {
    const entries = readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else {
        const full = join(dir, path);
        out.set(path, { bytes: readFileSync(full), mode: lstatSync(full).mode & 0o777 });
      }
    }
  };
  walk('');
  return out;
}

/**
 * The tree as plain data (`path → "mode sha256 size"`), so `toEqual` compares every byte and mode
 * yet shows, when it fails, exactly which files differ.
 */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, f] of readTree(dir)) out[path] = `${f.mode.toString(8)} ${createHash('sha256').update(f.bytes).digest('hex')} ${f.bytes.length}`;
  return out;
}
