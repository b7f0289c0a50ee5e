import { randomBytes } from 'node:crypto';

/**
 * Generated secrets (database passwords, application keys). They live in `.eoffice/secrets.env`
 * inside the output tree (mode 0600, git-ignored), are created once from the system's
 * cryptographic generator and kept across regeneration. Never printed, never in the lock file.
 */
export const SECRETS_FILE = '.eoffice/secrets.env';

export function parseSecrets(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([a-z][a-z0-9_]*)=([A-Za-z0-9_-]+)$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

export function serializeSecrets(secrets: ReadonlyMap<string, string>): string {
  const names = [...secrets.keys()].sort();
  return '# Rahasia yang dibangkitkan eoffice. Jangan dibagikan, jangan di-commit.\n' + names.map((n) => `${n}=${secrets.get(n)}\n`).join('');
}

/** Keeps every existing secret and creates the missing ones (32 random bytes, base64url). */
export function ensureSecrets(existing: ReadonlyMap<string, string>, wanted: Iterable<string>): { secrets: Map<string, string>; created: string[] } {
  const secrets = new Map(existing);
  const created: string[] = [];
  for (const name of [...new Set(wanted)].sort()) {
    if (!secrets.has(name)) {
      secrets.set(name, randomBytes(32).toString('base64url'));
      created.push(name);
    }
  }
  return { secrets, created };
}
