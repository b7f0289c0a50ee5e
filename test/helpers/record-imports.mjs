// Loaded with `node --import` by the end-to-end tests: appends every module the process resolves
// (ESM imports and CommonJS requires alike) to the file named by EOFFICE_RECORD_IMPORTS, one line
// each as `specifier\tresolved URL`, so a test can prove which libraries a command loaded.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const out = process.env.EOFFICE_RECORD_IMPORTS;
if (out) {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const result = nextResolve(specifier, context);
      appendFileSync(out, `${specifier}\t${result.url}\n`);
      return result;
    },
  });
}
