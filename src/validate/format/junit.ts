import type { FileResult } from '../diagnostic.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 cannot carry most control characters, U+FFFE/U+FFFF or a lone surrogate (a YAML
    // "\ud800" escape makes one) at all, escaped or not. With the u flag only lone surrogates match.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu, '\uFFFD');

/** One test suite per file, one test case per failing diagnostic (or one passing case per clean file). */
export function formatJunit(results: readonly FileResult[], strict: boolean): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = (r: FileResult) => r.diagnostics.filter((d) => d.severity === 'error' || strict);
  const total = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const failed = results.reduce((n, r) => n + failures(r).length, 0);
  out.push(`<testsuites name="eoffice validate" tests="${total}" failures="${failed}">`);
  for (const r of results) {
    const cases = Math.max(1, r.diagnostics.length);
    out.push(`  <testsuite name="${esc(r.file)}" tests="${cases}" failures="${failures(r).length}">`);
    if (r.diagnostics.length === 0) out.push(`    <testcase classname="${esc(r.file)}" name="profile"/>`);
    for (const d of r.diagnostics) {
      const name = `${d.rule} ${d.path || '/'} (${d.line}:${d.column})`;
      const fails = d.severity === 'error' || strict;
      out.push(`    <testcase classname="${esc(r.file)}" name="${esc(name)}" file="${esc(r.file)}" line="${d.line}">`);
      const body = `${r.file}:${d.line}:${d.column} ${d.message}${d.hint ? `\n${d.hint}` : ''}`;
      if (fails) out.push(`      <failure type="${esc(d.rule)}" message="${esc(d.message)}">${esc(body)}</failure>`);
      else out.push(`      <system-out>${esc(`warning: ${body}`)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
