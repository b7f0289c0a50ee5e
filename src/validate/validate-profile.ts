import type { Bilingual, Lang } from '../i18n/lang.js';
import { fill } from '../i18n/lang.js';
import { todayOf } from '../domain/calendar.js';
import { loadYamlFile, parseYamlText, type SourceDocument } from '../profile/load.js';
import { CURRENT_API_VERSION, OUTDATED_API_VERSIONS } from '../profile/migrate/versions.js';
import { checkSchema } from '../profile/schema.js';
import type { RegencyProfile } from '../profile/types.generated.js';
import { decreeRecordsOf, resolveVillages, type ResolvedVillage } from '../profile/villages.js';
import { regionIndex, type RegionIndex, type VillageRecord } from '../region/decree.js';
import { RULES } from '../rules/index.js';
import type { Finding, Rule } from '../rules/rule.js';
import { isValid, markSensitive, pointer, type Diagnostic, type FileResult } from './diagnostic.js';

export interface ValidateOptions {
  lang: Lang;
  strict?: boolean;
  /** The day NIP appointment dates are checked against; today by default. */
  today?: Date;
  region?: RegionIndex;
  rules?: readonly Rule[];
}

function resolveParams(params: Record<string, unknown> | undefined, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    out[k] = v !== null && typeof v === 'object' && 'id' in v && 'en' in v ? (v as Bilingual)[lang] : v;
  }
  return out;
}

/** A profile in an older format gets one diagnostic naming the fix, not the schema errors its old keys cause. */
function outdatedFormat(doc: SourceDocument, lang: Lang): Diagnostic | undefined {
  const version = (doc.data as { apiVersion?: unknown } | null)?.apiVersion;
  if (typeof version !== 'string' || !OUTDATED_API_VERSIONS.has(version)) return undefined;
  const pos = doc.locate('/apiVersion', { key: false });
  return {
    rule: 'profile-outdated',
    severity: 'error',
    message: lang === 'id' ? `profil memakai format lama ${version}; versi sekarang ${CURRENT_API_VERSION}` : `the profile uses the old format ${version}; the current one is ${CURRENT_API_VERSION}`,
    hint: lang === 'id' ? 'jalankan `eoffice profile migrate BERKAS` untuk memperbaruinya (komentar dipertahankan)' : 'run `eoffice profile migrate FILE` to bring it up to date (comments are kept)',
    path: '/apiVersion',
    line: pos.line,
    column: pos.column,
  };
}

/** Schema first; the domain rules run only on a profile whose shape the schema accepted. */
export function validateDocument(doc: SourceDocument, options: ValidateOptions): Diagnostic[] {
  const { lang } = options;
  const outdated = outdatedFormat(doc, lang);
  if (outdated) return [outdated];
  const schemaProblems = checkSchema(doc.data, lang);
  if (schemaProblems.length > 0) {
    return schemaProblems.map((p) => {
      const pos = doc.locate(p.path, { key: p.atKey });
      return { rule: 'schema', severity: 'error', message: p.message, hint: p.hint, path: p.path, line: pos.line, column: pos.column };
    });
  }
  const profile = doc.data as RegencyProfile;
  const region = options.region ?? regionIndex();
  let villages: ResolvedVillage[] | undefined;
  let listed: (VillageRecord | undefined)[] | undefined;
  const listedInDecree = () => (listed ??= Array.isArray(profile.villages) ? decreeRecordsOf(profile.villages, profile.regency.code, region) : []);
  const diagnostics: Diagnostic[] = [];
  const today = todayOf(options.today ?? new Date());
  for (const rule of options.rules ?? RULES) {
    const report = (f: Finding) => {
      const path = pointer(f.path);
      const pos = doc.locate(path, { key: f.atKey ?? false });
      const params = resolveParams(f.params, lang);
      const d: Diagnostic = {
        rule: rule.id,
        severity: f.severity ?? rule.severity,
        message: fill(f.message[lang], params),
        hint: fill(f.hint[lang], params),
        path,
        line: pos.line,
        column: pos.column,
      };
      diagnostics.push(f.sensitive ? markSensitive(d) : d);
    };
    try {
      rule.check({ profile, region, today, report, villages: () => (villages ??= resolveVillages(profile, region)), listedInDecree });
    } catch (err) {
      // A rule that throws is a bug in eoffice, not in the profile; say so without losing the rest.
      diagnostics.push({
        rule: 'internal',
        severity: 'error',
        message: lang === 'id' ? `aturan ${rule.id} gagal: ${String(err)}` : `rule ${rule.id} failed: ${String(err)}`,
        hint: lang === 'id' ? 'ini kesalahan eoffice; mohon laporkan beserta profilnya' : 'this is a bug in eoffice; please report it with the profile',
        path: '',
        line: 0,
        column: 0,
      });
    }
  }
  return diagnostics;
}

export function resultOf(file: string, diagnostics: Diagnostic[], strict: boolean): FileResult {
  return { file, valid: isValid(diagnostics, strict), diagnostics };
}

export async function validateFile(file: string, options: ValidateOptions): Promise<FileResult> {
  const loaded = await loadYamlFile(file, options.lang);
  const diagnostics = loaded.ok ? validateDocument(loaded.doc, options) : loaded.diagnostics;
  return resultOf(file, diagnostics, options.strict ?? false);
}

export function validateText(file: string, text: string, options: ValidateOptions): FileResult {
  const loaded = parseYamlText(file, text, options.lang);
  const diagnostics = loaded.ok ? validateDocument(loaded.doc, options) : loaded.diagnostics;
  return resultOf(file, diagnostics, options.strict ?? false);
}
