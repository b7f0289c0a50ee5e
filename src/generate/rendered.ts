import type { FilePolicy } from '../blueprint/manifest.js';

/** A file the render produced, not yet written anywhere. */
export interface RenderedFile {
  /** Path inside the output tree, `/`-separated, never absolute, never `..`. */
  path: string;
  content: Buffer;
  mode: number;
  policy: FilePolicy;
  /** Which blueprint produced it (`seed` for the shared seed data). */
  blueprint: string;
  /** Holds generated secrets: 0600, no hash in the lock, not compared by --check. */
  secret: boolean;
}
