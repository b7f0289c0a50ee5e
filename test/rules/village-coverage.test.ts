import { describe, expect, it } from 'vitest';
import { del, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'village-coverage';

describe('village-coverage', () => {
  it('accepts the fixture, which takes every village from the decree', () => expectNone(RULE));

  it('accepts a full list written out', () => {
    expectNone(RULE, [set(['villages', 'include'], ['32.79.01', '32.79.02', '32.79.03', '32.79.04'])]);
  });

  it('warns about a partial selection, with the counts', () => {
    // 32.79.01 Banjar: 7 of the regency's 25 villages, 4 of 16 desa and 3 of 9 kelurahan.
    const d = expectFinding(RULE, [set(['villages', 'include'], ['32.79.01'])], {
      severity: 'warning',
      path: '/villages',
      mentions: ['7 dari 25', '4/16 desa', '3/9 kelurahan', '1 dari 4 kecamatan'],
    });
    expect(d.line).toBe(lineContaining(d.text, 'villages:'));
  });

  it('warns about an exclusion', () => {
    expectFinding(RULE, [set(['villages', 'exclude'], ['32.79.04'])], { severity: 'warning', path: '/villages', mentions: ['19 dari 25', '3 dari 4 kecamatan'] });
  });

  it('warns about a short written-out list', () => {
    expectFinding(RULE, [set(['villages'], [{ code: '32.79.01.2003', name: 'Balokang' }, { code: '32.79.02.1001', name: 'Hegarsari' }])], {
      severity: 'warning',
      path: '/villages',
      mentions: ['2 dari 25', '1/16 desa', '1/9 kelurahan', '2 dari 4 kecamatan'],
    });
  });

  it('warns about a profile with no villages when e-Office Desa is off', () => {
    const d = expectFinding(RULE, [del(['villages']), del(['signatories', 4]), set(['apps', 'eofficeDesa', 'enabled'], false)], { severity: 'warning', path: '', mentions: ['25'] });
    expect(d.line).toBe(lineContaining(d.text, 'apiVersion:'));
  });

  it('leaves a profile with no villages but e-Office Desa on to app-requirements', () => {
    expectNone(RULE, [del(['villages']), del(['signatories', 4])]);
  });

  it('says nothing for a regency the decree does not have', () => {
    expectNone(RULE, [set(['regency', 'code'], '32.98'), set(['villages', 'include'], ['32.79.01'])]);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['villages', 'include'], ['32.79.01'])], {
      severity: 'warning',
      path: '/villages',
      mentions: ['the profile lists 7 of 25 villages (4/16 desa, 3/9 kelurahan) in 1 of 4 kecamatan'],
    });
  });
});
