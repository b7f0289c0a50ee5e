import { isIP } from 'node:net';
import type { Rule, RuleContext, Segment } from './rule.js';
import { t } from './rule.js';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export function isDomainName(s: string): boolean {
  if (s.length > 253 || !s.includes('.')) return false;
  const labels = s.split('.');
  return labels.every((l) => LABEL.test(l)) && /^[a-z]{2,63}$/i.test(labels[labels.length - 1]!);
}

export function isEmail(s: string): boolean {
  const at = s.lastIndexOf('@');
  if (at <= 0) return false;
  const local = s.slice(0, at);
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && isDomainName(s.slice(at + 1));
}

function isWebsite(s: string): boolean {
  try {
    const u = new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`);
    return (u.protocol === 'https:' || u.protocol === 'http:') && isDomainName(u.hostname);
  } catch {
    return false;
  }
}

/** Domains, e-mail addresses and web addresses are well-formed; government domains end in .go.id. */
export const contactSyntax: Rule = {
  id: 'contact-syntax',
  severity: 'error',
  description: t('Domain, alamat e-mail dan situs web berformat benar', 'Domains, e-mail and web addresses are well-formed'),
  check({ profile, report }: RuleContext) {
    const domain = (value: string | undefined, path: Segment[]) => {
      if (value === undefined) return;
      if (!isDomainName(value)) {
        report({
          path,
          message: t('"{value}" bukan nama domain yang sah', '"{value}" is not a valid domain name'),
          hint: t('tulis nama host saja, tanpa https:// dan garis miring, misalnya eoffice.sumedangkab.go.id', 'write the host name only, without https:// or slashes, e.g. eoffice.sumedangkab.go.id'),
          params: { value },
        });
      }
    };
    const email = (value: string | undefined, path: Segment[]) => {
      if (value === undefined) return;
      if (!isEmail(value)) {
        report({
          path,
          message: t('"{value}" bukan alamat e-mail yang sah', '"{value}" is not a valid e-mail address'),
          hint: t('misalnya diskominfo@sumedangkab.go.id', 'e.g. diskominfo@sumedangkab.go.id'),
          params: { value },
        });
      }
    };
    const r = profile.regency;
    domain(r.domain, ['regency', 'domain']);
    if (r.domain !== undefined && isDomainName(r.domain) && !/\.go\.id$/i.test(r.domain)) {
      report({
        path: ['regency', 'domain'],
        severity: 'warning',
        message: t('domain pemerintah daerah biasanya berakhiran .go.id, bukan "{value}"', 'a regional government domain usually ends in .go.id, not "{value}"'),
        hint: t('periksa domain resmi daerah', "check the region's official domain"),
        params: { value: r.domain },
      });
    }
    email(r.letterhead.email, ['regency', 'letterhead', 'email']);
    if (r.letterhead.website !== undefined && !isWebsite(r.letterhead.website)) {
      report({
        path: ['regency', 'letterhead', 'website'],
        message: t('"{value}" bukan alamat situs web yang sah', '"{value}" is not a valid web address'),
        hint: t('misalnya https://sumedangkab.go.id', 'e.g. https://sumedangkab.go.id'),
        params: { value: r.letterhead.website },
      });
    }
    const dep = profile.deployment;
    domain(dep?.domain, ['deployment', 'domain']);
    email(dep?.tls?.email, ['deployment', 'tls', 'email']);
    email(dep?.mail?.from, ['deployment', 'mail', 'from']);
    // A mail relay is often named by its IP address, or by a bare host name inside the network.
    if (dep?.mail) domain(dep.mail.host.includes('.') && isIP(dep.mail.host) === 0 ? dep.mail.host : undefined, ['deployment', 'mail', 'host']);
    profile.signatories.forEach((s, i) => email(s.email, ['signatories', i, 'email']));
    if (dep?.tls?.mode === 'acme' && dep.tls.email === undefined) {
      report({
        path: ['deployment', 'tls'],
        severity: 'warning',
        message: t('TLS otomatis (acme) tanpa e-mail kontak', 'automatic TLS (acme) without a contact e-mail'),
        hint: t('tambahkan `email:` agar pemberitahuan sertifikat sampai', 'add `email:` so certificate notices reach someone'),
      });
    }
  },
};
