import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../i18n/lang.js';
import type { FileResult } from './diagnostic.js';
import { validateFile } from './validate-profile.js';

/** Below this many files a second thread costs more (its own start-up and decree load) than it saves. */
export const PARALLEL_THRESHOLD = 64;
const WORKER = new URL('./worker.js', import.meta.url);

async function inThisThread(files: readonly string[], lang: Lang, strict: boolean): Promise<FileResult[]> {
  // A few files in flight at once, so reading one overlaps validating another.
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await validateFile(files[i]!, { lang, strict });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, lane));
  return results;
}

function inWorker(files: readonly string[], lang: Lang, strict: boolean): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { files, lang, strict } });
    worker.once('message', (results: FileResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`validation worker exited with ${code}`)));
  });
}

/**
 * Validates many files, results in the order given. A large batch (CI over a whole fleet, the
 * national benchmark) is split across the machine's cores: this thread takes one share, worker
 * threads the others. Only the built code has the worker module; tests of the sources run it all
 * in this thread.
 */
export async function validateMany(files: readonly string[], options: { lang: Lang; strict: boolean }): Promise<FileResult[]> {
  const threads = Math.min(availableParallelism(), 4);
  if (files.length < PARALLEL_THRESHOLD || threads < 2 || !existsSync(fileURLToPath(WORKER))) {
    return inThisThread(files, options.lang, options.strict);
  }
  // Interleaved shares balance files of different sizes without a work queue.
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  const [mine, ...theirs] = shares;
  const [own, ...others] = await Promise.all([inThisThread(mine!, options.lang, options.strict), ...theirs.map((s) => inWorker(s, options.lang, options.strict))]);
  const byShare = [own!, ...others];
  return files.map((_, i) => byShare[i % threads]![Math.floor(i / threads)]!);
}
