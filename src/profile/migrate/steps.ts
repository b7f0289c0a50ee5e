import { isMap, isScalar, isSeq, YAMLSeq, type Document, type YAMLMap } from 'yaml';
import type { Bilingual } from '../../i18n/lang.js';

import { CURRENT_API_VERSION } from './versions.js';

export { CURRENT_API_VERSION, OUTDATED_API_VERSIONS } from './versions.js';

/**
 * One declared step between two profile formats: a small function on the YAML document (edited in
 * place, so comments and layout survive), with what it changes in words for the user.
 */
export interface MigrationStep {
  from: string;
  to: string;
  changes: Bilingual[];
  apply(doc: Document): void;
}

function mapAt(doc: Document, path: readonly string[]): YAMLMap | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isMap(node) ? node : undefined;
}

/** Renames a key in place (its comments and position stay); never overwrites an existing key. */
export function renameKey(doc: Document, path: readonly string[], from: string, to: string): boolean {
  const map = mapAt(doc, path);
  if (!map || map.has(to)) return false;
  const pair = map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === from);
  if (!pair) return false;
  if (isScalar(pair.key)) pair.key.value = to;
  else pair.key = doc.createNode(to);
  return true;
}

/**
 * `eoffice/v1beta1` was the draft format of the pilot (before the first release). It differed from
 * `eoffice/v1` in three places:
 * - `regency.letterhead.postalCode` is now `postcode`;
 * - `apps.eoffice-desa` is now `apps.eofficeDesa` (app keys are camelCase like the others);
 * - `deployment.target` (one target) is now `deployment.targets` (a list: a regency may run several).
 */
const v1beta1ToV1: MigrationStep = {
  from: 'eoffice/v1beta1',
  to: 'eoffice/v1',
  changes: [
    { id: 'regency.letterhead.postalCode menjadi postcode', en: 'regency.letterhead.postalCode becomes postcode' },
    { id: 'apps.eoffice-desa menjadi apps.eofficeDesa', en: 'apps.eoffice-desa becomes apps.eofficeDesa' },
    { id: 'deployment.target (satu) menjadi deployment.targets (daftar)', en: 'deployment.target (one) becomes deployment.targets (a list)' },
  ],
  apply(doc) {
    renameKey(doc, ['regency', 'letterhead'], 'postalCode', 'postcode');
    renameKey(doc, ['apps'], 'eoffice-desa', 'eofficeDesa');
    if (renameKey(doc, ['deployment'], 'target', 'targets')) {
      const value = doc.getIn(['deployment', 'targets'], true);
      if (!isSeq(value)) {
        const seq = new YAMLSeq();
        seq.flow = true;
        seq.items.push(value);
        doc.setIn(['deployment', 'targets'], seq);
      }
    }
  },
};

/** Every declared step, oldest first. A new format adds its step here (and its tests). */
export const MIGRATIONS: readonly MigrationStep[] = [v1beta1ToV1];


export type MigrationResult =
  | { kind: 'current'; from: string }
  | { kind: 'migrated'; from: string; to: string; steps: MigrationStep[] }
  | { kind: 'unknown'; from: string | undefined };

/** Applies the steps from the document's `apiVersion` up to the current one, in place. Pure on the document. */
export function migrateDocument(doc: Document): MigrationResult {
  const first = doc.get('apiVersion');
  const from = typeof first === 'string' ? first : undefined;
  if (from === CURRENT_API_VERSION) return { kind: 'current', from };
  const steps: MigrationStep[] = [];
  let at = from;
  while (at !== CURRENT_API_VERSION) {
    const step = MIGRATIONS.find((s) => s.from === at);
    if (!step) return { kind: 'unknown', from };
    step.apply(doc);
    doc.set('apiVersion', step.to);
    steps.push(step);
    at = step.to;
  }
  return { kind: 'migrated', from: from!, to: CURRENT_API_VERSION, steps };
}

/** The migrated document as text, in the layout the profile writer and most editors use. */
export const migratedText = (doc: Document) => doc.toString({ lineWidth: 0, flowCollectionPadding: false });
