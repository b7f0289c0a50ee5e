import { describe, expect, it } from 'vitest';
import { add, del, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'opd-type';

describe('opd-type', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts Setwan and Inspektorat with or without a type, and kecamatan of type A or B', () => {
    expectNone(RULE, [set(['opds', 2, 'type'], 'B'), del(['opds', 3, 'type']), set(['opds', 6, 'type'], 'B')]);
  });

  it('reports a kecamatan of type C', () => {
    const d = expectFinding(RULE, [set(['opds', 6, 'type'], 'C')], { severity: 'error', path: '/opds/6/type', mentions: ['Kecamatan Banjar', 'C'] });
    expect(d.line).toBe(lineContaining(d.text, 'name: Kecamatan Banjar') + 2);
  });

  it.each([
    [0, 'Sekretariat Daerah'],
    [4, 'Dinas Komunikasi dan Informatika'],
    [5, 'Badan Perencanaan Pembangunan Daerah'],
    [7, 'Kecamatan Pataruman'],
  ])('warns about opds[%i] (%s) without a type', (index, name) => {
    const d = expectFinding(RULE, [del(['opds', index, 'type'])], { severity: 'warning', path: `/opds/${index}`, mentions: [name, 'A/B/C'] });
    expect(d.line).toBe(lineContaining(d.text, `name: ${name}`) - 1);
  });

  it('reports a type on a bagian', () => {
    expectFinding(RULE, [set(['opds', 1, 'type'], 'A')], { severity: 'error', path: '/opds/1/type', mentions: ['bagian'] });
  });

  it.each(['kelurahan', 'uptd'])('reports a type on a %s', (kind) => {
    expectFinding(RULE, [add(['opds'], { code: `x-${kind}`, name: `Unit ${kind}`, kind, parent: 'kec-banjar', type: 'B' })], { severity: 'error', path: '/opds/10/type', mentions: [kind] });
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['opds', 6, 'type'], 'C')], { severity: 'error', path: '/opds/6/type', mentions: ['Kecamatan Banjar has type C; a kecamatan is type A or B only'] });
    expectEnglish(RULE, [del(['opds', 4, 'type'])], { severity: 'warning', path: '/opds/4', mentions: ['Dinas Komunikasi dan Informatika has no type (A/B/C)'] });
  });
});
