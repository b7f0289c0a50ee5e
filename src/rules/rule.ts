import type { Bilingual } from '../i18n/lang.js';
import type { CalendarDate } from '../domain/calendar.js';
import type { RegionIndex, VillageRecord } from '../region/decree.js';
import type { ResolvedVillage } from '../profile/villages.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import type { Severity } from '../validate/diagnostic.js';

export type Segment = string | number;

export interface Finding {
  path: readonly Segment[];
  /** Point at the key naming the value rather than at the value. */
  atKey?: boolean;
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  message: Bilingual;
  hint: Bilingual;
  params?: Record<string, unknown>;
  /** The value is (or may be) a secret: never quote it back, not even as the source line. */
  sensitive?: boolean;
}

/** What a rule may look at; it reports findings and returns nothing. */
export interface RuleContext {
  /** A profile that passed the JSON Schema. */
  profile: RegencyProfile;
  region: RegionIndex;
  /** The profile's villages with the decree's filled in; computed once, on first use. */
  villages(): readonly ResolvedVillage[];
  /**
   * When the profile lists its villages: the decree's record of each, by index into the list
   * (undefined where the decree has no such code); computed once, on first use.
   */
  listedInDecree(): readonly (VillageRecord | undefined)[];
  today: CalendarDate;
  report(finding: Finding): void;
}

export interface Rule {
  /** Stable, kebab-case: shown to users, used in SARIF and JUnit, and in tests. */
  id: string;
  severity: Severity;
  description: Bilingual;
  check(ctx: RuleContext): void;
}

/** Bilingual literal shorthand. */
export const t = (id: string, en: string): Bilingual => ({ id, en });
