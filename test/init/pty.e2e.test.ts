/**
 * The real wizard (built bin/eoffice) in a real pseudo-terminal, typed at as a person would: the
 * regency found by part of its name, a wrong NIP refused with its reason and corrected, a
 * golongan shown with its pangkat; the profile validates and the tree is generated. Ctrl+C leaves
 * nothing; a second run offers to reuse the profile.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RegencyProfile } from '../../src/profile/types.generated.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tree.js';
import { KEY, runInPty } from './pty.js';

const ERASE = '\u007f'.repeat(30);

/** Pangandaran, typed at: the answers a Diskominfo engineer would give. */
export const GUIDED_STEPS: [string, string][] = [
  ['ketik sebagian namanya', 'pangan'],
  // Enter only once the wanted line is the highlighted one: the list redraws while the term is typed.
  ['❯ Kabupaten Pangandaran \\(32\\.18\\)', KEY.enter],
  ['Alamat kantor', `${ERASE}Jl. Merdeka No. 248, Parigi${KEY.enter}`],
  ['Aplikasi yang diterima', KEY.enter],
  ['Perangkat daerah \\(OPD\\)', KEY.enter],
  ['Desa dan kelurahan', KEY.enter],
  ['Penandatangan naskah dinas', KEY.enter],
  ['Bupati Pangandaran: nama lengkap', `H. Citra Pitriyami, S.E.${KEY.enter}`],
  ['Sekretaris Daerah: nama lengkap', `Drs. Kusdiana, M.Si.${KEY.enter}`],
  ['Sekretaris Daerah: NIP', `19700231 199203 1 004${KEY.enter}`],
  ['tidak ada di kalender', `${ERASE}19700312 199203 1 004${KEY.enter}`],
  ['Sekretaris Daerah: golongan', `iv/c${KEY.enter}`],
  ['Isi kepala OPD', `y${KEY.enter}`],
  ['OPD \\(ketik sebagian', 'kominfo'],
  ['❯ Dinas Komunikasi dan Informatika \\(Diskominfo\\)', KEY.enter],
  ['Kepala Diskominfo: nama lengkap', `Dr. Ratna Wulandari, S.Kom., M.T.${KEY.enter}`],
  ['Kepala Diskominfo: NIP', `198512252010122001${KEY.enter}`],
  ['Kepala Diskominfo: golongan', `IV/a${KEY.enter}`],
  ['Isi kepala OPD', `n${KEY.enter}`],
  ['Tempat aplikasi dijalankan', KEY.enter],
  ['Nama host aplikasi', KEY.enter],
  ['Basis data', KEY.enter],
];

describe('the wizard in a pseudo-terminal', () => {
  it('from an empty folder to a valid profile and a generated tree', async () => {
    const cwd = tempDir();
    const r = await runInPty(['init', 'pangandaran'], { cwd, steps: GUIDED_STEPS, timeout: 90 });
    expect(r.waiting, r.screen).toBeNull();
    expect(r.code, r.screen).toBe(0);
    // What the person saw: the answers, the NIP refused then explained, the pangkat offered.
    expect(r.screen).toContain('✔ Kabupaten/kota penerima (ketik sebagian namanya) Kabupaten Pangandaran (32.18)');
    expect(r.raw).toContain('tanggal lahir 19700231 (8 angka pertama) tidak ada di kalender');
    expect(r.screen).toContain('19700312 199203 1 004  (lahir 12 Maret 1970, TMT CPNS Maret 1992, laki-laki)');
    expect(r.screen).toContain('iv/c  (Pembina Utama Muda)');
    expect(r.screen).toContain('✓ pangandaran/regency.yaml sah');
    expect(r.screen).toMatch(/Menulis keluaran \(atomik\)/);
    // A colour terminal gets colour.
    expect(r.raw).toMatch(/\u001b\[[0-9;]*m/);

    const v = await runCli(['validate', 'pangandaran/regency.yaml'], { cwd });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const p = parse(readFileSync(join(cwd, 'pangandaran', 'regency.yaml'), 'utf8')) as RegencyProfile;
    expect(p.signatories.find((s) => s.id === 'sekda')).toMatchObject({ name: 'Kusdiana', nip: '197003121992031004', golongan: 'IV/c' });
    expect(p.signatories.find((s) => s.opd === 'diskominfo')).toMatchObject({ frontTitle: 'Dr.', name: 'Ratna Wulandari', backTitle: 'S.Kom., M.T.' });
    expect(p.regency.letterhead?.address).toBe('Jl. Merdeka No. 248, Parigi');
    expect(existsSync(join(cwd, 'pangandaran', 'keluaran', 'eoffice.lock.json'))).toBe(true);
    expect(existsSync(join(cwd, 'pangandaran', 'keluaran', 'deploy', 'compose', 'compose.yaml'))).toBe(true);

    // Again in the same folder: the profile is offered for reuse, not overwritten.
    const before = readFileSync(join(cwd, 'pangandaran', 'regency.yaml'), 'utf8');
    const again = await runInPty(['init', 'pangandaran'], { cwd, steps: [['sudah ada\\. Apa yang dilakukan\\?', KEY.enter]], timeout: 60 });
    expect(again.code, again.screen).toBe(0);
    expect(again.screen).toContain('Pakai profil itu: periksa lalu generate');
    expect(readFileSync(join(cwd, 'pangandaran', 'regency.yaml'), 'utf8')).toBe(before);
  }, 180_000);

  it('Ctrl+C in the middle: quiet, exit 2, nothing written (and with NO_COLOR, no colour codes)', async () => {
    const cwd = tempDir();
    const r = await runInPty(['init', 'sumedang', '--lang', 'en'], {
      cwd,
      env: { NO_COLOR: '1' },
      steps: [
        ['type part of its name', 'sumedang'],
        ['❯ Kabupaten Sumedang \\(32\\.11\\)', KEY.enter],
        ['Address of the regional', KEY.enter],
        ['The applications received', KEY.ctrlC],
      ],
    });
    expect(r.waiting, r.screen).toBeNull();
    expect(r.code).toBe(2);
    expect(r.screen).toContain('cancelled; nothing was written');
    expect(r.screen).not.toMatch(/Error|at .+:\d+:\d+/);
    expect(existsSync(join(cwd, 'sumedang'))).toBe(false);
    expect(r.raw).not.toMatch(/\u001b\[[0-9;]*m/);
  }, 90_000);
});
