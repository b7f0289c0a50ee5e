import { describe, expect, it } from 'vitest';
import { expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'village-name';

describe('village-name', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts the decree name whatever its case, spacing or punctuation', () => {
    expectNone(RULE, [
      set(['villages'], [
        { code: '32.79.01.2003', name: 'BALOKANG' },
        { code: '32.79.04.2003', name: 'Waringin-sari' },
        { code: '32.79.03.1004', name: 'Karang Panimbal' },
      ]),
    ]);
  });

  it('leaves a code the decree does not have to village-region', () => {
    expectNone(RULE, [set(['villages'], [{ code: '32.79.01.2999', name: 'Entah' }])]);
  });

  it('warns about a name that differs from the decree', () => {
    const d = expectFinding(RULE, [set(['villages'], [{ code: '32.79.04.2001', name: 'Langensari' }, { code: '32.79.01.2003', name: 'Balokangan' }])], {
      severity: 'warning',
      path: '/villages/1/name',
      mentions: ['"Balokangan"', '32.79.01.2003', '"Balokang"'],
    });
    expect(d.line).toBe(lineContaining(d.text, 'Balokangan'));
    expect(d.hint).toContain('"Balokang"');
  });

  it('warns about a name that belongs to another village (a wrong code)', () => {
    expectFinding(RULE, [set(['villages'], [{ code: '32.79.01.2004', name: 'Balokang' }])], { severity: 'warning', path: '/villages/0/name', mentions: ['"Balokang"', '"Cibeureum"'] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['villages'], [{ code: '32.79.01.2003', name: 'Balokangan' }])], {
      severity: 'warning',
      path: '/villages/0/name',
      mentions: ['name "Balokangan" differs from the 2025 decree for 32.79.01.2003: "Balokang"'],
    });
  });
});
