/**
 * The ledger of grants, `grants.yaml` in the grantor's workspace: one entry per sealed bundle
 * (recipient, apps and versions, tag and commit, bundle digest, date). `grant pack` appends to it;
 * `grant list` reads it. The file is rewritten whole through a temporary file and a rename, under a
 * lock file, so a crash or two packs at once never leave half an entry or lose one.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { writeFileAtomically } from '../util/write-atomic.js';

export interface LedgerEntry {
  recipient: { code: string; name: string };
  grantor: { code: string; name: string };
  agreement: string;
  bast?: string;
  date: string;
  version: string;
  tag: string;
  commit: string;
  apps: Array<{ name: string; version: string }>;
  bundle: { file: string; sha256: string };
  key: string;
}

export interface Ledger {
  apiVersion: 'eoffice/v1';
  kind: 'GrantLedger';
  grants: LedgerEntry[];
}

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
}

const HEADER = '# Buku catatan hibah eoffice (ditambah oleh `eoffice grant pack`; tampilkan dengan `eoffice grant list`).\n';

export function parseLedger(text: string, file: string): Ledger {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new LedgerError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  if (data === null || data === undefined) return { apiVersion: 'eoffice/v1', kind: 'GrantLedger', grants: [] };
  const d = data as Partial<Ledger>;
  if (typeof d !== 'object' || d.kind !== 'GrantLedger' || !Array.isArray(d.grants)) throw new LedgerError(`${file}: not a grant ledger (kind: GrantLedger with a grants list)`);
  return { apiVersion: 'eoffice/v1', kind: 'GrantLedger', grants: d.grants };
}

export function serializeLedger(ledger: Ledger): string {
  return HEADER + stringifyYaml(ledger, { lineWidth: 0 });
}

export async function readLedger(file: string): Promise<Ledger> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { apiVersion: 'eoffice/v1', kind: 'GrantLedger', grants: [] };
    throw err;
  }
  return parseLedger(text, file);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Appends `entry` unless the same bundle (tag and digest) is already recorded; returns whether it
 * was added.
 */
export async function appendLedger(file: string, entry: LedgerEntry): Promise<boolean> {
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  await mkdir(dirname(file), { recursive: true });
  let handle;
  for (let attempt = 0; ; attempt++) {
    try {
      handle = await open(lock, 'wx');
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) {
        throw new LedgerError(`${file}: cannot take the lock ${lock} (${(err as NodeJS.ErrnoException).code ?? String(err)}); remove it if no other pack is running`);
      }
      await sleep(50);
    }
  }
  try {
    const ledger = await readLedger(file);
    if (ledger.grants.some((g) => g.tag === entry.tag && g.bundle?.sha256 === entry.bundle.sha256)) return false;
    ledger.grants.push(entry);
    await writeFileAtomically(file, serializeLedger(ledger));
    return true;
  } finally {
    await handle.close();
    await rm(lock, { force: true });
  }
}
