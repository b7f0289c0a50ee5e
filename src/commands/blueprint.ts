import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { ExitCode } from '../errors.js';
import { loadBlueprint, loadBlueprints } from '../blueprint/load.js';
import { lintResultsOf } from '../generate/generate.js';
import { formatJson } from '../validate/format/json.js';
import { formatText } from '../validate/format/text.js';
import { resultOf } from '../validate/validate-profile.js';
import type { FileResult } from '../validate/diagnostic.js';
import { TEMPLATES_DIR } from './generate.js';

/** `eoffice blueprint lint [DIR...]`: manifests against their schema, templates against the quoting rule. */
export async function runBlueprintLint(ctx: CliContext, dirs: readonly string[], opts: { json?: boolean }): Promise<number> {
  const loads = dirs.length > 0 ? await Promise.all(dirs.map((d) => loadBlueprint(resolve(ctx.cwd, d), ctx.lang))) : await loadBlueprints(TEMPLATES_DIR, ctx.lang);
  const results: FileResult[] = [];
  for (const l of loads) {
    if (!l.ok) results.push(resultOf(l.file, l.diagnostics, false));
    else {
      const lint = lintResultsOf([l.blueprint], ctx.lang);
      results.push(...(lint.length > 0 ? lint : [resultOf(`${l.blueprint.dir}/blueprint.yaml`, [], false)]));
    }
  }
  if (opts.json) ctx.stdout(formatJson(results));
  else {
    const sources = new Map<string, string>();
    for (const r of results) if (r.diagnostics.length > 0) sources.set(r.file, await readFile(r.file, 'utf8').catch(() => ''));
    const ok = results.every((r) => r.valid);
    (ok ? ctx.stdout : ctx.stderr)(formatText(results, ctx.lang, { color: ctx.color }, sources));
  }
  return results.every((r) => r.valid) ? ExitCode.ok : ExitCode.invalid;
}
