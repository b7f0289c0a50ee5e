import { isNode, parseAllDocuments, parseDocument, type Document } from 'yaml';

export type StructuredFormat = 'json' | 'yaml';

export function structuredFormatOf(path: string): StructuredFormat | undefined {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return undefined;
}

/** A key both sides changed, each differently. Values are absent where the side has no such key. */
export interface KeyConflict {
  pointer: string;
  base?: unknown;
  local?: unknown;
  blueprint?: unknown;
}

export interface StructuredMergeResult {
  content: Buffer;
  /** The local value stays in `content` for each of these. */
  conflicts: KeyConflict[];
}

type Path = string[];
type Op = { kind: 'set'; path: Path } | { kind: 'delete'; path: Path };

const MISSING = Symbol('missing');
type Value = unknown;

const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const toPointer = (path: Path) => path.map((k) => '/' + k.replaceAll('~', '~0').replaceAll('/', '~1')).join('');

const child = (v: Value, k: string): Value => (isMap(v) && Object.hasOwn(v, k) ? v[k] : MISSING);

/**
 * The three-way merge by key: a key only one side changed takes that side's value (so a key the
 * recipient added survives, and one the blueprint changed is updated); a key both sides changed
 * differently is a conflict at its path. Maps are merged key by key; lists and scalars are values.
 * `base` MISSING (a tree generated before bases were stored) makes every differing key a conflict.
 */
function diff3(base: Value, local: Value, blueprint: Value, path: Path, ops: Op[], conflicts: KeyConflict[]): void {
  if (equal(local, blueprint) || equal(base, blueprint)) return;
  if (equal(base, local)) {
    ops.push(blueprint === MISSING ? { kind: 'delete', path } : { kind: 'set', path });
    return;
  }
  if (isMap(local) && isMap(blueprint) && (isMap(base) || base === MISSING)) {
    const keys = [...new Set([...Object.keys(local), ...Object.keys(blueprint), ...(isMap(base) ? Object.keys(base) : [])])];
    for (const k of keys) diff3(child(base, k), child(local, k), child(blueprint, k), [...path, k], ops, conflicts);
    return;
  }
  const shown = (v: Value) => (v === MISSING ? {} : { v });
  conflicts.push({ pointer: toPointer(path), ...rename(shown(base), 'base'), ...rename(shown(local), 'local'), ...rename(shown(blueprint), 'blueprint') });
}

const rename = (o: { v?: unknown }, key: 'base' | 'local' | 'blueprint') => ('v' in o ? { [key]: o.v } : {});

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseYaml(text: string): Document | undefined {
  if (parseAllDocuments(text).length > 1) return undefined;
  const doc = parseDocument(text);
  return doc.errors.length > 0 ? undefined : doc;
}

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node = target;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[path.at(-1)!] = structuredClone(value);
}

function deletePath(target: Record<string, unknown>, path: Path): void {
  let node = target;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
  delete node[path.at(-1)!];
}

function valueAt(v: Value, path: Path): Value {
  return path.reduce<Value>((n, k) => child(n, k), v);
}

/**
 * Merges a YAML or JSON file by key. Returns undefined when a side is not a single well-formed
 * document whose top is a mapping (the caller falls back to the text merge). Nothing changes the
 * recipient's bytes unless the blueprint changed a key: their comments and layout stay (YAML is
 * edited through its document, so comments survive even then).
 */
export function mergeStructured(format: StructuredFormat, base: string | undefined, local: string, blueprint: string): StructuredMergeResult | undefined {
  const ops: Op[] = [];
  const conflicts: KeyConflict[] = [];
  if (format === 'json') {
    const [b, l, t] = [base === undefined ? { ok: true as const, value: MISSING } : parseJson(base), parseJson(local), parseJson(blueprint)];
    if (!b.ok || !l.ok || !t.ok || !isMap(l.value) || !isMap(t.value)) return undefined;
    diff3(b.value, l.value, t.value, [], ops, conflicts);
    if (ops.length === 0) return { content: Buffer.from(local), conflicts };
    const merged = structuredClone(l.value);
    for (const op of ops) {
      if (op.kind === 'set') setPath(merged, op.path, valueAt(t.value, op.path));
      else deletePath(merged, op.path);
    }
    const indent = /^[{[]\r?\n(\s+)/.exec(local)?.[1] ?? /^[{[]\r?\n(\s+)/.exec(blueprint)?.[1] ?? '  ';
    return { content: Buffer.from(JSON.stringify(merged, null, indent) + (local.endsWith('\n') ? '\n' : '')), conflicts };
  }
  const [bd, ld, td] = [base === undefined ? undefined : parseYaml(base), parseYaml(local), parseYaml(blueprint)];
  if ((base !== undefined && !bd) || !ld || !td) return undefined;
  const [b, l, t] = [bd ? bd.toJS() : MISSING, ld.toJS() as unknown, td.toJS() as unknown];
  if (!isMap(l) || !isMap(t)) return undefined;
  diff3(b, l, t, [], ops, conflicts);
  if (ops.length === 0) return { content: Buffer.from(local), conflicts };
  for (const op of ops) {
    if (op.kind === 'delete') ld.deleteIn(op.path);
    else {
      // The blueprint's node, not only its value: its comments and style come along.
      const node = td.getIn(op.path, true);
      ld.setIn(op.path, isNode(node) ? node.clone() : node);
    }
  }
  return { content: Buffer.from(ld.toString({ lineWidth: 0, flowCollectionPadding: false })), conflicts };
}
