export type Severity = 'error' | 'warning';

/** One finding about one value of a profile, in the shape `validate --format json` prints. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the profile, e.g. `/signatories/3/nip`; empty for the whole document. */
  path: string;
  /** 1-based line and column in the YAML file; 0 when the file has no position (e.g. unreadable). */
  line: number;
  column: number;
  hint?: string;
}

/**
 * Diagnostics whose value is (or may be) a secret: output that quotes the source line masks the value.
 * Kept beside the diagnostics, not in them, so a diagnostic keeps exactly the documented fields.
 */
const sensitive = new WeakSet<Diagnostic>();
export const markSensitive = (d: Diagnostic): Diagnostic => (sensitive.add(d), d);
export const isSensitive = (d: Diagnostic): boolean => sensitive.has(d);

export interface FileResult {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
}

export function isValid(diagnostics: readonly Diagnostic[], strict: boolean): boolean {
  return !diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
