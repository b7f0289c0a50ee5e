import { readFile, stat, glob } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { UsageError } from '../errors.js';
import { VERSION } from '../main.js';
import type { FileResult } from '../validate/diagnostic.js';
import { formatGithub } from '../validate/format/github.js';
import { formatJson } from '../validate/format/json.js';
import { formatJunit } from '../validate/format/junit.js';
import { formatSarif } from '../validate/format/sarif.js';
import { formatText } from '../validate/format/text.js';
import { validateMany } from '../validate/validate-many.js';

export type ValidateFormat = 'text' | 'json' | 'junit' | 'sarif' | 'github';

/** Expands globs itself, so quoted patterns work the same on every shell and in CI files. */
async function expand(patterns: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (!/[*?[\]{}]/.test(p)) {
      out.push(p);
      continue;
    }
    const found: string[] = [];
    for await (const f of glob(p, { cwd })) found.push(f);
    if (found.length === 0) out.push(p); // reported as missing, by name
    out.push(...found.sort());
  }
  return [...new Set(out)];
}

/** A file that could not be read at all is an I/O error (exit 2); an empty or binary one is invalid input (exit 1). */
const UNREADABLE = /^file-(missing|is-directory|not-regular|unreadable)$/;

export async function runValidate(
  ctx: CliContext,
  patterns: readonly string[],
  options: { format: ValidateFormat; strict: boolean },
): Promise<number> {
  const files = await expand(patterns, ctx.cwd);
  if (files.length === 0) throw new UsageError(ctx.lang === 'id' ? 'tidak ada berkas untuk diperiksa' : 'no files to check');
  const results: FileResult[] = [];
  const absolute = files.map((f) => (isAbsolute(f) ? f : `${ctx.cwd}/${f}`));
  const validated = await validateMany(absolute, { lang: ctx.lang, strict: options.strict });
  validated.forEach((r, i) => {
    const file = files[i]!;
    results.push({ ...r, file: isAbsolute(file) ? file : relative(ctx.cwd, absolute[i]!) || file });
  });
  switch (options.format) {
    case 'json':
      ctx.stdout(formatJson(results));
      break;
    case 'junit':
      ctx.stdout(formatJunit(results, options.strict));
      break;
    case 'sarif':
      ctx.stdout(formatSarif(results, ctx.lang, VERSION));
      break;
    case 'github':
      ctx.stdout(formatGithub(results));
      break;
    default: {
      const sources = new Map<string, string>();
      for (const r of results) {
        if (r.diagnostics.some((d) => d.line > 0)) {
          const abs = isAbsolute(r.file) ? r.file : `${ctx.cwd}/${r.file}`;
          if ((await stat(abs).catch(() => undefined))?.isFile()) sources.set(r.file, await readFile(abs, 'utf8'));
        }
      }
      const text = formatText(results, ctx.lang, { color: ctx.color }, sources);
      (results.every((r) => r.valid) ? ctx.stdout : ctx.stderr)(text);
    }
  }
  if (results.some((r) => r.diagnostics.some((d) => UNREADABLE.test(d.rule)))) return 2;
  return results.every((r) => r.valid) ? 0 : 1;
}
