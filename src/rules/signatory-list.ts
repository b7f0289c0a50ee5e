import type { Signatory } from '../profile/types.generated.js';
import type { RegencyProfile } from '../profile/types.generated.js';

/** The recipient's signatories and the grantor's, with their places in the profile. */
export function everySignatory(profile: RegencyProfile): Array<{ s: Signatory; path: (string | number)[] }> {
  return [
    ...profile.signatories.map((s, i) => ({ s, path: ['signatories', i] as (string | number)[] })),
    ...(profile.grant?.grantor.signatories ?? []).map((s, i) => ({ s, path: ['grant', 'grantor', 'signatories', i] as (string | number)[] })),
  ];
}
