import type { FileResult } from '../diagnostic.js';

/** `{"files":[{"file","valid","diagnostics":[{rule,severity,message,path,line,column,hint}]}]}`. */
export function formatJson(results: readonly FileResult[]): string {
  return (
    JSON.stringify({
      files: results.map((r) => ({
        file: r.file,
        valid: r.valid,
        diagnostics: r.diagnostics.map((d) => ({
          rule: d.rule,
          severity: d.severity,
          message: d.message,
          path: d.path,
          line: d.line,
          column: d.column,
          hint: d.hint ?? '',
        })),
      })),
    }, null, 2) + '\n'
  );
}
