/**
 * Kop naskah dinas (Permendagri 1/2023): lambang daerah, `PEMERINTAH KABUPATEN …`/`KOTA …`, nama
 * instansi dalam huruf kapital tanpa singkatan (kop desa: kecamatan lalu desa), alamat, telepon,
 * laman/pos-el dan kode pos; sebagai data dan sebagai halaman HTML seukuran kertas A4 atau F4.
 */
import type { Paper, RegionConfig } from './config.js';
import { HttpError, type Reply } from './http.js';

export const PAPER_SIZES: Readonly<Record<Paper, { lebarMm: number; tinggiMm: number }>> = {
  A4: { lebarMm: 210, tinggiMm: 297 },
  F4: { lebarMm: 215, tinggiMm: 330 },
};

/** Nama untuk kop: spasi dirapikan, huruf kapital (nama tidak pernah disingkat). */
export function capitals(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleUpperCase('id-ID');
}

/** Tempat dan kontak yang dicetak di bawah nama instansi. */
export interface LetterheadContact {
  alamat: string | null;
  telepon: string | null;
  faksimile: string | null;
  email: string | null;
  laman: string | null;
  kodePos: string | null;
}

export interface Letterhead extends LetterheadContact {
  lambang: string | null;
  /** Dari atas: pemerintah daerah, lalu instansi (dan kecamatan, desa), semuanya huruf kapital. */
  tingkat: string[];
  kertas: { ukuran: Paper; lebarMm: number; tinggiMm: number };
  /** Setiap baris tercetak, berurutan. */
  baris: string[];
}

/** Kontak pemerintah daerah dari konfigurasi (dipakai OPD yang tidak punya kontak sendiri). */
export function regionContact(region: RegionConfig): LetterheadContact {
  const { alamat, telepon, faksimile, email, laman, kodePos } = region.kop;
  return { alamat, telepon, faksimile, email, laman, kodePos };
}

/** Baris kontak: `Telepon …, Faksimile …`, `Laman …, Pos-el …`, `Kode Pos …` (yang kosong dilewati). */
export function contactLines(c: LetterheadContact): string[] {
  const join = (parts: Array<string | false>) => parts.filter((p): p is string => p !== false).join(', ');
  return [
    c.alamat ?? '',
    join([c.telepon !== null && `Telepon ${c.telepon}`, c.faksimile !== null && `Faksimile ${c.faksimile}`]),
    join([c.laman !== null && `Laman ${c.laman}`, c.email !== null && `Pos-el ${c.email}`]),
    c.kodePos !== null ? `Kode Pos ${c.kodePos}` : '',
  ].filter((line) => line !== '');
}

/** Kop lengkap: `instansi` adalah tingkat di bawah baris pemerintah daerah, dari atas ke bawah. */
export function buildLetterhead(region: RegionConfig, instansi: readonly string[], contact: LetterheadContact): Letterhead {
  const tingkat = [capitals(region.daerah.pemerintah), ...instansi.map(capitals)];
  return {
    lambang: region.kop.lambang,
    tingkat,
    ...contact,
    kertas: { ukuran: region.kop.kertas, ...PAPER_SIZES[region.kop.kertas] },
    baris: [...tingkat, ...contactLines(contact)],
  };
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Halaman HTML sederhana seukuran kertas kop, siap dicetak. */
export function letterheadHtml(k: Letterhead): string {
  const { lebarMm, tinggiMm } = k.kertas;
  const tiers = k.tingkat.map((t, i) => `      <div class="tingkat t${Math.min(i, 2)}">${escapeHtml(t)}</div>`);
  const contact = contactLines(k).map((line) => `      <div class="kontak">${escapeHtml(line)}</div>`);
  const emblem = k.lambang === null ? '' : `    <img class="lambang" src="${escapeHtml(k.lambang)}" alt="Lambang daerah">\n`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Kop ${escapeHtml(k.tingkat[k.tingkat.length - 1] ?? '')}</title>
<style>
  @page { size: ${lebarMm}mm ${tinggiMm}mm; margin: 0; }
  body { margin: 0; font-family: "Times New Roman", Times, serif; color: #000; }
  .halaman { width: ${lebarMm}mm; min-height: ${tinggiMm}mm; box-sizing: border-box; padding: 10mm 20mm 20mm 25mm; margin: 0 auto; }
  .kop { display: flex; align-items: center; gap: 4mm; border-bottom: 3px double #000; padding-bottom: 2mm; }
  .lambang { width: 22mm; height: auto; }
  .teks { flex: 1; text-align: center; }
  .tingkat { font-weight: bold; line-height: 1.2; }
  .t0 { font-size: 14pt; } .t1 { font-size: 16pt; } .t2 { font-size: 16pt; }
  .kontak { font-size: 10pt; }
</style>
</head>
<body data-kertas="${k.kertas.ukuran}">
  <div class="halaman">
  <header class="kop">
${emblem}    <div class="teks">
${[...tiers, ...contact].join('\n')}
    </div>
  </header>
  </div>
</body>
</html>
`;
}

/** Jawaban kop menurut `?format=`: json (bawaan) atau html; `extra` ikut dalam JSON. */
export function letterheadReply(k: Letterhead, format: string | null, extra: Record<string, unknown> = {}): Reply {
  if (format === 'html') return { html: letterheadHtml(k) };
  if (format === null || format === '' || format === 'json') return { json: { ...extra, ...k } };
  throw new HttpError(400, 'format-tidak-dikenal', `format "${format}" tidak dikenal (json, html)`);
}
