import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import type { Lang } from '../i18n/lang.js';
import { fill } from '../i18n/lang.js';
import type { RegencyProfile } from './types.generated.js';
import { closest } from '../util/closest.js';
import { validate as precompiled } from './validator.generated.js';

export const PROFILE_SCHEMA_URL = new URL('../../schemas/regency-profile.schema.json', import.meta.url);

export interface SchemaProblem {
  /** JSON pointer of the value the problem is about. */
  path: string;
  /** Point at the key rather than the value (an unknown property). */
  atKey: boolean;
  message: string;
  hint: string;
}

let validator: ValidateFunction<RegencyProfile> | undefined;
let schemaJson: Record<string, unknown> | undefined;

export function profileSchema(): Record<string, unknown> {
  schemaJson ??= JSON.parse(readFileSync(PROFILE_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
  return schemaJson;
}

/** The profile schema's validator, precompiled by `npm run schema` (see scripts/schema.mjs). */
function compiled(): ValidateFunction<RegencyProfile> {
  validator ??= precompiled as unknown as ValidateFunction<RegencyProfile>;
  return validator;
}

/** Checks the profile against the JSON Schema and says each problem in the user's language. */
export function checkSchema(data: unknown, lang: Lang): SchemaProblem[] {
  const validate = compiled();
  if (validate(data)) return [];
  return relevant(validate.errors ?? []).map((e) => describe(e, lang));
}

const otherValidators = new WeakMap<object, ValidateFunction>();

/** The same checks and messages for another JSON Schema (a blueprint manifest's, for one). */
export function checkJsonSchema(schema: object, data: unknown, lang: Lang): SchemaProblem[] {
  let validate = otherValidators.get(schema);
  if (!validate) {
    // Loaded here, not at the top: the profile's own validator is precompiled and needs no ajv.
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true }).compile(schema);
    otherValidators.set(schema, validate);
  }
  if (validate(data)) return [];
  return relevant(validate.errors ?? []).map((e) => describe(e, lang));
}

/**
 * Drops the noise of `oneOf`: the branch that failed only because the value is of the other kind
 * (a list where a mapping is expected, or the reverse) says nothing useful when the other branch
 * has something precise to say.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  if (oneOfPaths.size === 0) return dedupe(errors);
  const kept = errors.filter((e) => {
    if (!oneOfPaths.has(e.instancePath)) return true;
    if (e.keyword !== 'type' && e.keyword !== 'oneOf') return true;
    const others = errors.some(
      (o) => o !== e && o.keyword !== 'type' && o.keyword !== 'oneOf' && o.instancePath.startsWith(e.instancePath),
    );
    if (others) return false;
    // Nothing else to say: keep a single message for the path (the oneOf one).
    return e.keyword === 'oneOf';
  });
  return dedupe(kept);
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Msg = { id: [string, string]; en: [string, string] };
const M: Record<string, Msg> = {
  required: {
    id: ['kolom wajib `{missing}` tidak ada', 'tambahkan `{missing}:` pada bagian ini'],
    en: ['required field `{missing}` is missing', 'add `{missing}:` to this section'],
  },
  additionalProperties: {
    id: ['kolom `{extra}` tidak dikenal', '{suggest}'],
    en: ['unknown field `{extra}`', '{suggest}'],
  },
  enum: {
    id: ['nilai `{value}` tidak diizinkan', 'pilih salah satu: {allowed}'],
    en: ['value `{value}` is not allowed', 'choose one of: {allowed}'],
  },
  const: {
    id: ['nilai harus `{allowed}`', 'tulis `{allowed}`'],
    en: ['the value must be `{allowed}`', 'write `{allowed}`'],
  },
  type: {
    id: ['jenis nilai salah: seharusnya {expected}', 'nilai ini seharusnya {expected}'],
    en: ['wrong kind of value: expected {expected}', 'this value should be {expected}'],
  },
  typeQuote: {
    id: ['jenis nilai salah: seharusnya {expected}, bukan {actual} (`{value}`)', 'tanpa tanda kutip YAML membacanya sebagai {actual} (dan membuang nol di belakang); beri tanda kutip: "{value}"'],
    en: ['wrong kind of value: expected {expected}, not {actual} (`{value}`)', 'unquoted, YAML reads it as {actual} (and drops trailing zeros); put it in quotes: "{value}"'],
  },
  pattern: {
    id: ['format `{value}` tidak sesuai', 'format yang diharapkan: {pattern}'],
    en: ['`{value}` is not in the expected format', 'expected format: {pattern}'],
  },
  minItems: {
    id: ['daftar ini minimal berisi {limit} butir', 'tambahkan butir ke daftar'],
    en: ['this list needs at least {limit} item(s)', 'add items to the list'],
  },
  minProperties: {
    id: ['bagian ini tidak boleh kosong', 'isi minimal satu kolom'],
    en: ['this section must not be empty', 'fill in at least one field'],
  },
  minLength: {
    id: ['nilai tidak boleh kosong', 'isi nilai ini'],
    en: ['the value must not be empty', 'fill in this value'],
  },
  minimum: { id: ['nilai terlalu kecil (minimal {limit})', 'gunakan nilai ≥ {limit}'], en: ['value too small (minimum {limit})', 'use a value ≥ {limit}'] },
  maximum: { id: ['nilai terlalu besar (maksimal {limit})', 'gunakan nilai ≤ {limit}'], en: ['value too large (maximum {limit})', 'use a value ≤ {limit}'] },
  uniqueItems: {
    id: ['daftar berisi butir ganda (butir {i} dan {j})', 'hapus butir yang ganda'],
    en: ['the list has duplicate items ({i} and {j})', 'remove the duplicate'],
  },
  oneOf: {
    id: ['bentuk bagian ini tidak dikenali', 'tulis daftar desa, atau peta dengan `from: kemendagri`'],
    en: ['the shape of this section is not recognised', 'write a list of villages, or a mapping with `from: kemendagri`'],
  },
  other: { id: ['nilai tidak sesuai skema ({keyword})', 'lihat skema di schemas/'], en: ['value does not match the schema ({keyword})', 'see the schema in schemas/'] },
};

const TYPE_NAMES: Record<string, { id: string; en: string }> = {
  string: { id: 'teks', en: 'text' },
  object: { id: 'peta (kunci: nilai)', en: 'a mapping (key: value)' },
  array: { id: 'daftar', en: 'a list' },
  integer: { id: 'bilangan bulat', en: 'a whole number' },
  number: { id: 'angka', en: 'a number' },
  boolean: { id: 'true atau false', en: 'true or false' },
};

/** Human-readable names for the schema's patterns, so a hint shows an example, not a regex. */
const PATTERN_EXAMPLES: Record<string, { id: string; en: string }> = {
  '^\\d{2}\\.\\d{2}$': { id: 'PP.KK, misalnya 32.11', en: 'PP.KK, e.g. 32.11' },
  '^\\d{2}\\.\\d{2}\\.\\d{2}$': { id: 'PP.KK.CC, misalnya 32.11.01', en: 'PP.KK.CC, e.g. 32.11.01' },
  '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$': { id: 'PP.KK.CC.NNNN, misalnya 32.11.01.2001', en: 'PP.KK.CC.NNNN, e.g. 32.11.01.2001' },
  '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$': { id: 'kode wilayah, misalnya 32.11.01', en: 'a region code, e.g. 32.11.01' },
  '^[a-z0-9][a-z0-9-]*$': { id: 'huruf kecil, angka dan tanda minus, misalnya dinas-kominfo', en: 'lower case, digits and dashes, e.g. dinas-kominfo' },
  '^\\d{5}$': { id: 'lima angka, misalnya 45311', en: 'five digits, e.g. 45311' },
  '^\\d{4}-\\d{2}-\\d{2}$': { id: 'tanggal YYYY-MM-DD, misalnya 2026-03-17', en: 'a date YYYY-MM-DD, e.g. 2026-03-17' },
  '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$': { id: 'versi semver, misalnya 1.2.0', en: 'a semver version, e.g. 1.2.0' },
  '^\\d\\.\\d{2}\\.\\d\\.\\d{2}\\.\\d\\.\\d{2}\\.\\d{2}\\.\\d{4}$': { id: 'kode SIPD, misalnya 1.02.0.00.0.00.01.0000', en: 'a SIPD code, e.g. 1.02.0.00.0.00.01.0000' },
};

function short(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  // By code point, so an emoji is never cut in half (a lone surrogate breaks XML and terminals).
  const chars = Array.from(s);
  return chars.length > 60 ? chars.slice(0, 57).join('') + '…' : s;
}

function describe(e: ErrorObject, lang: Lang): SchemaProblem {
  const p = e.params as Record<string, unknown>;
  let msg = M[e.keyword] ?? M.other!;
  let params: Record<string, unknown> = { keyword: e.keyword };
  let path = e.instancePath;
  let atKey = false;
  switch (e.keyword) {
    case 'required':
      params = { missing: p.missingProperty };
      break;
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      path = `${e.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      atKey = true;
      // schemaPath is relative to the $ref'd definition, so it cannot find the parent; verbose errors
      // carry the parent schema itself.
      const parent = e.parentSchema as Record<string, unknown> | undefined;
      const known = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = closest(extra, known);
      const suggest = guess
        ? lang === 'id' ? `mungkin maksudnya \`${guess}\`?` : `did you mean \`${guess}\`?`
        : lang === 'id' ? `kolom yang dikenal: ${known.join(', ')}` : `known fields: ${known.join(', ')}`;
      params = { extra, suggest };
      break;
    }
    case 'enum':
      params = { value: short(e.data), allowed: (p.allowedValues as unknown[]).map(String).join(', ') };
      break;
    case 'const':
      params = { allowed: String(p.allowedValue) };
      break;
    case 'type': {
      const types = Array.isArray(p.type) ? p.type.map(String) : String(p.type).split(',');
      params = { expected: types.map((t) => TYPE_NAMES[t]?.[lang] ?? t).join(lang === 'id' ? ' atau ' : ' or ') };
      // `code: 32.11` is a number to YAML: the fix is quotes, and the message should say so.
      const actual = typeof e.data === 'number' ? 'number' : typeof e.data === 'boolean' ? 'boolean' : undefined;
      if (types.includes('string') && actual) {
        msg = M.typeQuote!;
        params = { ...params, actual: TYPE_NAMES[actual]![lang], value: short(e.data) };
      }
      break;
    }
    case 'pattern': {
      const pattern = String(p.pattern);
      params = { value: short(e.data), pattern: PATTERN_EXAMPLES[pattern]?.[lang] ?? pattern };
      break;
    }
    case 'minItems':
    case 'minimum':
    case 'maximum':
      params = { limit: p.limit };
      break;
    case 'uniqueItems':
      params = { i: Number(p.j), j: Number(p.i) };
      break;
  }
  const [message, hint] = msg[lang];
  return { path, atKey, message: fill(message, params), hint: fill(hint, params) };
}
