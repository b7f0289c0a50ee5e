import type { Rule } from './rule.js';
import { appRequirements } from './app-requirements.js';
import { contactSyntax } from './contact-syntax.js';
import { golonganPangkat } from './golongan-pangkat.js';
import { letterNumberTemplate } from './letter-number-template.js';
import { nik } from './nik.js';
import { nip } from './nip.js';
import { opdKecamatan } from './opd-kecamatan.js';
import { opdSingletons } from './opd-singletons.js';
import { opdType } from './opd-type.js';
import { references } from './references.js';
import { regencyKind } from './regency-kind.js';
import { regionCode } from './region-code.js';
import { sakip } from './sakip.js';
import { secretReference } from './secret-reference.js';
import { signatoryHeads } from './signatory-heads.js';
import { signatoryIdentity } from './signatory-identity.js';
import { signatureDelegation } from './signature-delegation.js';
import { uniqueCodes } from './unique-codes.js';
import { villageCoverage } from './village-coverage.js';
import { villageKind } from './village-kind.js';
import { villageName } from './village-name.js';
import { villageRegion } from './village-region.js';

/** Every domain rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  secretReference,
  regionCode,
  regencyKind,
  villageRegion,
  villageKind,
  villageName,
  villageCoverage,
  opdSingletons,
  opdType,
  opdKecamatan,
  uniqueCodes,
  references,
  nip,
  nik,
  golonganPangkat,
  signatoryIdentity,
  signatoryHeads,
  signatureDelegation,
  letterNumberTemplate,
  sakip,
  contactSyntax,
  appRequirements,
];
