/** The live checks of the signatories step: names split into titles, NIPs explained or refused, golongan with pangkat. */
import { describe, expect, it } from 'vitest';
import { explainGolongan, explainNip, splitTitles, validateFullName } from '../../src/commands/init/person.js';

const TODAY = new Date('2026-11-23');

describe('splitTitles', () => {
  it('keeps front title, name and back title apart', () => {
    expect(splitTitles('Dr. H. Ahmad Hidayat, S.E., M.M.')).toEqual({ frontTitle: 'Dr. H.', name: 'Ahmad Hidayat', backTitle: 'S.E., M.M.' });
    expect(splitTitles('  Hj.   Siti  Rahmawati ,S.Sos. ')).toEqual({ frontTitle: 'Hj.', name: 'Siti Rahmawati', backTitle: 'S.Sos.' });
    expect(splitTitles('Kusdiana')).toEqual({ name: 'Kusdiana' });
    // A lone title is a name the person has still to type, not a title with no name.
    expect(splitTitles('Dr.')).toEqual({ name: 'Dr.' });
  });
  it('refuses an empty name or one with digits', () => {
    expect(validateFullName('id', ' , S.E.')).toBe('nama wajib diisi');
    expect(validateFullName('en', 'Agus 2')).toBe('a name has no digits');
    expect(validateFullName('en', 'Drs. Kusdiana, M.Si.')).toBe(true);
  });
});

describe('explainNip', () => {
  it('explains a NIP back: birth date, TMT, sex; spaces as printed are allowed', () => {
    expect(explainNip('id', '19700312 199203 1 004', TODAY)).toEqual({ ok: true, kind: 'nip', text: 'lahir 12 Maret 1970, TMT CPNS Maret 1992, laki-laki' });
    expect(explainNip('en', '198512252010122001', TODAY)).toEqual({ ok: true, kind: 'nip', text: 'born 25 December 1985, TMT CPNS December 2010, female' });
  });
  it('takes an NI PPPK as its own kind', () => {
    const r = explainNip('id', '199001012024211001', TODAY);
    expect(r).toMatchObject({ ok: true, kind: 'nipppk' });
  });
  it('refuses with the reason', () => {
    expect(explainNip('id', '1970031219920310', TODAY)).toEqual({ ok: false, reason: 'NIP terdiri atas 18 angka tanpa spasi' });
    expect(explainNip('en', '197002311992031004', TODAY)).toEqual({ ok: false, reason: 'birth date 19700231 (the first 8 digits) is not a real date' });
    expect(explainNip('en', '197003121992033004', TODAY)).toEqual({ ok: false, reason: 'digit 15 must be 1 (male) or 2 (female), not 3' });
    expect(explainNip('id', '198003122027011004', TODAY)).toEqual({ ok: false, reason: 'TMT 2027-01 belum terjadi' });
    expect(explainNip('en', '200003122010011004', TODAY)).toEqual({ ok: false, reason: 'TMT CPNS at age 9, before 18' });
  });
});

describe('explainGolongan', () => {
  it('normalises what people type and offers the pangkat', () => {
    expect(explainGolongan('id', ' iv / c ')).toEqual({ ok: true, golongan: 'IV/c', pangkat: 'Pembina Utama Muda' });
    expect(explainGolongan('id', 'III/a')).toEqual({ ok: true, golongan: 'III/a', pangkat: 'Penata Muda' });
    expect(explainGolongan('en', 'V/a')).toEqual({ ok: false, reason: 'unknown golongan "V/a": I/a to IV/e, e.g. III/a' });
  });
});
