/**
 * What the wizard says about a person as they are typed: a full name split into front title, name
 * and back title (Permendagri 1/2023 keeps them apart), a NIP explained back or rejected with the
 * reason, a golongan with its pangkat. Pure, so each has its tests.
 */
import { todayOf, type CalendarDate } from '../../domain/calendar.js';
import { normaliseGolongan, pangkatOf } from '../../domain/golongan.js';
import { parseNip, type NipProblem } from '../../domain/nip.js';
import { namaBulan } from '../../domain/tanggal.js';
import type { Lang } from '../../i18n/lang.js';

/** Front titles as they are written before a name. */
const FRONT = /^(?:Prof\.|Dr\.|Drs\.|Dra\.|Ir\.|H\.|Hj\.|KH\.|dr\.|drg\.|Ns\.)$/;

export interface SplitName {
  frontTitle?: string;
  name: string;
  backTitle?: string;
}

/** "Dr. H. Ahmad Hidayat, S.E., M.M." → front "Dr. H.", name "Ahmad Hidayat", back "S.E., M.M.". */
export function splitTitles(full: string): SplitName {
  const clean = full.replace(/\s+/g, ' ').trim();
  const comma = clean.indexOf(',');
  const head = comma < 0 ? clean : clean.slice(0, comma).trim();
  const back = comma < 0 ? '' : clean.slice(comma + 1).trim();
  const words = head.split(' ');
  let i = 0;
  while (i < words.length - 1 && FRONT.test(words[i]!)) i++;
  const front = words.slice(0, i).join(' ');
  return { ...(front ? { frontTitle: front } : {}), name: words.slice(i).join(' '), ...(back ? { backTitle: back } : {}) };
}

export function validateFullName(lang: Lang, full: string): true | string {
  const { name } = splitTitles(full);
  if (name === '') return lang === 'id' ? 'nama wajib diisi' : 'a name is required';
  if (/\d/.test(name)) return lang === 'id' ? 'nama tidak memuat angka' : 'a name has no digits';
  return true;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateText(lang: Lang, d: CalendarDate): string {
  return lang === 'id' ? `${d.day} ${namaBulan(d.month)} ${d.year}` : `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
}

function problemText(lang: Lang, p: NipProblem): string {
  const id = lang === 'id';
  switch (p.problem) {
    case 'length': return id ? 'NIP terdiri atas 18 angka tanpa spasi' : 'a NIP is 18 digits without spaces';
    case 'birth-date': return id ? `tanggal lahir ${p.value} (8 angka pertama) tidak ada di kalender` : `birth date ${p.value} (the first 8 digits) is not a real date`;
    case 'tmt-month': return id ? `bulan TMT "${p.value}" (angka ke-13 dan 14) tidak sah` : `TMT month "${p.value}" (digits 13-14) is not valid`;
    case 'sex': return id ? `angka ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan ${p.value}` : `digit 15 must be 1 (male) or 2 (female), not ${p.value}`;
    case 'tmt-before-18': return id ? `TMT CPNS pada umur ${p.age} tahun, sebelum 18 tahun` : `TMT CPNS at age ${p.age}, before 18`;
    case 'tmt-future': return id ? `TMT ${p.value} belum terjadi` : `TMT ${p.value} is in the future`;
    case 'sequence': return id ? 'nomor urut (3 angka terakhir) tidak boleh 000' : 'the sequence (last 3 digits) cannot be 000';
  }
}

/** Spaces are allowed while typing (as printed: `19800101 200501 1 001`); the profile keeps digits only. */
export const nipDigits = (s: string) => s.replace(/\s+/g, '');

/** A NIP's meaning ("lahir 1 Januari 1980, TMT CPNS Januari 2005, laki-laki"), or why it is not one. */
export function explainNip(lang: Lang, raw: string, today: Date = new Date()): { ok: true; kind: 'nip' | 'nipppk'; text: string } | { ok: false; reason: string } {
  const parsed = parseNip(nipDigits(raw), todayOf(today));
  if (!parsed.ok) return { ok: false, reason: parsed.problems.map((p) => problemText(lang, p)).join('; ') };
  const n = parsed.nip;
  const id = lang === 'id';
  const sex = n.sex === 'male' ? (id ? 'laki-laki' : 'male') : id ? 'perempuan' : 'female';
  const born = `${id ? 'lahir' : 'born'} ${dateText(lang, n.birth)}`;
  if (n.kind === 'nipppk') return { ok: true, kind: 'nipppk', text: `NI PPPK, ${born}, ${id ? 'diangkat' : 'appointed'} ${n.appointed.year}, ${sex}` };
  const tmt = id ? `${namaBulan(n.appointed.month)} ${n.appointed.year}` : `${MONTHS_EN[n.appointed.month - 1]} ${n.appointed.year}`;
  return { ok: true, kind: 'nip', text: `${born}, TMT CPNS ${tmt}, ${sex}` };
}

/** "iii/a" → III/a Penata Muda; anything else says which golongan exist. */
export function explainGolongan(lang: Lang, raw: string): { ok: true; golongan: string; pangkat: string } | { ok: false; reason: string } {
  const golongan = normaliseGolongan(raw);
  const pangkat = pangkatOf(golongan);
  if (pangkat) return { ok: true, golongan, pangkat };
  return { ok: false, reason: lang === 'id' ? `golongan "${raw.trim()}" tidak dikenal: I/a sampai IV/e, misalnya III/a` : `unknown golongan "${raw.trim()}": I/a to IV/e, e.g. III/a` };
}
