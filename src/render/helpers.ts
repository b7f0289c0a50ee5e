/**
 * The Handlebars environment blueprints render in: an isolated instance (never the global
 * `Handlebars`, so nothing another module registers leaks in or out), strict compilation, a fixed
 * set of helpers, and an escaping policy chosen by the output file's type.
 *
 * Strict mode catches a missing `{{value}}`, but Handlebars hands a missing helper *argument* to the
 * helper as `undefined` without complaint; so every output helper below checks its arguments and
 * throws a HelperError naming itself and the place in the template. The conditions (`eq`, `and`,
 * `or`, `not`, `get`) accept `undefined`, because testing an optional field is their job.
 * Template errors are TemplateErrors (template-error.ts) with a 1-based line and column.
 */
import Handlebars from 'handlebars';
import { formatLetterNumber, parseLetterNumberTemplate, toRoman } from '../domain/letter-number.js';
import { groupNip } from '../domain/nip.js';
import {
  PASAL_44,
  documentKindOf,
  DOCUMENT_KIND_NAMES,
  formatSignatureBlock,
  signatureBlock,
  type PositionHolder,
  type SignaturePolicy,
  type Signer,
} from '../domain/signature-block.js';
import { bulanRomawi, tanggal, tanggalPanjang, tanggalTerbilang } from '../domain/tanggal.js';
import { terbilang, terbilangRupiah, type TextCase } from '../domain/terbilang.js';
import { SQL_DIALECTS, sqlLiteral, type SqlDialect } from '../seed/sql.js';
import { envValue, jsonValue, shellWord, yamlScalar } from './escape.js';
import { takeParsed } from './parsed.js';
import { HelperError, toTemplateError, type TemplateLocation } from './template-error.js';

export type HandlebarsInstance = typeof Handlebars;

export interface RendererOptions {
  /** The signature rules for `ttd` (defaults to Pasal 44 with the unconfirmed points at their defaults). */
  signaturePolicy?: SignaturePolicy;
  /** Applied to every helper error message (the renderer uses it to hide generated secrets). */
  redact?: (text: string) => string;
}

interface CallOptions {
  name: string;
  hash: Record<string, unknown>;
  loc?: { start: { line: number; column: number } };
}

type Impl = (args: unknown[], hash: Record<string, unknown>, fail: (detail: string) => never) => unknown;

function describe(value: unknown): string {
  if (value === undefined) return 'undefined (a missing field?)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date object';
  if (value instanceof Handlebars.SafeString) return 'a SafeString';
  // Whole, never cut short: a shortened secret would escape the redaction of error messages.
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

type Define = (name: string, arity: { min: number; max: number }, hashKeys: readonly string[], impl: Impl) => void;

/**
 * Returns `define(name, arity, hashKeys, impl)`, which registers a helper on `hb` that checks its
 * argument count and hash keys, and turns anything `impl` throws into a HelperError with the
 * helper's name and place (its message passed through `redact`).
 */
function definer(hb: HandlebarsInstance, redact: (text: string) => string): Define {
  return (name, arity, hashKeys, impl) => {
    hb.registerHelper(name, function (this: unknown, ...all: unknown[]) {
      const options = all.pop() as CallOptions;
      // Where the call is, worked out only for an error: helpers run thousands of times per generation.
      const location = (): TemplateLocation | undefined => (options.loc ? { line: options.loc.start.line, column: options.loc.start.column + 1 } : undefined);
      const fail = (detail: string): never => {
        throw new HelperError(name, redact(detail), location());
      };
      if (all.length < arity.min || all.length > arity.max) {
        const wanted = arity.min === arity.max ? `${arity.min}` : arity.max === Infinity ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`;
        fail(`expected ${wanted} argument${arity.max === 1 ? '' : 's'}, got ${all.length}`);
      }
      for (const key in options.hash) {
        if (hashKeys.includes(key)) continue;
        const unknown = Object.keys(options.hash).filter((k) => !hashKeys.includes(k));
        fail(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}${hashKeys.length ? ` (known: ${hashKeys.join(', ')})` : ''}`);
      }
      try {
        return impl(all, options.hash, fail);
      } catch (err) {
        if (err instanceof HelperError) throw err;
        throw new HelperError(name, redact(err instanceof Error ? err.message : String(err)), location());
      }
    });
  };
}

type Fail = (detail: string) => never;

function str(value: unknown, fail: Fail, what = 'a string'): string {
  return typeof value === 'string' ? value : fail(`expected ${what}, got ${describe(value)}`);
}

function integer(value: unknown, fail: Fail, what = 'a whole number'): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return fail(`expected ${what}, got ${describe(value)}`);
}

function optionalBoolean(value: unknown, fail: Fail, key: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return fail(`${key} must be true or false, got ${describe(value)}`);
}

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Handlebars' own idea of false in `{{#if}}`: undefined, null, false, '', 0, NaN and []. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

const TEXT_CASES: readonly TextCase[] = ['lower', 'upper', 'title', 'sentence'];

function signer(value: unknown, fail: Fail): Signer {
  if (!plainObject(value)) return fail(`expected a signatory, got ${describe(value)}`);
  for (const key of ['name', 'position', 'role'] as const) {
    if (typeof value[key] !== 'string') fail(`the signatory has no ${key} (expected a signatory from the profile)`);
  }
  return value as unknown as Signer;
}

function holder(value: unknown, fail: Fail, key: string): PositionHolder | undefined {
  if (value === undefined) return undefined;
  if (!plainObject(value) || typeof value.position !== 'string') return fail(`${key} must be a signatory, got ${describe(value)}`);
  return value as unknown as PositionHolder;
}

/**
 * Registers the helpers on `hb`, which must be an isolated instance from `Handlebars.create()`.
 *
 * Context encoders: `yaml`, `json`, `shell`, `env`, `sql` (the literal of src/seed/sql.ts).
 * Domain: `tanggal`, `tanggalPanjang`, `tanggalTerbilang`, `bulanRomawi`, `terbilang`, `romawi`,
 * `nip`, `ttd`. Text: `upper`, `lower`, `padStart`, `join`. Conditions: `eq`, `and`, `or`, `not`,
 * and `get` for an optional nested field.
 */
export function registerHelpers(hb: HandlebarsInstance, options: RendererOptions = {}): void {
  if (hb === Handlebars) {
    throw new Error('registerHelpers: refusing to touch the global Handlebars; pass an instance from Handlebars.create()');
  }
  const policy = options.signaturePolicy ?? PASAL_44;
  const define = definer(hb, options.redact ?? ((text) => text));

  // Context encoders. Only `json` returns a SafeString: its output is meant for a <script> element
  // of an HTML page (where HTML-escaping the quotes would break it, and `</script` is already
  // escaped). `yaml`, `shell` and `env` return plain text: outside .html files nothing is escaped
  // anyway (noEscape), and inside an HTML page (a guide quoting a command) the text must still be
  // HTML-escaped.
  define('yaml', { min: 1, max: 1 }, [], ([v], _h, fail) => (v === undefined ? fail(`expected a value, got ${describe(v)}`) : yamlScalar(v)));
  define('json', { min: 1, max: 1 }, ['indent'], ([v], hash, fail) => {
    if (v === undefined) fail(`expected a value, got ${describe(v)}`);
    const indent = hash.indent === undefined ? undefined : integer(hash.indent, fail, 'indent as a whole number');
    return new Handlebars.SafeString(jsonValue(v, indent));
  });
  define('shell', { min: 1, max: 1 }, [], ([v]) => shellWord(v));
  define('env', { min: 1, max: 1 }, [], ([v]) => envValue(v));
  // `{{sql value "postgresql"}}`: the seed's own literal encoder (src/seed/sql.ts), not a copy.
  define('sql', { min: 2, max: 2 }, [], ([v, dialect], _h, fail) => {
    const d = str(dialect, fail, `the dialect (${SQL_DIALECTS.join(', ')})`);
    if (!(SQL_DIALECTS as readonly string[]).includes(d)) fail(`unknown dialect "${d}" (${SQL_DIALECTS.join(', ')})`);
    if (v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isSafeInteger(v))) {
      fail(`expected a string, a whole number or null, got ${describe(v)}`);
    }
    return new Handlebars.SafeString(sqlLiteral(v as string | number | null, d as SqlDialect));
  });

  // Dates (ISO `YYYY-MM-DD` strings), numbers in words, roman numerals, NIP.
  define('tanggal', { min: 1, max: 1 }, [], ([v], _h, fail) => tanggal(str(v, fail, 'a date "YYYY-MM-DD"')));
  define('tanggalPanjang', { min: 1, max: 1 }, [], ([v], _h, fail) => tanggalPanjang(str(v, fail, 'a date "YYYY-MM-DD"')));
  define('tanggalTerbilang', { min: 1, max: 1 }, ['opening'], ([v], hash, fail) => {
    const opening = optionalBoolean(hash.opening, fail, 'opening');
    return tanggalTerbilang(str(v, fail, 'a date "YYYY-MM-DD"'), opening === undefined ? {} : { opening });
  });
  define('bulanRomawi', { min: 1, max: 1 }, [], ([v], _h, fail) =>
    typeof v === 'string' && /^\d{4}-/.test(v) ? bulanRomawi(v) : bulanRomawi(integer(v, fail, 'a month number or a date "YYYY-MM-DD"')),
  );
  define('terbilang', { min: 1, max: 1 }, ['rupiah', 'case'], ([v], hash, fail) => {
    const n = typeof v === 'bigint' ? v : integer(v, fail);
    const rupiah = optionalBoolean(hash.rupiah, fail, 'rupiah');
    const textCase = hash.case === undefined ? 'lower' : str(hash.case, fail, 'case as a string');
    if (!(TEXT_CASES as readonly string[]).includes(textCase)) fail(`case must be one of ${TEXT_CASES.join(', ')}, got "${textCase}"`);
    const opts = { case: textCase as TextCase };
    return rupiah ? terbilangRupiah(n, opts) : terbilang(n, opts);
  });
  // A letter number as the applications issue it: `{{nomorSurat pola klasifikasi="000.1" nomor=15
  // unit="DISKOMINFO" tanggal="2026-02-07"}}` (or `tahun=2026 bulan=2` in place of `tanggal`; a
  // village's number takes `desa="32.11.01.2001"`, whose last four digits are `{kodeDesa}`).
  define('nomorSurat', { min: 1, max: 1 }, ['klasifikasi', 'nomor', 'unit', 'desa', 'tanggal', 'tahun', 'bulan', 'padding'], ([pola], h, fail) => {
    const template = str(pola, fail, 'a letter-number pattern such as "{klasifikasi}/{nomor}/{unit}/{tahun}"');
    const { unknown, unbalanced } = parseLetterNumberTemplate(template);
    if (unknown.length > 0 || unbalanced) fail(`the pattern ${JSON.stringify(template)} has ${unknown.length > 0 ? `unknown tokens ${unknown.map((u) => `{${u}}`).join(', ')}` : 'unbalanced braces'}`);
    let tahun: number;
    let bulan: number;
    if (h.tanggal !== undefined) {
      if (h.tahun !== undefined || h.bulan !== undefined) fail('give either tanggal or tahun and bulan, not both');
      const date = str(h.tanggal, fail, 'a date "YYYY-MM-DD"');
      const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
      if (!m) return fail(`expected a date "YYYY-MM-DD", got ${describe(date)}`);
      tahun = Number(m[1]);
      bulan = Number(m[2]);
    } else {
      tahun = integer(h.tahun, fail, 'tanggal="YYYY-MM-DD", or tahun as a whole number');
      bulan = integer(h.bulan, fail, 'bulan as a whole number from 1 to 12');
    }
    if (bulan < 1 || bulan > 12) fail(`bulan must be 1 to 12, got ${bulan}`);
    const uses = (token: string) => template.includes(`{${token}}`);
    let kodeDesa: string | undefined;
    if (h.desa !== undefined) {
      const desa = str(h.desa, fail, 'a village code "PP.KK.CC.NNNN"');
      if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(desa)) fail(`expected a village code "PP.KK.CC.NNNN", got ${describe(desa)}`);
      kodeDesa = desa.slice(-4);
    } else if (uses('kodeDesa')) {
      fail('the pattern has {kodeDesa}: give desa="PP.KK.CC.NNNN"');
    }
    if (h.unit === undefined && uses('unit')) fail('the pattern has {unit}: give unit=');
    return formatLetterNumber(template, {
      klasifikasi: str(h.klasifikasi, fail, 'klasifikasi, a classification code such as "000.1"'),
      nomor: integer(h.nomor, fail, 'nomor, the sequence number'),
      unit: h.unit === undefined ? '' : str(h.unit, fail, 'unit, the unit code'),
      tahun,
      bulan,
      ...(kodeDesa !== undefined ? { kodeDesa } : {}),
      ...(h.padding !== undefined ? { padding: integer(h.padding, fail, 'padding, a whole number from 0 to 6') } : {}),
    });
  });
  define('romawi', { min: 1, max: 1 }, [], ([v], _h, fail) => toRoman(integer(v, fail, 'a whole number from 1 to 3999')));
  define('nip', { min: 1, max: 1 }, [], ([v], _h, fail) => {
    const s = str(v, fail, 'an 18-digit NIP or NI PPPK as a string');
    if (!/^\d{18}$/.test(s)) fail(`expected 18 digits, got ${describe(s)}`);
    return groupNip(s);
  });

  // Signature block: `{{ttd signatory kind="naskah-dinas"}}`; principal and via come from the hash
  // or from the model's resolved `signatory.principal` / `signatory.via`.
  define('ttd', { min: 1, max: 1 }, ['kind', 'gap', 'delegation', 'principal', 'via', 'nameCase', 'rank'], ([v], hash, fail) => {
    const s = signer(v, fail);
    const kindName = str(hash.kind, fail, `kind= (${DOCUMENT_KIND_NAMES.join(', ')})`);
    const kind = documentKindOf(kindName) ?? fail(`unknown kind "${kindName}" (${DOCUMENT_KIND_NAMES.join(', ')})`);
    let delegation: 'a.n.' | 'u.b.' | 'none' | undefined;
    if (hash.delegation === false || hash.delegation === 'none') delegation = 'none';
    else if (hash.delegation === 'a.n.' || hash.delegation === 'u.b.') delegation = hash.delegation;
    else if (hash.delegation !== undefined && hash.delegation !== true) fail(`delegation must be true, false, "a.n.", "u.b." or "none", got ${describe(hash.delegation)}`);
    const own = v as Record<string, unknown>;
    const principal = holder(hash.principal ?? own.principal, fail, 'principal');
    const via = holder(hash.via ?? own.via, fail, 'via');
    const nameCase = (hash.nameCase ?? policy.nameCase) as SignaturePolicy['nameCase'];
    if (nameCase !== 'as-is' && nameCase !== 'upper') fail(`nameCase must be "as-is" or "upper", got ${describe(nameCase)}`);
    const rank = (hash.rank ?? policy.rank) as SignaturePolicy['rank'];
    if (rank !== 'pangkat' && rank !== 'pangkat-golongan' && rank !== 'none') fail(`rank must be "pangkat", "pangkat-golongan" or "none", got ${describe(rank)}`);
    const gap = hash.gap === undefined ? undefined : integer(hash.gap, fail, 'gap as a whole number');
    const block = signatureBlock(
      { signatory: s, kind, ...(delegation ? { delegation } : {}), ...(principal ? { principal } : {}), ...(via ? { via } : {}) },
      { ...policy, nameCase, rank },
    );
    return formatSignatureBlock(block, gap === undefined ? {} : { gap });
  });

  // Text.
  define('upper', { min: 1, max: 1 }, [], ([v], _h, fail) => str(v, fail).toUpperCase());
  define('lower', { min: 1, max: 1 }, [], ([v], _h, fail) => str(v, fail).toLowerCase());
  define('padStart', { min: 2, max: 3 }, [], ([v, length, fill], _h, fail) => {
    const text = typeof v === 'number' && Number.isInteger(v) ? String(v) : str(v, fail, 'a string or a whole number');
    const width = integer(length, fail, 'the width as a whole number');
    if (width < 0 || width > 100) fail(`the width must be from 0 to 100, got ${width}`);
    const pad = fill === undefined ? ' ' : str(fill, fail, 'the fill as a string');
    if (pad === '') fail('the fill must not be empty');
    return text.padStart(width, pad);
  });
  define('concat', { min: 2, max: Infinity }, [], (parts, _h, fail) =>
    parts.map((part, i) => (typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part)) ? String(part) : fail(`argument ${i + 1} is ${describe(part)}, not a string or number`))).join(''));
  define('join', { min: 1, max: 2 }, [], ([list, sep], _h, fail) => {
    if (!Array.isArray(list)) fail(`expected a list, got ${describe(list)}`);
    const separator = sep === undefined ? ', ' : str(sep, fail, 'the separator as a string');
    return (list as unknown[])
      .map((item, i) => (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)) ? String(item) : fail(`item ${i} is ${describe(item)}, not a string or number`)))
      .join(separator);
  });

  // Conditions, for `{{#if (eq a "b")}}` and blueprint `when:`. `eq` is strict equality between
  // values of one type; comparing a number with a string (a YAML `1.0` against `"1.0"`), or objects
  // by identity, is refused as a likely mistake. `undefined`/`null` compare unequal to anything else.
  define('eq', { min: 2, max: 2 }, [], ([a, b], _h, fail) => {
    for (const v of [a, b]) if (typeof v === 'object' && v !== null) fail(`cannot compare ${describe(v)}; compare a field of it`);
    if (a !== undefined && a !== null && b !== undefined && b !== null && typeof a !== typeof b) {
      fail(`compares ${describe(a)} with ${describe(b)}: different types are never equal`);
    }
    return a === b;
  });
  // `(get deployment "database.engine")`: an optional nested field, undefined when any step is missing
  // (a strict template would fail on `deployment.database.engine` when `database` is absent, and
  // Handlebars evaluates every argument of `and` before calling it, so it cannot guard the path).
  define('get', { min: 2, max: 2 }, [], ([object, path], _h, fail) => {
    const steps = str(path, fail, 'the path as a string ("a.b.c")').split('.');
    if (steps.some((step) => step === '')) fail(`the path "${String(path)}" has an empty step`);
    let node: unknown = object;
    for (const step of steps) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
      node = (node as Record<string, unknown>)[step];
    }
    return node;
  });
  // `(includes deployment.targets "compose")`: membership in a list of strings or numbers; an absent
  // list (an optional field) contains nothing.
  define('includes', { min: 2, max: 2 }, [], ([list, value], _h, fail) => {
    if (list === undefined || list === null) return false;
    if (!Array.isArray(list)) fail(`expected a list, got ${describe(list)}`);
    if (typeof value !== 'string' && typeof value !== 'number') fail(`expected a string or number to look for, got ${describe(value)}`);
    return (list as unknown[]).includes(value);
  });
  define('and', { min: 2, max: Infinity }, [], (args) => args.every(truthy));
  define('or', { min: 2, max: Infinity }, [], (args) => args.some(truthy));
  define('not', { min: 1, max: 1 }, [], ([v]) => !truthy(v));
}

/** Looks up a generated secret by name; throws when the file may not use it. */
export type SecretLookup = (name: string) => string;

/** An isolated Handlebars instance with the helpers, and strict compilation bound to it. */
export interface Renderer {
  /** The instance (from `Handlebars.create()`), with every helper registered. */
  readonly handlebars: HandlebarsInstance;
  /** {@link compileStrict} on this instance. */
  compile(source: string, name: string): RenderFunction;
  /** {@link checkTemplate} on this instance. */
  check(source: string, name: string): void;
  /**
   * Runs `render` with `{{secret "name"}}` answered by `lookup`; outside it the helper fails.
   * Secret values met this way are masked (`***`) in helper error messages from then on (the value
   * as it is: one transformed by another helper first, say upper-cased, is not recognised).
   */
  withSecrets<T>(lookup: SecretLookup, render: () => T): T;
}

/**
 * An isolated Handlebars instance with the helpers registered, plus `secret`: generated secrets,
 * available only inside {@link Renderer.withSecrets} and never shown in an error message.
 */
export function createRenderer(options: Omit<RendererOptions, 'redact'> = {}): Renderer {
  const hb = Handlebars.create();
  const revealed = new Set<string>();
  const redact = (text: string) => {
    let out = text;
    for (const value of revealed) out = out.split(value).join('***');
    return out;
  };
  registerHelpers(hb, { ...options, redact });
  let lookup: SecretLookup | undefined;
  definer(hb, redact)('secret', { min: 1, max: 1 }, [], ([name], _h, fail) => {
    const key = str(name, fail, 'the name of a secret');
    if (!lookup) return fail(`secret "${key}" asked for outside a render that provides secrets`);
    const value = lookup(key);
    if (typeof value !== 'string' || value === '') return fail(`secret "${key}" has no value`);
    revealed.add(value);
    return value;
  });
  return {
    handlebars: hb,
    compile: (source, name) => compileStrict(hb, source, name),
    check: (source, name) => checkTemplate(hb, source, name),
    withSecrets<T>(next: SecretLookup, render: () => T): T {
      const previous = lookup;
      lookup = next;
      try {
        return render();
      } finally {
        lookup = previous;
      }
    },
  };
}

/**
 * Whether output of this type is HTML-escaped. Only HTML pages are (`.html`, `.htm`, with or without
 * a trailing `.hbs`). Everywhere else — YAML, JSON, SQL, shell, .env, nginx, Markdown, source code —
 * HTML escaping would corrupt values (`&` → `&amp;` in a password or a URL) while protecting nothing,
 * because each of those formats has its own quoting; there the templates use the context helpers
 * (`yaml`, `json`, `shell`, `env`, `sql`) explicitly, and `noEscape` is on.
 */
export function escapesHtml(outputPath: string): boolean {
  return /\.html?$/i.test(outputPath.replace(/\.hbs$/i, ''));
}

export type RenderFunction = (context: unknown) => string;

/** Compiled specs by escaping and helper names (see compileStrict), then by template text. */
const specCache = new Map<string, Map<string, TemplateSpecification>>();

/**
 * The options for an instance's current helpers: every helper is known at compile time, so a
 * misspelt helper is an error, not a missing value. Built again only when the helper names change.
 */
const knownHelpersOf = new WeakMap<HandlebarsInstance, { names: string; knownHelpers: Record<string, true> }>();

function compileOptions(hb: HandlebarsInstance, name: string): CompileOptions & { helperNames: string } {
  const names = Object.keys(hb.helpers);
  const joined = names.join(',');
  let known = knownHelpersOf.get(hb);
  if (known?.names !== joined) knownHelpersOf.set(hb, (known = { names: joined, knownHelpers: Object.fromEntries(names.map((k) => [k, true] as const)) }));
  return { strict: true, noEscape: !escapesHtml(name), knownHelpers: known.knownHelpers, knownHelpersOnly: true, helperNames: joined };
}

/**
 * Compiles `source` strictly (a missing value is an error) with the escaping policy of `name`, the
 * template's path (its type decides the escaping). Syntax errors and unknown helpers are thrown here,
 * at once (Handlebars alone would wait for the first render); the returned function throws a
 * TemplateError that names the template, line and column.
 */
export function compileStrict(hb: HandlebarsInstance, source: string, name: string): RenderFunction {
  let template: HandlebarsTemplateDelegate;
  try {
    const { helperNames, ...options } = compileOptions(hb, name);
    // A compiled template (its spec) names helpers but holds none, so one spec serves every
    // Handlebars instance with the same helper names: compile each template once per process,
    // not once per regency of a fleet run.
    const setKey = `${options.noEscape ? 1 : 0}\0${helperNames}`;
    let specs = specCache.get(setKey);
    if (!specs) specCache.set(setKey, (specs = new Map()));
    let spec = specs.get(source);
    if (!spec) {
      // One compilation, done now: `hb.compile` would compile again, lazily, at the first render.
      spec = new Function(`return ${hb.precompile(takeParsed(source) ?? source, options)}`)() as TemplateSpecification;
      specs.set(source, spec);
    }
    template = hb.template(spec);
  } catch (err) {
    throw toTemplateError(name, err);
  }
  return (context: unknown) => {
    try {
      return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (err) {
      throw toTemplateError(name, err, source);
    }
  };
}

/** Compiles without rendering, to report syntax errors and unknown helpers when a blueprint is loaded. */
export function checkTemplate(hb: HandlebarsInstance, source: string, name: string): void {
  try {
    const { helperNames: _, ...options } = compileOptions(hb, name);
    hb.precompile(source, options);
  } catch (err) {
    throw toTemplateError(name, err);
  }
}
