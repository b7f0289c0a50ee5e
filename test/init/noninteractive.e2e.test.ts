/**
 * `eoffice init` without a terminal (the built bin, stdin a pipe): it never asks. Missing answers
 * are listed (exit 2); flags, --yes and --profile give a valid profile and a generated tree; an
 * existing profile is never overwritten silently.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { ROOT, runCli, STACK_TRACE } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';
import { ROWS } from './agency-rows.js';

describe('init without a terminal', () => {
  it('refuses to ask: exit 2, the missing answers listed, nothing written', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', 'banjar'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('masukan standar bukan terminal, jadi eoffice init tidak bertanya. Jawaban yang belum ada:');
    for (const flag of ['--regency', '--apps', '--target', '--domain', '--db']) expect(r.stderr).toContain(`  ${flag} <`);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(join(cwd, 'banjar'))).toBe(false);

    const yes = await runCli(['init', 'banjar', '--yes', '--lang', 'en'], { cwd });
    expect(yes.code).toBe(2);
    expect(yes.stderr).toContain('Missing answers:\n  --regency <region code, e.g. 32.11>\nhint:');
    expect(existsSync(join(cwd, 'banjar'))).toBe(false);
  }, 90_000);

  it('answers by flags: a profile that validates and a generated tree', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', 'banjar', '--regency', '32.79', '--apps', 'eoffice,esakip', '--target', 'kubernetes', '--domain', 'surat.banjarkota.go.id', '--db', 'postgresql'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    // `sah` is init's own run of the validator: no diagnostic at all.
    expect(r.stdout).toContain('✓ banjar/regency.yaml ditulis\n✓ banjar/regency.yaml sah\n');
    const p = parse(readFileSync(join(cwd, 'banjar', 'regency.yaml'), 'utf8')) as RegencyProfile;
    expect(p.regency.name).toBe('Kota Banjar');
    expect(Object.keys(p.apps)).toEqual(['eoffice', 'esakip']);
    expect(p.deployment).toMatchObject({ targets: ['kubernetes'], domain: 'surat.banjarkota.go.id', database: { engine: 'postgresql' } });
    expect(existsSync(join(cwd, 'banjar', 'keluaran', 'deploy', 'kubernetes', 'overlays', 'production', 'kustomization.yaml'))).toBe(true);
    // Run again: the profile is reused, the tree is up to date.
    const again = await runCli(['init', 'banjar', '--regency', '32.79', '--yes'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('memakai banjar/regency.yaml yang sudah ada');
    expect(again.stdout).toMatch(/0 dibuat, 0 diperbarui/);
  }, 90_000);

  it('--agencies from an XLSX file: the rejected rows are listed with their reasons', async () => {
    const cwd = tempDir();
    await writeXlsxFile(ROWS.map((row) => row.map((c) => (c === '' ? null : { value: c }))), { sheet: 'OPD' }).toFile(join(cwd, 'opd.xlsx'));
    const r = await runCli(['init', 'p', '--regency', 'Pangandaran', '--agencies', 'opd.xlsx', '--yes', '--lang', 'en'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('opd.xlsx: 7 agencies accepted, 6 rows rejected\n');
    expect(r.stderr).toContain('  row 8: no name');
    expect(r.stderr).toContain('  row 11: a kecamatan agency is not imported: it comes from the decree data');
    const p = parse(readFileSync(join(cwd, 'p', 'regency.yaml'), 'utf8')) as RegencyProfile;
    expect(p.opds.filter((o) => o.kind !== 'kecamatan').map((o) => o.code)).toEqual(['setda', 'setwan', 'inspektorat', 'diskominfo', 'bapperida', 'dinkes', 'bagian-umum']);
  }, 90_000);

  it('--profile FILE --yes reuses a profile as it is; a different one is not written over without --force', async () => {
    const cwd = tempDir();
    const jombang = readFileSync(join(ROOT, 'examples', 'jombang', 'regency.yaml'), 'utf8');
    writeFileSync(join(cwd, 'jombang.yaml'), jombang);
    const r = await runCli(['init', 'j', '--profile', 'jombang.yaml', '--yes'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'j', 'regency.yaml'), 'utf8')).toBe(jombang);
    expect(existsSync(join(cwd, 'j', 'keluaran', 'deploy', 'vm', 'install.sh'))).toBe(true);

    writeFileSync(join(cwd, 'other.yaml'), readFileSync(join(ROOT, 'examples', 'lebak', 'regency.yaml'), 'utf8'));
    const refused = await runCli(['init', 'j', '--profile', 'other.yaml', '--yes'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('j/regency.yaml sudah ada dan berbeda dari other.yaml; tidak ditimpa');
    expect(readFileSync(join(cwd, 'j', 'regency.yaml'), 'utf8')).toBe(jombang);

    const forced = await runCli(['init', 'j', '--profile', 'other.yaml', '--yes', '--force'], { cwd });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'j', 'regency.yaml.bak'), 'utf8')).toBe(jombang);
  }, 90_000);

  it('an invalid profile: its diagnostics, exit 1, nothing generated; an unknown regency: exit 2 with suggestions', async () => {
    const cwd = tempDir();
    const bad = readFileSync(join(ROOT, 'examples', 'jombang', 'regency.yaml'), 'utf8').replace(/nip: "(\d{4})\d\d/, 'nip: "$113');
    writeFileSync(join(cwd, 'bad.yaml'), bad);
    const r = await runCli(['init', 'b', '--profile', 'bad.yaml', '--yes', '--lang', 'en'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/b\/regency\.yaml:\d+:\d+ error nip/);
    expect(existsSync(join(cwd, 'b', 'keluaran'))).toBe(false);

    writeFileSync(join(cwd, 'a-file'), '');
    const blocked = await runCli(['init', 'a-file', '--regency', '32.18', '--yes', '--lang', 'en'], { cwd });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^eoffice: a-file\/regency\.yaml cannot be written \((EEXIST|ENOTDIR)\)\n$/);

    const u = await runCli(['init', 'x', '--regency', 'Sumedan', '--yes', '--lang', 'en'], { cwd });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('eoffice: "Sumedan" is not a regency or city of decree 300.2.2-2138/2025\nhint: perhaps: 32.11 Kabupaten Sumedang');
  }, 90_000);
});
