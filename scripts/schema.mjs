// Writes schemas/regency-profile.schema.json and src/profile/types.generated.ts from scripts/schema-src.mjs.
import { writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';
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
  return { json, ts };
}
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { json, ts } = await render();
  writeFileSync(new URL('schemas/regency-profile.schema.json', root), json);
  writeFileSync(new URL('src/profile/types.generated.ts', root), ts);
}
