// Writes schemas/regency-profile.schema.json and src/profile/types.generated.ts from scripts/schema-src.mjs.
import { writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import schema from './schema-src.mjs';

const root = new URL('..', import.meta.url);
// Titles are for editors; without them the generator names types after their $defs keys.
function withoutTitles(node) {
  if (Array.isArray(node)) return node.map(withoutTitles);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'title') out[k] = withoutTitles(v);
    return out;
  }
  return node;
}

export async function render() {
  const json = JSON.stringify(schema, null, 2) + '\n';
  const { $id: _id, ...rest } = schema;
  const ts = await compile(withoutTitles(structuredClone(rest)), 'RegencyProfile', {
    bannerComment: '/* Generated from schemas/regency-profile.schema.json by `npm run schema`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true },
  });
  return { json, ts, validator: validatorSource(schema) };
}

/**
 * The profile validator as precompiled code (ajv standalone): compiling the schema at run time
 * cost ~130 ms of every `eoffice validate` and of every test file. The options must stay those of
 * src/profile/schema.ts, whose messages read `verbose` error data.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };
function validatorSource(schema) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const code = (standaloneCode.default ?? standaloneCode)(ajv, ajv.compile(schema));
  // ajv's ESM output still calls require() for its small runtime helpers.
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated from schemas/regency-profile.schema.json by `npm run schema` (ajv standalone). Do not edit.',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    code.replace(/^"use strict";/, ''),
    '',
  ].join('\n');
}
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { json, ts, validator } = await render();
  writeFileSync(new URL('schemas/regency-profile.schema.json', root), json);
  writeFileSync(new URL('src/profile/types.generated.ts', root), ts);
  writeFileSync(new URL('src/profile/validator.generated.ts', root), validator);
}
