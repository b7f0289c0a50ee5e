import type { Lang } from '../../i18n/lang.js';
import { isSensitive, type FileResult } from '../diagnostic.js';

export interface TextStyle {
  color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/**
 * Compiler-style lines, `file:line:col severity rule message`, then the offending source line with a
 * caret under the column, then the hint.
 */
export function formatText(results: readonly FileResult[], lang: Lang, style: TextStyle, sources: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const lines = sources.get(r.file)?.split(/\r?\n/);
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
      const where = d.line > 0 ? `${r.file}:${d.line}:${d.column}` : r.file;
      const sev = d.severity === 'error' ? paint(style.color, '1;31', lang === 'id' ? 'galat' : 'error') : paint(style.color, '1;33', lang === 'id' ? 'peringatan' : 'warning');
      out.push(`${paint(style.color, '1', where)} ${sev} ${paint(style.color, '2', d.rule)} ${d.message}`);
      const src = d.line > 0 ? lines?.[d.line - 1] : undefined;
      if (src !== undefined) {
        const gutter = String(d.line).padStart(5);
        // A secret's value is masked from its column on; the rest of the line still shows where.
        out.push(`${gutter} | ${isSensitive(d) ? `${src.slice(0, Math.max(0, d.column - 1))}***` : src}`);
        // Tabs stay tabs, so the caret lands under the column however wide the terminal draws them.
        const width = Math.max(0, d.column - 1);
        const pad = src.slice(0, width).replace(/[^\t]/g, ' ').padEnd(width, ' ');
        out.push(`${' '.repeat(gutter.length)} | ${pad}${paint(style.color, '1;32', '^')}`);
      }
      if (d.hint) out.push(`      ${paint(style.color, '36', lang === 'id' ? 'saran' : 'hint')}: ${d.hint}`);
    }
  }
  const files = results.length;
  const invalid = results.filter((r) => !r.valid).length;
  out.push(
    lang === 'id'
      ? `${files} berkas diperiksa: ${files - invalid} sah, ${invalid} tidak sah; ${errors} galat, ${warnings} peringatan`
      : `${files} file(s) checked: ${files - invalid} valid, ${invalid} invalid; ${errors} error(s), ${warnings} warning(s)`,
  );
  return out.join('\n') + '\n';
}
