/**
 * Profile schema versions: `eoffice/v1beta1` (the pilot's draft) migrates to `eoffice/v1` through
 * its declared step, keeping comments; `validate` names the command for an out-of-date profile.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runProfileMigrate } from '../../src/commands/profile-migrate.js';
import { CheckFailed } from '../../src/errors.js';
import { migrateDocument, migratedText, MIGRATIONS, renameKey } from '../../src/profile/migrate/steps.js';
import { CURRENT_API_VERSION, OUTDATED_API_VERSIONS } from '../../src/profile/migrate/versions.js';
import { validateText } from '../../src/validate/validate-profile.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_TEXT, TODAY } from '../helpers/profile.js';
import { tempDir } from '../helpers/tree.js';
import { context } from '../generate/support.js';

/** The fixture as the pilot's draft format wrote it: the three differences, by hand, comments and all. */
function betaText(): string {
  const swap = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
    return text.replace(from, to);
  };
  let t = swap(FIXTURE_TEXT, 'apiVersion: eoffice/v1\n', 'apiVersion: eoffice/v1beta1\n');
  t = swap(t, '    postcode: "46311"', '    postalCode: "46311" # kode pos kantor wali kota');
  t = swap(t, '  eofficeDesa:\n', '  eoffice-desa:\n');
  t = swap(t, '  targets: [compose]\n', '  target: compose\n');
  return t;
}

describe('migration steps', () => {
  it('v1beta1 → v1 gives back the current profile, the comment on a renamed key kept', () => {
    const doc = parseDocument(betaText());
    const r = migrateDocument(doc);
    expect(r).toMatchObject({ kind: 'migrated', from: 'eoffice/v1beta1', to: 'eoffice/v1' });
    const text = migratedText(doc);
    expect(text).toContain('postcode: "46311" # kode pos kantor wali kota');
    expect(text.replace(' # kode pos kantor wali kota', '')).toBe(FIXTURE_TEXT);
    expect(validateText('regency.yaml', text, { lang: 'en', today: TODAY }).valid).toBe(true);
  });

  it('a current profile is left as it is; an unknown apiVersion is named, not guessed', () => {
    expect(migrateDocument(parseDocument(FIXTURE_TEXT)).kind).toBe('current');
    expect(migrateDocument(parseDocument('apiVersion: eoffice/v0\n'))).toEqual({ kind: 'unknown', from: 'eoffice/v0' });
    expect(migrateDocument(parseDocument('kind: RegencyProfile\n'))).toEqual({ kind: 'unknown', from: undefined });
  });

  it('each step is declared with words for the user, and renaming never overwrites a key already there', () => {
    for (const s of MIGRATIONS) expect(s.changes.length).toBeGreaterThan(0);
    const doc = parseDocument('a:\n  old: 1\n  new: 2\n');
    expect(renameKey(doc, ['a'], 'old', 'new')).toBe(false);
    expect(doc.toJS()).toEqual({ a: { old: 1, new: 2 } });
  });

  it('the versions validate names as outdated are exactly the steps\' starting points, and they lead to the current one', () => {
    expect([...OUTDATED_API_VERSIONS].sort()).toEqual(MIGRATIONS.map((s) => s.from).sort());
    expect(MIGRATIONS.at(-1)!.to).toBe(CURRENT_API_VERSION);
  });
});

describe('eoffice profile migrate', () => {
  it('--check exits 1 naming the command; --dry-run prints and writes nothing; then it writes atomically, mode kept', async () => {
    const file = join(tempDir(), 'regency.yaml');
    writeFileSync(file, betaText(), { mode: 0o640 });
    const check = context();
    expect(await runProfileMigrate(check, file, { check: true })).toBe(1);
    expect(check.err.join('')).toContain(`run \`eoffice profile migrate ${file}\``);
    const dry = context();
    expect(await runProfileMigrate(dry, file, { dryRun: true })).toBe(0);
    expect(dry.out.join('')).toContain('apiVersion: eoffice/v1\n');
    expect(readFileSync(file, 'utf8')).toBe(betaText());
    const write = context({ lang: 'id' });
    expect(await runProfileMigrate(write, file, {})).toBe(0);
    expect(write.out.join('')).toContain('dimigrasikan ke eoffice/v1');
    expect(readFileSync(file, 'utf8')).toContain('postcode: "46311" # kode pos kantor wali kota');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const again = context();
    expect(await runProfileMigrate(again, file, { check: true })).toBe(0);
    expect(again.out.join('')).toContain('is already eoffice/v1');
  });

  it('an unknown version is exit 1 (invalid input)', async () => {
    const file = join(tempDir(), 'regency.yaml');
    writeFileSync(file, 'apiVersion: eoffice/v9\nkind: RegencyProfile\n');
    const err = await runProfileMigrate(context(), file, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFailed);
    expect((err as Error).message).toContain('known: eoffice/v1beta1, eoffice/v1');
  });

  it('validate says an old profile is out of date, naming `eoffice profile migrate` (built binary)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regency.yaml'), betaText());
    const r = await runCli(['validate', 'regency.yaml', '--json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const [result] = (JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; hint: string; path: string; line: number }> }> }).files;
    expect(result!.diagnostics).toEqual([expect.objectContaining({ rule: 'profile-outdated', path: '/apiVersion', line: 4 })]);
    expect(result!.diagnostics[0]!.hint).toContain('eoffice profile migrate');
  });
});
