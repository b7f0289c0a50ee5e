/**
 * A worker thread that reads and parses profiles for `validateMany`, so that on a large batch the
 * main thread validates one file while this one parses the next (parsing is most of the work).
 * It answers each `{id, file, lang}` in order with the text and js-yaml's reading of it, or with
 * the diagnostics of a file that is not a profile-sized UTF-8 text file.
 */
import { parentPort } from 'node:worker_threads';
import type { Lang } from '../i18n/lang.js';
import { fastParse, readProfileText } from '../profile/load.js';
import type { Diagnostic } from './diagnostic.js';

export interface ParseRequest {
  id: number;
  file: string;
  lang: Lang;
}

export type ParseReply =
  | { id: number; ok: true; text: string; data: unknown }
  | { id: number; ok: false; diagnostics: Diagnostic[] };

const port = parentPort;
if (port) {
  // One at a time, in the order asked: the main thread consumes the replies in that order.
  let chain = Promise.resolve();
  port.on('message', (req: ParseRequest) => {
    chain = chain.then(async () => {
      const text = await readProfileText(req.file, req.lang);
      const reply: ParseReply = text.ok ? { id: req.id, ok: true, text: text.text, data: fastParse(text.text) } : { id: req.id, ok: false, diagnostics: text.diagnostics };
      port.postMessage(reply);
    });
  });
}
