import type { Lang } from '../i18n/lang.js';
import type { FileResult } from './diagnostic.js';
import { validateFile } from './validate-profile.js';

/**
 * Validates many files, one after another, results in the order given. Profiles are small and read
 * synchronously (see readProfileText), so there is nothing to overlap on one thread. (Splitting a
 * large batch across worker threads was measured on the national set twice: one worker per half
 * of the files gave no gain beyond noise on two cores and ~100 MiB more memory, each thread loading
 * its own decree data; a worker that only parses while this thread validates gained 5–10% wall
 * time for ~25% more CPU, the cost of copying parsed documents between threads and of warming up
 * two JITs.)
 */
export async function validateMany(files: readonly string[], options: { lang: Lang; strict: boolean }): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await validateFile(file, options));
  return results;
}
