import type { FileResult } from '../diagnostic.js';

// Workflow commands: data escapes %, CR, LF; properties also escape : and ,.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error file=…,line=…,col=…,title=…::message`. */
export function formatGithub(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const loc = d.line > 0 ? `,line=${d.line},col=${d.column}` : '';
      out.push(`::${d.severity === 'error' ? 'error' : 'warning'} file=${prop(r.file)}${loc},title=${prop(`eoffice ${d.rule}`)}::${data(d.hint ? `${d.message} — ${d.hint}` : d.message)}`);
    }
  }
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}
