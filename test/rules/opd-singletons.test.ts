import { describe, expect, it } from 'vitest';
import { add, del, diagnosticsOf, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'opd-singletons';

describe('opd-singletons', () => {
  it('accepts the fixture: one Setda, one Setwan, one Inspektorat', () => expectNone(RULE));

  it.each([
    [0, 'sekretariat-daerah', 'Sekretariat Daerah'],
    [2, 'sekretariat-dprd', 'Sekretariat DPRD'],
    [3, 'inspektorat', 'Inspektorat'],
  ] as const)('reports a missing %s', (index, kind, label) => {
    const d = expectFinding(RULE, [set(['opds', index, 'kind'], 'dinas')], { severity: 'error', path: '/opds', mentions: [label, `kind: ${kind}`] });
    expect(d.line).toBe(lineContaining(d.text, 'opds:'));
    expect(d.hint).toContain(`kind: ${kind}`);
  });

  it('reports a removed Setwan', () => {
    expectFinding(RULE, [del(['opds', 2])], { severity: 'error', path: '/opds', mentions: ['Sekretariat DPRD'] });
  });

  it('reports a second Inspektorat at its kind', () => {
    const d = expectFinding(RULE, [add(['opds'], { code: 'inspektorat-2', name: 'Inspektorat Pembantu', kind: 'inspektorat' })], {
      severity: 'error',
      path: '/opds/10/kind',
      mentions: ['Inspektorat', 'opds[3]'],
    });
    expect(d.line).toBe(lineContaining(d.text, 'name: Inspektorat Pembantu') + 1);
  });

  it('reports a second Setda', () => {
    expectFinding(RULE, [set(['opds', 4, 'kind'], 'sekretariat-daerah')], { severity: 'error', path: '/opds/4/kind', mentions: ['Sekretariat Daerah', 'opds[0]'] });
  });

  it('reports every extra one and every missing one', () => {
    const { found } = diagnosticsOf(RULE, [set(['opds', 4, 'kind'], 'sekretariat-dprd'), set(['opds', 5, 'kind'], 'sekretariat-dprd'), set(['opds', 3, 'kind'], 'badan')]);
    expect(found.map((d) => d.path)).toEqual(['/opds/4/kind', '/opds/5/kind', '/opds']);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['opds', 3, 'kind'], 'badan')], { severity: 'error', path: '/opds', mentions: ['no Inspektorat (kind: inspektorat)'] });
    expectEnglish(RULE, [set(['opds', 4, 'kind'], 'sekretariat-daerah')], { severity: 'error', path: '/opds/4/kind', mentions: ['a second Sekretariat Daerah (the first: opds[0])'] });
  });
});
