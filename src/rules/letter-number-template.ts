import { LETTER_NUMBER_TOKENS, parseLetterNumberTemplate } from '../domain/letter-number.js';
import { closest } from '../util/closest.js';
import type { Rule } from './rule.js';
import { t } from './rule.js';

/** A letter-number template uses only known tokens and includes the running number. */
export const letterNumberTemplate: Rule = {
  id: 'letter-number-template',
  severity: 'error',
  description: t('Pola nomor surat hanya memakai token yang dikenal dan memuat {nomor}', 'Letter-number templates use known tokens and include {nomor}'),
  check({ profile, report }) {
    const apps = [
      ['eoffice', profile.apps.eoffice?.letterNumber],
      ['eofficeDesa', profile.apps.eofficeDesa?.letterNumber],
    ] as const;
    for (const [app, numbering] of apps) {
      if (!numbering) continue;
      const path = ['apps', app, 'letterNumber', 'template'];
      const { parts, unknown, unbalanced } = parseLetterNumberTemplate(numbering.template);
      for (const token of unknown) {
        const guess = closest(token, LETTER_NUMBER_TOKENS);
        report({
          path,
          message: t('token {{token}} tidak dikenal', 'unknown token {{token}}'),
          hint: guess
            ? t('mungkin maksudnya {{guess}}? token: {all}', 'did you mean {{guess}}? tokens: {all}')
            : t('token yang dikenal: {all}', 'known tokens: {all}'),
          params: { token, guess, all: LETTER_NUMBER_TOKENS.map((x) => `{${x}}`).join(' ') },
        });
      }
      if (unbalanced) {
        report({
          path,
          message: t('kurung kurawal tidak berpasangan dalam "{template}"', 'unbalanced braces in "{template}"'),
          hint: t('setiap token ditulis {nama}', 'each token is written {name}'),
          params: { template: numbering.template },
        });
      }
      const nomor = parts.filter((p) => p.token === 'nomor').length;
      if (nomor === 0) {
        report({
          path,
          message: t('pola "{template}" tidak memuat nomor urut {nomor}', 'template "{template}" has no running number {nomor}'),
          hint: t('misalnya "{klasifikasi}/{nomor}/{unit}/{tahun}"', 'e.g. "{klasifikasi}/{nomor}/{unit}/{tahun}"'),
          params: { template: numbering.template },
        });
      } else if (nomor > 1) {
        report({
          path,
          message: t('{nomor} muncul {n} kali dalam pola', '{nomor} appears {n} times in the template'),
          hint: t('nomor urut cukup sekali', 'the running number appears once'),
          params: { n: nomor },
        });
      }
      if (numbering.reset === 'monthly' && !parts.some((p) => p.token === 'bulan' || p.token === 'bulanRomawi')) {
        report({
          path,
          severity: 'warning',
          message: t('nomor diulang setiap bulan, tetapi pola tidak memuat bulan', 'numbers restart monthly, but the template has no month'),
          hint: t('tambahkan {bulanRomawi} atau {bulan} agar nomor tidak kembar', 'add {bulanRomawi} or {bulan} so numbers do not repeat'),
        });
      }
      if (!parts.some((p) => p.token === 'tahun')) {
        report({
          path,
          severity: 'warning',
          message: t('pola tidak memuat {tahun}; nomor urut dimulai lagi tiap tahun sehingga nomor bisa kembar', 'the template has no {tahun}; the counter restarts each year so numbers can repeat'),
          hint: t('tambahkan /{tahun}', 'add /{tahun}'),
        });
      }
    }
  },
};
