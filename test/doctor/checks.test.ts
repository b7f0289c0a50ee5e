/** The doctor's rules with a fake probe: disk thresholds, DNS answers (offline is not a failure), version parsing. */
import { describe, expect, it } from 'vitest';
import { runChecks, versionIn, type Probe } from '../../src/doctor/checks.js';

const GiB = 1024 ** 3;

function probe(free: number, dns: Awaited<ReturnType<Probe['resolve']>>): Probe {
  return {
    run: async (file) => ({ ok: true, notFound: false, output: file === 'node' ? 'v24.1.0' : '1.0.0' }),
    freeBytes: async () => free,
    resolve: async () => dns,
  };
}

const input = { targets: ['compose'] as const, domain: 'eoffice.contohkab.go.id', dir: '/srv' };

describe('runChecks', () => {
  it('disk: under 2 GiB missing (required), under 10 GiB a warning, else ok', async () => {
    for (const [free, status] of [[1.5 * GiB, 'missing'], [5 * GiB, 'warn'], [40 * GiB, 'ok']] as const) {
      const disk = (await runChecks(probe(free, { addresses: ['10.0.0.1'] }), { ...input, targets: [...input.targets] })).find((c) => c.id === 'disk')!;
      expect(disk.status, String(free)).toBe(status);
      expect(disk.required).toBe(true);
    }
  });
  it('DNS: resolved is ok, unknown is a warning with the fix, offline is neither', async () => {
    const dns = async (answer: Awaited<ReturnType<Probe['resolve']>>) => (await runChecks(probe(40 * GiB, answer), { ...input, targets: [...input.targets] })).find((c) => c.id === 'dns')!;
    expect(await dns({ addresses: ['10.0.0.1', '10.0.0.2'] })).toMatchObject({ status: 'ok', detail: { en: '10.0.0.1, 10.0.0.2' } });
    expect(await dns({ error: 'not-found' })).toMatchObject({ status: 'warn', required: false, fix: { en: expect.stringContaining('DNS A/AAAA record') } });
    expect(await dns({ error: 'offline' })).toMatchObject({ status: 'offline', required: false });
  });
  it('versionIn reads what tools print', () => {
    expect(versionIn('Docker Compose version v2.29.7')).toEqual([2, 29, 7]);
    expect(versionIn('Client Version: v1.32.4-dispatcher')).toEqual([1, 32, 4]);
    expect(versionIn('psql (PostgreSQL) 15.18')).toEqual([15, 18, 0]);
    expect(versionIn('no digits')).toBeUndefined();
  });
});
