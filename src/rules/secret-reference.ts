import type { Rule, RuleContext, Segment } from './rule.js';
import { t } from './rule.js';

/** Keys that hold a secret by their name, wherever they stand in the profile. */
const SECRET_KEY = /(password|passwd|secret|token|apikey|api_key|passphrase|credential|privatekey|accesskey|secretkey)/i;
const REFERENCE = /^(env:[A-Za-z_][A-Za-z0-9_]*|file:\S.*)$/;
/** Values that are secrets by their shape, whatever key they sit under. */
const SECRET_VALUE: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'private key'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'GitHub token'],
  [/\bxox[baprs]-[A-Za-z0-9-]{10,}/, 'Slack token'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'JWT'],
  [/^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i, 'password in a URL'],
];

/** Whether each key met so far names a secret; keys repeat across a batch of profiles. Bounded. */
const secretKeys = new Map<string, boolean>();
const isSecretKey = (key: string): boolean => {
  let known = secretKeys.get(key);
  if (known === undefined) {
    known = SECRET_KEY.test(key);
    if (secretKeys.size < 4096) secretKeys.set(key, known);
  }
  return known;
};

/** Secrets appear only as references (`env:NAME`, `file:PATH`), never as values. */
export const secretReference: Rule = {
  id: 'secret-reference',
  severity: 'error',
  description: t('Rahasia hanya berupa rujukan env:/file:, tidak pernah nilai', 'Secrets only as env:/file: references, never values'),
  check({ profile, report }: RuleContext) {
    // One mutable path for the whole walk: a national profile has ~10^5 values, and copying the
    // path at each of them cost more than the checks.
    const path: Segment[] = [];
    // A string is checked where it stands, with the path built only for a finding: most of a
    // national profile's ~10^5 values are short strings in lists of villages.
    const checkValue = (value: string, last: string | number) => {
      // Every pattern needs 15 characters or a URL: most values (names, codes) skip them.
      if (value.length < 15 && !value.includes('://')) return;
      for (const [re, what] of SECRET_VALUE) {
        if (re.test(value)) {
          report({
            path: [...path, last],
            message: t('nilai ini tampak seperti rahasia ({what})', 'this value looks like a secret ({what})'),
            hint: t('simpan rahasia di luar profil dan rujuk dengan env:/file:', 'keep secrets outside the profile and refer to them with env:/file:'),
            params: { what },
            sensitive: true,
          });
          return;
        }
      }
    };
    const walk = (node: object) => {
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const value: unknown = node[i];
          if (typeof value === 'string') checkValue(value, i);
          else if (value !== null && typeof value === 'object') {
            path.push(i);
            walk(value);
            path.pop();
          }
        }
        return;
      }
      const record = node as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const value = record[key];
        if (typeof value === 'string') {
          if (isSecretKey(key) && !REFERENCE.test(value)) {
            // The value itself is never echoed back: it may be the real secret.
            report({
              path: [...path, key],
              message: t('`{key}` berisi nilai rahasia; profil hanya boleh memuat rujukan', '`{key}` holds a secret value; a profile may only hold a reference'),
              hint: t('tulis `{key}: env:NAMA_VARIABEL` atau `{key}: file:/path/berkas`, lalu hapus nilainya dari riwayat git', 'write `{key}: env:VARIABLE` or `{key}: file:/path/to/file`, and purge the value from git history'),
              params: { key },
              sensitive: true,
            });
          } else {
            checkValue(value, key);
          }
        } else if (value !== null && typeof value === 'object') {
          path.push(key);
          walk(value);
          path.pop();
        }
      }
    };
    walk(profile);
  },
};
