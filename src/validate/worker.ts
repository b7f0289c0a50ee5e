import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../i18n/lang.js';
import { validateFile } from './validate-profile.js';

/** A validation worker: validates the files it is given and posts their results back in order. */
const { files, lang, strict } = workerData as { files: string[]; lang: Lang; strict: boolean };
const results = [];
for (const file of files) results.push(await validateFile(file, { lang, strict }));
parentPort!.postMessage(results);
