import { describe, expect, it } from 'vitest';
import { isSensitive } from '../../src/validate/diagnostic.js';
import { formatText } from '../../src/validate/format/text.js';
import { validateText } from '../../src/validate/validate-profile.js';
import { diagnosticsOf, edited, expectEnglish, expectFinding, expectNone, lineContaining, set, TODAY, type Edit } from '../helpers/profile.js';

const RULE = 'secret-reference';

/** A finding about a secret, checked never to carry the secret itself. */
function expectSecret(edits: Edit[], path: string, secret: string, mentions: string[], lang: 'id' | 'en' = 'id') {
  const d = expectFinding(RULE, edits, { severity: 'error', path, mentions, lang });
  expect(d.message).not.toContain(secret);
  expect(d.hint ?? '').not.toContain(secret);
  return d;
}

describe('secret-reference', () => {
  it('accepts the fixture, whose secrets are env: references', () => expectNone(RULE));

  it('accepts env: and file: references under secret keys', () => {
    expectNone(RULE, [
      set(['deployment', 'database', 'password'], 'file:/run/secrets/db-password'),
      set(['deployment', 'storage'], { kind: 's3', bucket: 'arsip', accessKey: 'env:S3_ACCESS_KEY', secretKey: 'file:/run/secrets/s3' }),
      set(['deployment', 'tls'], { mode: 'provided', certificate: 'file:/etc/tls/eoffice.crt', privateKey: 'file:/etc/tls/eoffice.key' }),
      set(['deployment', 'mail'], { host: 'smtp.banjarkota.go.id', username: 'eoffice', password: 'env:SMTP_PASSWORD' }),
    ]);
  });

  describe('a value under a secret key', () => {
    it.each([
      [['deployment', 'database', 'password'], 'Hunter2-Rahasia!', 'password'],
      [['apps', 'eoffice', 'tte', 'clientSecret'], '9f8e7d6c5b4a3f2e1d0c', 'clientSecret'],
      [['deployment', 'tls', 'privateKey'], 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'privateKey'],
    ])('%j holds a secret', (path, secret, key) => {
      expectSecret([set(path, secret)], '/' + path.join('/'), secret, [`\`${key}\``]);
    });

    it('reports both keys of an S3 store, each at its own line', () => {
      const edits = [set(['deployment', 'storage'], { kind: 's3', bucket: 'arsip', accessKey: 'AKIA-not-a-ref', secretKey: 'wJalrXUtnFEMI/K7MDENG' })];
      const a = expectSecret(edits, '/deployment/storage/accessKey', 'AKIA-not-a-ref', ['accessKey']);
      const s = expectSecret(edits, '/deployment/storage/secretKey', 'wJalrXUtnFEMI/K7MDENG', ['secretKey']);
      expect(a.line).toBe(lineContaining(a.text, 'accessKey:'));
      expect(s.line).toBe(a.line + 1);
    });

    it('reports a mail password', () => {
      expectSecret([set(['deployment', 'mail'], { host: 'smtp.banjarkota.go.id', password: 'surat-rahasia-2026' })], '/deployment/mail/password', 'surat-rahasia-2026', ['password']);
    });

    it.each(['env:1ABC', 'env:DB PASSWORD', 'ENV:DB_PASSWORD', 'file: /run/x'])('refuses the malformed reference %j', (ref) => {
      expectSecret([set(['deployment', 'database', 'password'], ref)], '/deployment/database/password', ref, ['password']);
    });

    it.each(['env:', 'file:', ''])('refuses the empty reference %j', (ref) => {
      expectFinding(RULE, [set(['deployment', 'database', 'password'], ref)], { severity: 'error', path: '/deployment/database/password', mentions: ['password'] });
    });
  });

  describe('a value shaped like a secret under any key', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END RSA PRIVATE KEY-----\n';
    const github = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiYW5qYXIifQ.c2lnbmF0dXJlLXZhbHVl';
    it.each([
      ['private key', ['deployment', 'tls', 'certificate'], pem],
      ['AWS access key', ['deployment', 'storage'], 'AKIAIOSFODNN7EXAMPLE'],
      ['GitHub token', ['opds', 4, 'address'], github],
      ['Slack token', ['regency', 'letterhead', 'fax'], 'xoxb-1234567890-abcdefghij'],
      ['JWT', ['apps', 'eoffice', 'tte', 'clientId'], jwt],
      ['password in a URL', ['apps', 'eoffice', 'tte', 'baseUrl'], 'https://eoffice:Rahasia123@tte.banjarkota.go.id'],
    ] as const)('%s', (what, path, secret) => {
      const edits = path[1] === 'storage' ? [set(path, { kind: 's3', bucket: secret })] : [set(path, secret)];
      const at = path[1] === 'storage' ? '/deployment/storage/bucket' : '/' + path.join('/');
      const d = expectSecret(edits, at, secret, [what]);
      if (what === 'password in a URL') expect(d.message + d.hint).not.toContain('Rahasia123');
    });

    it('does not take an ordinary URL or e-mail for a secret', () => {
      expectNone(RULE, [set(['apps', 'eoffice', 'tte', 'baseUrl'], 'https://tte.banjarkota.go.id:8443/api/v1'), set(['signatories', 0, 'email'], 'walikota@banjarkota.go.id')]);
    });
  });

  it('reports each secret once and nothing else', () => {
    const { found } = diagnosticsOf(RULE, [set(['deployment', 'database', 'password'], 'ghp_' + 'x'.repeat(36))]);
    expect(found.map((d) => d.path)).toEqual(['/deployment/database/password']);
  });

  it('the text output quotes the source line with the secret masked', () => {
    const secret = 'hunter2hunter2';
    const text = edited(set(['deployment', 'database', 'password'], secret));
    const result = validateText('regency.yaml', text, { lang: 'id', today: TODAY });
    const d = result.diagnostics.find((x) => x.rule === RULE)!;
    expect(isSensitive(d)).toBe(true);
    const out = formatText([result], 'id', { color: false }, new Map([['regency.yaml', text]]));
    expect(out).not.toContain(secret);
    expect(out).toContain(`${String(d.line).padStart(5)} |     password: ***`);
  });

  it('speaks English with --lang en, still without the secret', () => {
    const secret = 'Hunter2-Rahasia!';
    const d = expectEnglish(RULE, [set(['deployment', 'database', 'password'], secret)], { severity: 'error', path: '/deployment/database/password', mentions: ['holds a secret value', 'password'] });
    expect(d.message + d.hint).not.toContain(secret);
    const v = expectFinding(RULE, [set(['apps', 'eoffice', 'tte', 'baseUrl'], 'https://u:Pw0rd@tte.banjarkota.go.id')], { severity: 'error', path: '/apps/eoffice/tte/baseUrl', mentions: ['looks like a secret (password in a URL)'], lang: 'en' });
    expect(v.message + v.hint).not.toContain('Pw0rd');
  });
});
