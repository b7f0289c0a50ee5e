/**
 * Profile format versions, apart from the migration steps so that `validate` can name an outdated
 * profile without loading `yaml` (the steps edit YAML documents; a plain valid profile never needs it).
 */

/** The profile format this toolkit reads. */
export const CURRENT_API_VERSION = 'eoffice/v1';

/** The formats `eoffice profile migrate` can bring up to date (a test keeps this equal to the steps' `from`s). */
export const OUTDATED_API_VERSIONS: ReadonlySet<string> = new Set(['eoffice/v1beta1']);
