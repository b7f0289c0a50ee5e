export type Lang = 'id' | 'en';

/** `--lang` wins; otherwise an English locale gives English; Bahasa Indonesia by default. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'en' || flag === 'id') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.-]|$)/i.test(locale) ? 'en' : 'id';
}

/** A message in both languages; `{name}` placeholders are filled from params. */
export interface Bilingual {
  id: string;
  en: string;
}

export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function say(msg: Bilingual, lang: Lang, params?: Record<string, unknown>): string {
  return fill(msg[lang], params);
}

/** Picks the message of the active language; for short inline texts such as option descriptions. */
export const pick = (lang: Lang, id: string, en: string): string => (lang === 'id' ? id : en);
