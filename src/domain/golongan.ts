/** Pangkat for each golongan ruang of a civil servant (PNS). */
export const PANGKAT: Readonly<Record<string, string>> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

export const GOLONGAN = Object.keys(PANGKAT);

/** Normalises spacing and case of a golongan as people type it (`iii / a` → `III/a`). */
export function normaliseGolongan(raw: string): string {
  const m = /^\s*(I{1,3}|IV)\s*\/\s*([a-e])\s*$/i.exec(raw);
  return m ? `${m[1]!.toUpperCase()}/${m[2]!.toLowerCase()}` : raw.trim();
}

/** The pangkat of a golongan as the table writes it (`III/a`), or undefined for anything else. */
export function pangkatOf(golongan: string): string | undefined {
  // An own key only: `toString` or `constructor` must not find Object.prototype's.
  return Object.hasOwn(PANGKAT, golongan) ? PANGKAT[golongan] : undefined;
}

export function golonganOfPangkat(pangkat: string): string | undefined {
  const wanted = pangkat.trim().toLowerCase().replace(/\s+/g, ' ');
  return GOLONGAN.find((g) => PANGKAT[g]!.toLowerCase() === wanted);
}
