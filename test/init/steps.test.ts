/** Pure parts of the wizard's steps: finding a regency by part of its name, and what a run without a terminal lacks. */
import { describe, expect, it } from 'vitest';
import { missingAnswers } from '../../src/commands/init/answers.js';
import { regencyFromFlag, searchRegencies } from '../../src/commands/init/steps/regency.js';
import { UsageError } from '../../src/errors.js';
import { regionIndex } from '../../src/region/decree.js';

const region = regionIndex();
const found = (term: string, n = 4) => searchRegencies(region, term).slice(0, n).map((r) => r.code);

describe('searchRegencies', () => {
  it('an exact place name first, then names that start with it, then the rest', () => {
    expect(found('banjar')).toEqual(['32.79', '63.03', '33.04', '63.71']);
    expect(found('sumedang')).toEqual(['32.11']);
  });
  it('every word must match, in the name, the province or the code', () => {
    expect(found('kota bandung')).toEqual(['32.73']);
    expect(found('jawa barat kota', 2)).toEqual(['32.71', '32.72']);
    expect(found('32.1', 2)).toEqual(['32.10', '32.11']);
    expect(found('zzz')).toEqual([]);
    expect(searchRegencies(region, '')).toHaveLength(514);
  });
});

describe('regencyFromFlag', () => {
  it('takes a code or a name; anything else is a usage error with suggestions', () => {
    expect(regencyFromFlag(region, '32.18', 'en')).toBe('32.18');
    expect(regencyFromFlag(region, 'Kabupaten Pangandaran', 'en')).toBe('32.18');
    expect(regencyFromFlag(region, 'pangandaran', 'en')).toBe('32.18');
    expect(() => regencyFromFlag(region, 'Banjar', 'en')).toThrow('"Banjar" may mean 32.79 Kota Banjar or 63.03 Kabupaten Banjar');
    const hint = (value: string) => {
      try {
        regencyFromFlag(region, value, 'en');
      } catch (err) {
        return (err as UsageError).hint;
      }
    };
    expect(hint('Banjar')).toBe('give its code, e.g. --regency 32.79');
    expect(hint('Banjarn')).toBe('perhaps: 33.04 Kabupaten Banjarnegara');
  });
});

describe('missingAnswers', () => {
  it('the regency always; apps, target, domain and database unless --yes', () => {
    expect(missingAnswers({}, 'en').map((m) => m.split(' ')[0])).toEqual(['--regency', '--apps', '--target', '--domain', '--db']);
    expect(missingAnswers({ yes: true }, 'en').map((m) => m.split(' ')[0])).toEqual(['--regency']);
    expect(missingAnswers({ regency: '32.18', apps: 'eoffice', target: 'vm', domain: 'a.go.id', db: 'mysql' }, 'en')).toEqual([]);
  });
});
