import { parseTemplate } from '../render/parsed.js';
import type { Lang } from '../i18n/lang.js';
import type { Blueprint } from './manifest.js';

export type OutputContext = 'sql' | 'yaml' | 'shell' | 'env';

/** Helpers that make a value safe in each output context. */
export const QUOTING_HELPERS: Record<OutputContext, readonly string[]> = {
  sql: ['sql'],
  yaml: ['yaml', 'json'],
  shell: ['shell'],
  env: ['env'],
};

export function contextOf(path: string): OutputContext | undefined {
  const name = path.split('/').pop()!;
  if (/\.sql$/.test(name)) return 'sql';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (/\.sh$/.test(name)) return 'shell';
  if (/^\.env(\..+)?$|\.env$/.test(name)) return 'env';
  return undefined;
}

export interface LintProblem {
  blueprint: string;
  template: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}

interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  path?: { original?: unknown; type?: string };
  params?: AstNode[];
  program?: { body: AstNode[] };
  inverse?: { body: AstNode[] };
  body?: AstNode[];
}

/**
 * Every value a template writes into a `.sql`, `.yaml`/`.yml`, `.sh` or `.env` file must go through
 * that context's quoting helper (`{{yaml x}}`, `{{sql x "postgresql"}}`, `{{shell x}}`, `{{env x}}`):
 * a bare `{{x}}` there is how names with quotes become injections.
 */
export function lintTemplate(blueprint: string, template: string, source: string, lang: Lang = 'id'): LintProblem[] {
  const L = (id: string, en: string) => (lang === 'id' ? id : en);
  const logical = template.replace(/\.hbs$/, '');
  const context = contextOf(logical);
  let ast: { body: AstNode[] };
  try {
    ast = parseTemplate(source) as unknown as { body: AstNode[] };
  } catch (err) {
    const m = /on line (\d+)/.exec(String(err));
    return [{ blueprint, template, line: m ? Number(m[1]) : 0, column: 0, message: String((err as Error).message ?? err).split('\n')[0]!, hint: L('periksa sintaks Handlebars', 'check the Handlebars syntax') }];
  }
  if (!context) return [];
  const allowed = QUOTING_HELPERS[context];
  const problems: LintProblem[] = [];
  const visit = (nodes: readonly AstNode[]) => {
    for (const n of nodes) {
      if (n.type === 'MustacheStatement') {
        const head = typeof n.path?.original === 'string' ? n.path.original : '';
        const isHelperCall = (n.params?.length ?? 0) > 0;
        if (!(isHelperCall && allowed.includes(head))) {
          problems.push({
            blueprint,
            template,
            line: n.loc?.start.line ?? 0,
            column: (n.loc?.start.column ?? 0) + 1,
            message: L(
              `{{${head}${isHelperCall ? ' …' : ''}}} ditulis ke berkas ${context} tanpa kutip ${context}`,
              `{{${head}${isHelperCall ? ' …' : ''}}} in a ${context} file is written without ${context} quoting`,
            ),
            hint: L(
              `tulis {{${allowed[0]} ${head}${context === 'sql' ? ' "postgresql"' : ''}}} (yang diizinkan di sini: ${allowed.join(', ')}); nama bisa memuat kutip dan baris baru`,
              `write {{${allowed[0]} ${head}${context === 'sql' ? ' "postgresql"' : ''}}} (allowed here: ${allowed.join(', ')}); names can hold quotes and line breaks`,
            ),
          });
        }
      } else if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
        problems.push({ blueprint, template, line: n.loc?.start.line ?? 0, column: (n.loc?.start.column ?? 0) + 1, message: L('partial tidak didukung', 'partials are not supported'), hint: L('tulis isinya langsung', 'inline the content') });
      }
      if (n.program) visit(n.program.body);
      if (n.inverse) visit(n.inverse.body);
    }
  };
  visit(ast.body);
  return problems;
}

/**
 * Findings per template, for the life of the process: a template's findings depend only on its
 * blueprint, path, language and text, and a fleet run generates many regencies from the same
 * blueprints, so each template is linted (and parsed) once, not once per regency.
 */
const lintCache = new Map<string, readonly LintProblem[]>();

/**
 * Blueprints found clean, by object, per language: a loaded blueprint is read-only and shared by
 * every generation until its files change (blueprint/load.ts), so a fleet run does not even decode
 * its templates again to look them up above.
 */
const cleanBlueprints = new WeakMap<Blueprint, Set<Lang>>();

export function lintBlueprint(bp: Blueprint, lang: Lang = 'id'): LintProblem[] {
  if (cleanBlueprints.get(bp)?.has(lang)) return [];
  const found = bp.files
    .filter((f) => f.path.endsWith('.hbs'))
    .flatMap((f) => {
      const source = f.bytes.toString('utf8');
      const key = `${bp.manifest.name}\0${f.path}\0${lang}\0${source}`;
      let problems = lintCache.get(key);
      if (!problems) lintCache.set(key, (problems = lintTemplate(bp.manifest.name, f.path, source, lang)));
      return problems.map((p) => ({ ...p }));
    });
  if (found.length === 0) {
    const langs = cleanBlueprints.get(bp) ?? new Set<Lang>();
    cleanBlueprints.set(bp, langs.add(lang));
  }
  return found;
}
