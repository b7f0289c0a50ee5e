import { describe, expect, it } from 'vitest';
import { compareVersions } from '../src/util/semver.js';

describe('compareVersions', () => {
  it('orders by major, minor, patch as numbers, not as text', () => {
    expect(compareVersions('1.0.0', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.10', '1.0.9')).toBeGreaterThan(0);
    expect(compareVersions('2.1.3', '2.1.3')).toBe(0);
  });

  it('a pre-release sorts before its release; pre-release fields compare as SemVer says; build metadata is ignored', () => {
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-alpha.1')).toBeLessThan(0);
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBeLessThan(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-beta')).toBeLessThan(0);
    expect(compareVersions('1.0.0+upgrade.ab12cd34', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.0+x', '1.0.0')).toBeLessThan(0);
  });
});
