import type { Lang } from '../../i18n/lang.js';
import { RULES } from '../../rules/index.js';
import type { FileResult } from '../diagnostic.js';

/** SARIF 2.1.0, for code-scanning dashboards. */
export function formatSarif(results: readonly FileResult[], lang: Lang, version: string): string {
  const ruleIds = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.rule)));
  const known = new Map(RULES.map((r) => [r.id, r]));
  const rules = [...ruleIds].sort().map((id) => ({
    id,
    shortDescription: { text: known.get(id)?.description[lang] ?? id },
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
                  artifactLocation: { uri: r.file.split('\\').join('/') },
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
