import { describe, expect, it } from 'vitest';
import { del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'sakip';
const ESAKIP = ['apps', 'esakip'] as const;

describe('sakip', () => {
  it('accepts the fixture (2025–2029, weights 30/30/15/25)', () => expectNone(RULE));

  it('accepts other five-year periods and weights that sum to 100', () => {
    expectNone(RULE, [set([...ESAKIP, 'period'], { start: 2021, end: 2025 }), set([...ESAKIP, 'weights'], { planning: 32.5, measurement: 27.5, reporting: 15, evaluation: 25 })]);
  });

  it('accepts an e-SAKIP section without weights, and a disabled one without period', () => {
    expectNone(RULE, [del([...ESAKIP, 'weights'])]);
    expectNone(RULE, [del([...ESAKIP, 'period']), set([...ESAKIP, 'enabled'], false)]);
  });

  it('says nothing without e-SAKIP', () => {
    expectNone(RULE, [del(ESAKIP)]);
  });

  it.each([
    [2025, 2030, 2029],
    [2025, 2028, 2029],
    [2029, 2025, 2033],
    [2025, 2025, 2029],
  ])('reports the period %i–%i', (start, end, expected) => {
    const d = expectFinding(RULE, [set([...ESAKIP, 'period'], { start, end })], { severity: 'error', path: '/apps/esakip/period', mentions: [`${start}–${end}`] });
    expect(d.hint).toContain(`${start}–${expected}`);
    expect(d.line).toBe(lineContaining(d.text, 'period:'));
  });

  it('reports an enabled e-SAKIP without period, at the app', () => {
    const d = expectFinding(RULE, [del([...ESAKIP, 'period'])], { severity: 'error', path: '/apps/esakip', mentions: ['RPJMD'] });
    expect(d.line).toBe(lineContaining(d.text, 'esakip:'));
    expect(d.hint).toContain('2025');
  });

  it.each([
    [{ planning: 30, measurement: 30, reporting: 15, evaluation: 20 }, '95'],
    [{ planning: 30, measurement: 30, reporting: 25, evaluation: 25 }, '110'],
    [{ planning: 33.3, measurement: 33.3, reporting: 33.3, evaluation: 0 }, '99.9'],
  ])('reports weights %j summing to %s', (weights, sum) => {
    const d = expectFinding(RULE, [set([...ESAKIP, 'weights'], weights)], { severity: 'error', path: '/apps/esakip/weights', mentions: [sum, '100'] });
    expect(d.hint).toContain('88/2021');
    expect(d.line).toBe(lineContaining(d.text, 'weights:'));
  });

  it('reports the period and the weights together', () => {
    const { found } = diagnosticsOf(RULE, [set([...ESAKIP, 'period', 'end'], 2031), set([...ESAKIP, 'weights', 'reporting'], 10)]);
    expect(found.map((d) => d.path)).toEqual(['/apps/esakip/period', '/apps/esakip/weights']);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set([...ESAKIP, 'period', 'end'], 2030)], { severity: 'error', path: '/apps/esakip/period', mentions: ['period 2025–2030 is not five years'] });
    expectEnglish(RULE, [set([...ESAKIP, 'weights', 'evaluation'], 20)], { severity: 'error', path: '/apps/esakip/weights', mentions: ['evaluation weights sum to 95, not 100'] });
  });
});
