import type { Lang } from '../i18n/lang.js';
import { documentOf } from '../profile/load.js';
import type { FileResult } from './diagnostic.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';
import { resultOf, validateDocument, validateFile } from './validate-profile.js';

export interface ValidateManyOptions {
  lang: Lang;
  strict: boolean;
  /** From this many files on, a worker thread parses while this one validates. */
  parallelFrom?: number;
}

/** Below this a worker's start-up (~40 ms) costs more than it saves. */
export const PARALLEL_FROM = 16;
/** Files parsed ahead of validation: bounds the memory the replies waiting in line take. */
const AHEAD = 6;

/**
 * Validates many files, results in the order given. A large batch (CI over a fleet, the national
 * set) is split by stage, not by file: a worker thread reads and parses (js-yaml, ~60% of the work)
 * while this thread validates what it has parsed. Only this thread loads the decree data and the
 * rules, so the worker adds little memory. A small batch, or a worker that cannot start, is done
 * here alone, with a few files in flight so that reading one overlaps validating another.
 */
export async function validateMany(files: readonly string[], options: ValidateManyOptions): Promise<FileResult[]> {
  if (files.length >= (options.parallelFrom ?? PARALLEL_FROM)) {
    const results = await validatePipelined(files, options).catch(() => undefined);
    if (results) return results;
  }
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await validateFile(files[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, lane));
  return results;
}

/** The two-thread path alone (it throws where validateMany falls back); exported for tests. */
export async function validatePipelined(files: readonly string[], options: ValidateManyOptions): Promise<FileResult[]> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url));
  try {
    const results: FileResult[] = new Array(files.length);
    let asked = 0;
    const ask = () => {
      const req: ParseRequest = { id: asked, file: files[asked]!, lang: options.lang };
      worker.postMessage(req);
      asked++;
    };
    while (asked < Math.min(AHEAD, files.length)) ask();
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      worker.on('error', reject);
      worker.on('exit', (code) => (done < files.length ? reject(new Error(`parse worker exited with ${code}`)) : undefined));
      worker.on('message', (reply: ParseReply) => {
        if (asked < files.length) ask();
        const file = files[reply.id]!;
        try {
          if (!reply.ok) {
            results[reply.id] = resultOf(file, reply.diagnostics, options.strict);
          } else {
            const loaded = documentOf(file, reply.text, options.lang, { data: reply.data });
            results[reply.id] = resultOf(file, loaded.ok ? validateDocument(loaded.doc, options) : loaded.diagnostics, options.strict);
          }
        } catch (err) {
          reject(err);
          return;
        }
        if (++done === files.length) resolve();
      });
    });
    return results;
  } finally {
    await worker.terminate();
  }
}
