import { describe, expect, it } from 'vitest';
import { isDomainName, isEmail } from '../../src/rules/contact-syntax.js';
import { del, expectEnglish, expectFinding, expectNone, lineContaining, set } from '../helpers/profile.js';

const RULE = 'contact-syntax';

describe('contact-syntax', () => {
  it('accepts the fixture', () => expectNone(RULE));

  it('accepts well-formed addresses everywhere', () => {
    expectNone(RULE, [
      set(['regency', 'letterhead', 'website'], 'banjarkota.go.id'),
      set(['regency', 'letterhead', 'email'], "kominfo.banjar+surat@mail.banjarkota.go.id"),
      set(['deployment', 'mail'], { host: 'smtp.banjarkota.go.id', from: 'no-reply@banjarkota.go.id' }),
      set(['signatories', 2, 'email'], 'siti.nurhasanah@banjarkota.go.id'),
    ]);
    expectNone(RULE, [set(['regency', 'letterhead', 'website'], 'http://banjarkota.go.id:8080/portal')]);
    expectNone(RULE, [set(['deployment', 'mail'], { host: 'mailhog' })]);
    expectNone(RULE, [set(['deployment', 'mail'], { host: '10.20.0.25' })]);
    expectNone(RULE, [set(['deployment', 'mail'], { host: 'fd00::25' })]);
  });

  it.each(['https://banjarkota.go.id', 'banjarkota.go.id/', 'banjarkota', '-banjar.go.id', 'banjar..go.id', 'banjar kota.go.id', 'banjarkota.go.1d'])('reports the domain %j', (value) => {
    const d = expectFinding(RULE, [set(['regency', 'domain'], value)], { severity: 'error', path: '/regency/domain', mentions: [`"${value}"`] });
    expect(d.line).toBe(lineContaining(d.text, /^ {2}letterhead:/) - 1);
    expect(d.hint).toContain('https://');
  });

  it('warns about a regional domain outside .go.id', () => {
    expectFinding(RULE, [set(['regency', 'domain'], 'banjarkota.com')], { severity: 'warning', path: '/regency/domain', mentions: ['.go.id', '"banjarkota.com"'] });
  });

  it.each(['diskominfo', 'diskominfo@', '@banjarkota.go.id', 'diskominfo@banjarkota', '.kominfo@banjarkota.go.id', 'dis..kominfo@banjarkota.go.id', 'dis kominfo@banjarkota.go.id'])('reports the letterhead e-mail %j', (value) => {
    const d = expectFinding(RULE, [set(['regency', 'letterhead', 'email'], value)], { severity: 'error', path: '/regency/letterhead/email', mentions: [`"${value}"`] });
    expect(d.line).toBe(lineContaining(d.text, 'phone: "(0265) 741000"') + 1);
  });

  it.each(['ftp://banjarkota.go.id', 'https://', 'https://banjarkota', 'banjar kota'])('reports the website %j', (value) => {
    expectFinding(RULE, [set(['regency', 'letterhead', 'website'], value)], { severity: 'error', path: '/regency/letterhead/website', mentions: [`"${value}"`] });
  });

  it('reports the deployment domain, TLS e-mail, mail sender and mail host', () => {
    expectFinding(RULE, [set(['deployment', 'domain'], 'https://eoffice.banjarkota.go.id/')], { severity: 'error', path: '/deployment/domain', mentions: ['"https://eoffice.banjarkota.go.id/"'] });
    expectFinding(RULE, [set(['deployment', 'tls', 'email'], 'admin')], { severity: 'error', path: '/deployment/tls/email', mentions: ['"admin"'] });
    expectFinding(RULE, [set(['deployment', 'mail'], { host: 'smtp.banjarkota.go.id', from: 'eoffice at banjarkota.go.id' })], { severity: 'error', path: '/deployment/mail/from', mentions: ['"eoffice at banjarkota.go.id"'] });
    expectFinding(RULE, [set(['deployment', 'mail'], { host: 'smtp..banjarkota.go.id' })], { severity: 'error', path: '/deployment/mail/host', mentions: ['"smtp..banjarkota.go.id"'] });
  });

  it('reports a signatory e-mail', () => {
    const d = expectFinding(RULE, [set(['signatories', 2, 'email'], 'siti@@banjarkota.go.id')], { severity: 'error', path: '/signatories/2/email', mentions: ['"siti@@banjarkota.go.id"'] });
    expect(d.line).toBe(lineContaining(d.text, 'siti@@'));
  });

  it('warns about automatic TLS without a contact e-mail, at tls', () => {
    const d = expectFinding(RULE, [del(['deployment', 'tls', 'email'])], { severity: 'warning', path: '/deployment/tls', mentions: ['acme'] });
    expect(d.line).toBe(lineContaining(d.text, 'tls:'));
    expectNone(RULE, [set(['deployment', 'tls'], { mode: 'none' })]);
  });

  it('exports checks that agree with the rule', () => {
    expect(isDomainName('eoffice.sumedangkab.go.id')).toBe(true);
    expect(isDomainName('a'.repeat(64) + '.go.id')).toBe(false);
    expect(isDomainName('x.' + 'a'.repeat(250))).toBe(false);
    expect(isEmail('diskominfo@sumedangkab.go.id')).toBe(true);
    expect(isEmail('a'.repeat(65) + '@sumedangkab.go.id')).toBe(false);
  });

  it('speaks English with --lang en', () => {
    expectEnglish(RULE, [set(['regency', 'letterhead', 'email'], 'diskominfo')], { severity: 'error', path: '/regency/letterhead/email', mentions: ['"diskominfo" is not a valid e-mail address'] });
    expectEnglish(RULE, [set(['regency', 'domain'], 'banjarkota.com')], { severity: 'warning', path: '/regency/domain', mentions: ['a regional government domain usually ends in .go.id, not "banjarkota.com"'] });
  });
});
