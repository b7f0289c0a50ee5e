import Handlebars from 'handlebars';

/** Where in a template something went wrong: 1-based line and column (Handlebars counts columns from 0). */
export interface TemplateLocation {
  line: number;
  column?: number;
}

/** A helper refused its arguments. Carries the helper's name and the call's place in the template. */
export class HelperError extends Error {
  override readonly name = 'HelperError';
  constructor(
    readonly helper: string,
    detail: string,
    readonly location?: TemplateLocation,
  ) {
    super(`${helper}: ${detail}`);
  }
}

function where(location: TemplateLocation | undefined): string {
  if (!location) return '';
  return location.column === undefined ? `:${location.line}` : `:${location.line}:${location.column}`;
}

/**
 * Rendering a template failed: a missing value in strict mode, a helper refusing its argument, a
 * syntax error. The message starts with `template:line:column:` when the place is known.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly template: string,
    readonly detail: string,
    readonly location?: TemplateLocation,
    options?: { cause?: unknown },
  ) {
    super(`${template}${where(location)}: ${detail}`, options);
  }
}

interface PathNode {
  type: 'PathExpression';
  original: string;
  parts: string[];
  loc?: { start: { line: number; column: number } };
}

/** Every path in the template that reads `property` of something (`a.b.property`), in source order. */
function pathsReading(source: string, property: string): PathNode[] {
  let ast: unknown;
  try {
    ast = Handlebars.parse(source);
  } catch {
    return [];
  }
  const found: PathNode[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const n = node as Partial<PathNode>;
    if (n.type === 'PathExpression' && Array.isArray(n.parts) && n.parts.indexOf(property) > 0) found.push(n as PathNode);
    for (const value of Object.values(node)) walk(value);
  };
  walk(ast);
  return found.sort((a, b) => (a.loc?.start.line ?? 0) - (b.loc?.start.line ?? 0) || (a.loc?.start.column ?? 0) - (b.loc?.start.column ?? 0));
}

/**
 * Turns whatever a Handlebars template threw into a TemplateError naming the template.
 * Handlebars ends its own messages with ` - line:column` and says `in [object Object]` about the
 * context; both are folded into the location.
 *
 * In strict mode Handlebars looks up `a.b.c` without a guard, so when `a.b` is missing the runtime
 * throws a bare TypeError without a place; given the template's source, the paths that read `c`
 * are found and named instead.
 */
export function toTemplateError(template: string, err: unknown, source?: string): TemplateError {
  if (err instanceof TemplateError) return err;
  if (err instanceof HelperError) return new TemplateError(template, err.message, err.location, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  const unguarded = /^Cannot read properties of (?:undefined|null) \(reading '(.*)'\)$/.exec(message);
  if (err instanceof TypeError && unguarded && source !== undefined) {
    const paths = pathsReading(source, unguarded[1]!);
    if (paths.length > 0) {
      const first = paths[0]!;
      const names = [...new Set(paths.map((p) => p.original))].join(', ');
      return new TemplateError(
        template,
        `${names}: a value before "${unguarded[1]}" is not defined (test it first with {{#if}}, or use (get object "path.to.field") for an optional field)`,
        first.loc ? { line: first.loc.start.line, column: first.loc.start.column + 1 } : undefined,
        { cause: err },
      );
    }
  }
  const m = /^([\s\S]*?) - (\d+):(\d+)$/.exec(message);
  const detail = (m ? m[1]! : message).replace(/ in \[object Object\]/g, '').replace(/ not defined in (?:undefined|null)$/, ' not defined: the value before it is missing');
  const parse = /^Parse error on line (\d+):/.exec(message);
  const location = m ? { line: Number(m[2]), column: Number(m[3]) + 1 } : parse ? { line: Number(parse[1]) } : undefined;
  return new TemplateError(template, detail, location, { cause: err });
}
