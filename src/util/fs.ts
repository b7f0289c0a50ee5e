import { readFileSync, statSync, type Stats } from 'node:fs';

// Synchronous on purpose: the generator asks these of hundreds of small files per run, and a
// thread-pool round trip apiece made it wait more than it worked.

/**
 * A path's stats, or undefined when it is missing or cannot be looked at. A missing path is
 * answered without an exception, which costs more to create than the stat itself.
 */
export function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A file's bytes, or undefined when it is missing or cannot be read. */
export function readIfAny(path: string): Buffer | undefined {
  if (!statIfAny(path)) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
