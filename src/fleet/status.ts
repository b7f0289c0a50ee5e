import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BlueprintLoad } from '../blueprint/load.js';
import { sha256 } from '../generate/lock.js';
import { readLock } from '../upgrade/upgrade.js';
import type { Recipient } from './discover.js';

export interface BlueprintStatus {
  name: string;
  /** The version the tree was last generated or upgraded with. */
  version: string;
  /** The newest in templates/; absent when templates/ no longer has the blueprint. */
  newest?: string;
  /** Same version but other content (templates changed without a version bump) counts too. */
  behind: boolean;
}

export interface RecipientStatus {
  name: string;
  tree: string;
  toolkit: { version: string; current: string };
  profile: { path: string; state: 'same' | 'changed' | 'missing' };
  blueprints: BlueprintStatus[];
  /** Files edited (or removed) since the last generation; secret and seed-once files excluded. */
  drift: string[];
  /** Conflicts an upgrade left unresolved. */
  conflicts: string[];
  /** An upgrade would change something: newer blueprints or toolkit, or a changed profile. */
  upgradePending: boolean;
}

export type StatusResult = { ok: true; status: RecipientStatus } | { ok: false; name: string; tree: string };

/**
 * The state of one recipient from its lock alone (no render): fast enough for a fleet of hundreds.
 * The hidden `.eoffice/` folder (base, secrets) is not part of the lock, so never drift.
 */
export async function recipientStatus(r: Recipient, templates: readonly BlueprintLoad[], toolkitVersion: string): Promise<StatusResult> {
  const found = await readLock(r.tree);
  if (!found) return { ok: false, name: r.name, tree: r.tree };
  const { lock } = found;
  const newest = new Map(templates.flatMap((l) => (l.ok ? [[l.blueprint.manifest.name, l.blueprint] as const] : [])));
  const blueprints = lock.blueprints.map((b) => {
    const n = newest.get(b.name);
    return { name: b.name, version: b.version, ...(n ? { newest: n.manifest.version } : {}), behind: n !== undefined && (n.manifest.version !== b.version || n.digest !== b.digest) };
  });
  const profilePath = resolve(r.tree, lock.profile.path);
  const profileBytes = await readFile(profilePath).catch(() => undefined);
  const profileState = profileBytes === undefined ? 'missing' : `sha256:${sha256(profileBytes)}` === lock.profile.digest ? 'same' : 'changed';
  const drift: string[] = [];
  for (const [path, f] of Object.entries(lock.files)) {
    if (f.secret || f.policy === 'seed-once' || f.sha256 === undefined) continue;
    const bytes = await readFile(join(r.tree, path)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== f.sha256) drift.push(path);
  }
  const conflicts = (lock.conflicts ?? []).map((c) => c.path);
  return {
    ok: true,
    status: {
      name: r.name,
      tree: r.tree,
      toolkit: { version: lock.toolkit.version, current: toolkitVersion },
      profile: { path: lock.profile.path, state: profileState },
      blueprints,
      drift,
      conflicts,
      upgradePending: blueprints.some((b) => b.behind) || profileState === 'changed' || lock.toolkit.version !== toolkitVersion,
    },
  };
}
