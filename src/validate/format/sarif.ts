import type { Bilingual, Lang } from '../../i18n/lang.js';
import { RULES } from '../../rules/index.js';
import type { FileResult } from '../diagnostic.js';

/** Findings that come from no domain rule: the loader's, the schema's, and a crashed rule. */
const BUILT_IN: readonly [RegExp, Bilingual][] = [
  [/^schema$/, { id: 'Profil sesuai skema JSON', en: 'The profile matches its JSON Schema' }],
  [/^(file|yaml)-/, { id: 'Berkas profil terbaca sebagai satu dokumen YAML', en: 'The profile file reads as one YAML document' }],
  [/^internal$/, { id: 'Aturan eoffice gagal berjalan (bug eoffice)', en: 'An eoffice rule failed to run (a bug in eoffice)' }],
];

/**
 * A URI reference, as SARIF requires: each path segment percent-encoded (a space, `%` or `:` in a
 * file name would otherwise make an invalid URI, or one that reads as a scheme), absolute paths as
 * file: URIs.
 */
function uriOf(file: string): string {
  const path = file.split('\\').join('/');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (path.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(path)) return `file:///${path.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}`;
  return encoded;
}

/** SARIF 2.1.0, for code-scanning dashboards. */
export function formatSarif(results: readonly FileResult[], lang: Lang, version: string): string {
  const ruleIds = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.rule)));
  const known = new Map(RULES.map((r) => [r.id, r.description]));
  const rules = [...ruleIds].sort().map((id) => ({
    id,
    shortDescription: { text: (known.get(id) ?? BUILT_IN.find(([test]) => test.test(id))?.[1] ?? { id, en: id })[lang] },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'eoffice', version, informationUri: 'https://github.com/sumedangkab/eoffice', rules } },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            level: d.severity === 'error' ? 'error' : 'warning',
            message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(r.file) },
                  ...(d.line > 0 ? { region: { startLine: d.line, startColumn: d.column } } : {}),
                },
                ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'member' }] } : {}),
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
