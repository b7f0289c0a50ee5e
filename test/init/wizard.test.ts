/**
 * The wizard's flow in-process, answered through a fake Prompter as a person would answer: each
 * step's question, the live checks (a NIP refused with its reason, a golongan with its pangkat),
 * the import inside the wizard, Ctrl+C, and a folder that already has a profile.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInit } from '../../src/commands/init/index.js';
import type { RegencyProfile, VillagesFromDecree } from '../../src/profile/types.generated.js';
import { regionIndex } from '../../src/region/decree.js';
import { validateFile } from '../../src/validate/validate-profile.js';
import { context } from '../generate/support.js';
import { tempDir } from '../helpers/tree.js';
import { fakePrompter } from './fake-prompter.js';
import { ROWS } from './agency-rows.js';

const districts = regionIndex().districtsOf('32.18');

/** A person setting up Pangandaran for a VM with MariaDB, two kecamatan as a pilot. */
const PERSON = {
  regency: ['pangan'],
  address: ['Jl. Merdeka No. 248, Parigi'],
  apps: [['eoffice', 'esakip']],
  agencies: ['edit'],
  'agency-keep': [['bappeda', 'bpkad', 'bkpsdm', 'diskominfo', 'disdik', 'dinkes', 'dpmd']],
  'agency-add': [true, false],
  'agency-name': ['Dinas Arsip Daerah'],
  'agency-kind': ['dinas'],
  'agency-short': ['Disarda'],
  'agency-unit': [''],
  villages: ['some'],
  kecamatan: [[districts[0]!.code, districts[1]!.code]],
  signatories: [true],
  head: ['H. Citra Pitriyami, S.E.'],
  'sekda-name': ['Drs. Kusdiana, M.Si.'],
  'sekda-nip': ['19700231 199203 1 004', '19700312 199203 1 004'],
  'sekda-golongan': ['V/a', 'iv/c'],
  'head-more': [true, false],
  'head-opd': ['kominfo'],
  'kepala-name': ['Dr. Ratna Wulandari, S.Kom., M.T.'],
  'kepala-nip': ['198512252010122001'],
  'kepala-golongan': ['IV/a'],
  target: ['vm'],
  domain: [''],
  db: ['mariadb'],
};

describe('init, answered as a person would', () => {
  it('writes a profile that validates and generates the tree', async () => {
    const cwd = tempDir();
    const prompter = fakePrompter(PERSON);
    const ctx = context({ isInteractive: true, cwd, lang: 'id' });
    expect(await runInit(ctx, 'pangandaran', {}, { prompter }), ctx.printed()).toBe(0);
    expect(prompter.asked).toEqual([
      'regency', 'address', 'apps', 'agencies', 'agency-keep', 'agency-add', 'agency-name', 'agency-kind', 'agency-short', 'agency-unit', 'agency-add',
      'villages', 'kecamatan', 'signatories', 'head', 'sekda-name', 'sekda-nip', 'sekda-nip', 'sekda-golongan', 'sekda-golongan',
      'head-more', 'head-opd', 'kepala-name', 'kepala-nip', 'kepala-golongan', 'head-more', 'target', 'domain', 'db',
    ]);
    // The live checks: refused with the reason, explained back when right.
    expect(prompter.rejected).toEqual([
      { id: 'sekda-nip', value: '19700231 199203 1 004', reason: 'tanggal lahir 19700231 (8 angka pertama) tidak ada di kalender' },
      { id: 'sekda-golongan', value: 'V/a', reason: 'golongan "V/a" tidak dikenal: I/a sampai IV/e, misalnya III/a' },
    ]);
    expect(prompter.explained).toContainEqual({ id: 'sekda-nip', value: '19700312 199203 1 004', meaning: 'lahir 12 Maret 1970, TMT CPNS Maret 1992, laki-laki' });
    expect(prompter.explained).toContainEqual({ id: 'sekda-golongan', value: 'iv/c', meaning: 'Pembina Utama Muda' });

    const file = join(cwd, 'pangandaran', 'regency.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+\/schemas\/regency-profile\.schema\.json\n/);
    const result = await validateFile(file, { lang: 'en' });
    // Two kecamatan of ten: the one warning says the villages are partial.
    expect(result.diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual(['warning village-coverage']);

    const p = parse(text) as RegencyProfile;
    expect(p.regency).toMatchObject({ code: '32.18', name: 'Kabupaten Pangandaran', letterhead: { address: 'Jl. Merdeka No. 248, Parigi' } });
    expect(Object.keys(p.apps)).toEqual(['eoffice', 'esakip']);
    const codes = p.opds.map((o) => o.code);
    expect(codes).toContain('disarda');
    expect(codes).not.toContain('dlh');
    expect(p.opds.find((o) => o.code === 'disarda')).toMatchObject({ name: 'Dinas Arsip Daerah', kind: 'dinas', unitCode: 'DISARDA' });
    expect(p.opds.filter((o) => o.kind === 'kecamatan')).toHaveLength(districts.length);
    expect((p.villages as VillagesFromDecree).include).toEqual([districts[0]!.code, districts[1]!.code]);
    expect(p.signatories.find((s) => s.role === 'kepala-daerah')).toMatchObject({ frontTitle: 'H.', name: 'Citra Pitriyami', backTitle: 'S.E.', position: 'Bupati Pangandaran' });
    expect(p.signatories.find((s) => s.id === 'sekda')).toMatchObject({ frontTitle: 'Drs.', name: 'Kusdiana', backTitle: 'M.Si.', nip: '197003121992031004', golongan: 'IV/c', pangkat: 'Pembina Utama Muda' });
    const kominfo = p.signatories.find((s) => s.opd === 'diskominfo')!;
    expect(kominfo).toMatchObject({ frontTitle: 'Dr.', name: 'Ratna Wulandari', nip: '198512252010122001', golongan: 'IV/a', pangkat: 'Pembina', role: 'kepala-opd' });
    expect(kominfo.status).toBeUndefined();
    expect(p.deployment).toMatchObject({ targets: ['vm'], domain: 'eoffice.pangandarankab.go.id', database: { engine: 'mariadb' } });
    // The people not given are still the scaffold's, and the header says so.
    expect(text).toMatch(/^# PERHATIAN: penandatangan berikut masih contoh fiktif.*wakil-bupati/m);
    expect(text).not.toMatch(/fiktif.*\bsekda\b/);

    const out = join(cwd, 'pangandaran', 'keluaran');
    for (const f of ['eoffice.lock.json', 'deploy/vm/install.sh', 'seed/mysql', 'docs/panduan-instalasi.md']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, 'apps', 'eoffice-desa'))).toBe(false);
    expect(ctx.out.join('')).toContain('eoffice deploy pangandaran/keluaran --target vm --dry-run');
  });

  it('imports agencies inside the wizard: a file that cannot be read is said and asked again; rejected rows are shown', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'opd.csv'), ROWS.map((r) => r.join(';')).join('\n'));
    const prompter = fakePrompter({ ...PERSON, agencies: ['import'], 'agency-file': ['tidak-ada.csv', 'opd.csv'], 'agency-import-ok': [true], signatories: [false] });
    const ctx = context({ isInteractive: true, cwd, lang: 'id' });
    expect(await runInit(ctx, 'x', {}, { prompter }), ctx.printed()).toBe(0);
    expect(prompter.notes[0]).toMatch(/^✗ tidak-ada\.csv tidak dapat dibaca \(ENOENT\)/);
    expect(prompter.notes[1]).toContain('opd.csv: 7 OPD diterima, 6 baris ditolak');
    expect(prompter.notes[1]).toContain('baris 7: jenis "Kantor" tidak dikenal');
    expect(prompter.notes[1]).toContain('baris 10: kode "dinkes" duplikat (sudah dipakai baris 9)');
    const p = parse(readFileSync(join(cwd, 'x', 'regency.yaml'), 'utf8')) as RegencyProfile;
    expect(p.opds.filter((o) => o.kind !== 'kecamatan').map((o) => o.code)).toEqual(['setda', 'setwan', 'inspektorat', 'diskominfo', 'bapperida', 'dinkes', 'bagian-umum']);
  });

  it('Ctrl+C at any question: exit 2, a short line, nothing written', async () => {
    for (const at of ['regency', 'agency-keep', 'sekda-nip', 'db']) {
      const cwd = tempDir();
      const prompter = fakePrompter(PERSON, { interruptAt: at });
      const ctx = context({ isInteractive: true, cwd, lang: 'en' });
      expect(await runInit(ctx, 'pangandaran', {}, { prompter })).toBe(2);
      expect(ctx.err.join('')).toBe('\ncancelled; nothing was written\n');
      expect(existsSync(join(cwd, 'pangandaran')), at).toBe(false);
    }
  });

  it('a folder with a profile: reused when chosen (untouched), replaced only when chosen, the old one kept', async () => {
    const cwd = tempDir();
    const first = context({ isInteractive: false, cwd });
    expect(await runInit(first, 'p', { regency: '32.18', yes: true, target: 'vm' }), first.printed()).toBe(0);
    const file = join(cwd, 'p', 'regency.yaml');
    const before = readFileSync(file, 'utf8');

    const reuse = fakePrompter({ existing: ['reuse'] });
    const ctx = context({ isInteractive: true, cwd });
    expect(await runInit(ctx, 'p', {}, { prompter: reuse }), ctx.printed()).toBe(0);
    expect(reuse.asked).toEqual(['existing']);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(ctx.out.join('')).toContain('0 created');

    const replace = fakePrompter({ ...PERSON, existing: ['replace'] });
    const ctx2 = context({ isInteractive: true, cwd });
    expect(await runInit(ctx2, 'p', {}, { prompter: replace }), ctx2.printed()).toBe(0);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
    expect(readFileSync(file, 'utf8')).not.toBe(before);
  });
});
