import { describe, expect, it } from 'vitest';
import { expectEnglish, expectFinding, expectNone, set } from '../helpers/profile.js';

const RULE = 'village-kind';

describe('village-kind', () => {
  it('accepts the fixture (villages from the decree carry no kind)', () => expectNone(RULE));

  it('accepts kinds that agree with the code, and no kind at all', () => {
    expectNone(RULE, [
      set(['villages'], [
        { code: '32.79.01.1001', name: 'Banjar', kind: 'kelurahan' },
        { code: '32.79.01.2003', name: 'Balokang', kind: 'desa' },
        { code: '32.79.01.2004', name: 'Cibeureum' },
      ]),
    ]);
  });

  it.each([
    ['32.79.01.2003', 'Balokang', 'kelurahan', 'desa'],
    ['32.79.01.1001', 'Banjar', 'desa', 'kelurahan'],
    ['32.79.01.3001', 'Adat', 'desa', 'desa-adat'],
  ])('reports %s (%s) written as %s', (code, name, kind, derived) => {
    const d = expectFinding(RULE, [set(['villages'], [{ code: '32.79.04.2001', name: 'Langensari' }, { code, name, kind }])], {
      severity: 'error',
      path: '/villages/1/kind',
      mentions: [name, code, `adalah ${derived}, bukan ${kind}`],
    });
    expect(d.hint).toContain(`kind: ${derived}`);
  });

  it.each(['32.79.01.4003', '32.79.01.0003', '32.79.01.9003'])('reports code %s, whose first N is no kind', (code) => {
    const d = expectFinding(RULE, [set(['villages'], [{ code, name: 'Entah', kind: 'desa' }])], { severity: 'error', path: '/villages/0/code', mentions: [code] });
    expect(d.message).toMatch(/1 \(kelurahan\), 2 \(desa\) atau 3 \(desa adat\)/);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['villages'], [{ code: '32.79.01.2003', name: 'Balokang', kind: 'kelurahan' }])], {
      severity: 'error',
      path: '/villages/0/kind',
      mentions: ['Balokang (32.79.01.2003) is a desa, not a kelurahan'],
    });
  });
});
