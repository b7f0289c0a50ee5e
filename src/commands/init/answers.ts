/**
 * The wizard's answers, where they come from (flags, defaults, questions) and what they become:
 * ScaffoldOptions, the same path `--profile`-less non-interactive runs take.
 */
import type { CatalogAgency } from '../../profile/catalog.js';
import type { AppName, DatabaseEngine, DeploymentTarget, PersonAnswer, ScaffoldOptions } from '../../profile/scaffold.js';
import type { Lang } from '../../i18n/lang.js';
import type { RegionIndex } from '../../region/decree.js';
import type { Prompter } from './prompts.js';

/** `eoffice init` options as commander gives them. */
export interface InitFlags {
  regency?: string;
  apps?: string;
  agencies?: string;
  kecamatan?: string;
  address?: string;
  target?: string;
  domain?: string;
  db?: string;
  profile?: string;
  yes?: boolean;
  force?: boolean;
}

export interface InitAnswers {
  regencyCode: string;
  address?: string;
  apps: AppName[];
  /** The regency's own agency list; the catalog when absent. */
  agencyList?: CatalogAgency[];
  /** Villages of these kecamatan only; all when absent. */
  villageDistricts?: string[];
  people: { headOfRegion?: PersonAnswer; sekda?: PersonAnswer; heads: Record<string, PersonAnswer> };
  target: DeploymentTarget;
  domain: string;
  database: DatabaseEngine;
}

/** What each step may use: the prompter, the flags, whether to take defaults, the decree. */
export interface StepContext {
  lang: Lang;
  prompter: Prompter;
  flags: InitFlags;
  /** `--yes`: a question with a default is not asked. */
  yes: boolean;
  region: RegionIndex;
  cwd: string;
  /** Something the person should read (a warning, the rows an import rejected). */
  note: (text: string) => void;
}

export const APP_NAMES: readonly AppName[] = ['eoffice', 'eofficeDesa', 'esakip'];
export const TARGETS: readonly DeploymentTarget[] = ['compose', 'kubernetes', 'vm'];
export const ENGINES: readonly DatabaseEngine[] = ['postgresql', 'mysql', 'mariadb'];

/**
 * The answers a run without a terminal still lacks, as the flags that would give them. Without
 * `--yes` the apps, the target, the domain and the database must be said; the regency always.
 */
export function missingAnswers(flags: InitFlags, lang: Lang): string[] {
  const id = lang === 'id';
  const missing: string[] = [];
  if (!flags.regency) missing.push(id ? '--regency <kode wilayah, mis. 32.11>' : '--regency <region code, e.g. 32.11>');
  if (!flags.yes) {
    if (!flags.apps) missing.push('--apps <eoffice,eofficeDesa,esakip>');
    if (!flags.target) missing.push('--target <compose|kubernetes|vm>');
    if (!flags.domain) missing.push(id ? '--domain <nama host, mis. eoffice.sumedangkab.go.id>' : '--domain <host name, e.g. eoffice.sumedangkab.go.id>');
    if (!flags.db) missing.push('--db <postgresql|mysql|mariadb>');
  }
  return missing;
}

export function toScaffoldOptions(a: InitAnswers): ScaffoldOptions {
  const want = Object.fromEntries(APP_NAMES.map((n) => [n, a.apps.includes(n)])) as Record<AppName, boolean>;
  const people = { ...(a.people.headOfRegion ? { headOfRegion: a.people.headOfRegion } : {}), ...(a.people.sekda ? { sekda: a.people.sekda } : {}), heads: a.people.heads };
  return {
    apps: want,
    deployment: { targets: [a.target], database: a.database, domain: a.domain },
    ...(a.address ? { letterhead: { address: a.address } } : {}),
    ...(a.agencyList ? { agencyList: a.agencyList } : {}),
    ...(a.villageDistricts ? { villageDistricts: a.villageDistricts } : {}),
    people,
  };
}
