import type { Lang } from '../i18n/lang.js';
import { fill } from '../i18n/lang.js';

export type LoaderProblem =
  | 'file-missing'
  | 'file-is-directory'
  | 'file-not-regular'
  | 'file-unreadable'
  | 'file-too-large'
  | 'file-binary'
  | 'file-not-utf8'
  | 'file-empty'
  | 'yaml-syntax'
  | 'yaml-duplicate-key'
  | 'yaml-unknown-tag'
  | 'yaml-multiple-documents'
  | 'yaml-undefined-alias'
  | 'yaml-recursive-alias'
  | 'yaml-complex-key'
  | 'yaml-too-deep'
  | 'yaml-alias-limit';

const MESSAGES: Record<LoaderProblem, { id: [string, string]; en: [string, string] }> = {
  'file-missing': {
    id: ['berkas tidak ditemukan', 'periksa path-nya; `eoffice init` membuat regency.yaml baru'],
    en: ['file not found', 'check the path; `eoffice init` creates a new regency.yaml'],
  },
  'file-is-directory': {
    id: ['ini sebuah folder, bukan berkas profil', 'sebutkan berkasnya, misalnya DIR/regency.yaml'],
    en: ['this is a directory, not a profile file', 'name the file, for example DIR/regency.yaml'],
  },
  'file-not-regular': {
    id: ['bukan berkas biasa', 'sebutkan berkas YAML biasa'],
    en: ['not a regular file', 'name a regular YAML file'],
  },
  'file-unreadable': {
    id: ['berkas tidak dapat dibaca ({reason})', 'periksa izin akses berkas'],
    en: ['the file cannot be read ({reason})', "check the file's permissions"],
  },
  'file-too-large': {
    id: ['berkas terlalu besar ({size} bita; batas {max})', 'profil kabupaten/kota jauh lebih kecil; apakah ini berkas yang benar?'],
    en: ['the file is too large ({size} bytes; limit {max})', 'a regency profile is far smaller; is this the right file?'],
  },
  'file-binary': {
    id: ['berkas biner, bukan teks YAML', 'profil adalah teks YAML berenkode UTF-8'],
    en: ['binary file, not YAML text', 'a profile is UTF-8 YAML text'],
  },
  'file-not-utf8': {
    id: ['berkas bukan teks UTF-8', 'simpan ulang berkas dengan enkode UTF-8'],
    en: ['the file is not UTF-8 text', 'save the file again as UTF-8'],
  },
  'file-empty': {
    id: ['berkas kosong', 'mulai dari contoh di examples/ atau jalankan `eoffice init`'],
    en: ['the file is empty', 'start from one of examples/ or run `eoffice init`'],
  },
  'yaml-syntax': {
    id: ['kesalahan sintaks YAML: {detail}', 'periksa indentasi, titik dua dan tanda kutip di sekitar baris ini'],
    en: ['YAML syntax error: {detail}', 'check indentation, colons and quotes around this line'],
  },
  'yaml-duplicate-key': {
    id: ['kunci ganda: {detail}', 'setiap kunci hanya boleh muncul sekali dalam satu peta; hapus atau gabungkan salah satunya'],
    en: ['duplicate key: {detail}', 'each key may appear once in a mapping; remove or merge one of them'],
  },
  'yaml-unknown-tag': {
    id: ['tag YAML tidak dikenal: {detail}', 'profil hanya memakai skema inti YAML; hapus tag `!...`'],
    en: ['unknown YAML tag: {detail}', 'profiles use the YAML core schema only; remove the `!...` tag'],
  },
  'yaml-multiple-documents': {
    id: ['berkas berisi lebih dari satu dokumen YAML (dipisah `---`)', 'satu berkas memuat satu profil; hapus `---` kedua dan isinya, atau pindahkan ke berkas lain'],
    en: ['the file holds more than one YAML document (separated by `---`)', 'one file holds one profile; remove the second `---` and what follows, or move it to another file'],
  },
  'yaml-undefined-alias': {
    id: ['alias `*{name}` merujuk jangkar `&{name}` yang tidak ada sebelumnya', 'tulis `&{name}` pada nilai yang dirujuk, di atas alias ini, atau tulis nilainya langsung'],
    en: ['alias `*{name}` refers to no anchor `&{name}` before it', 'put `&{name}` on the value it refers to, above this alias, or write the value out'],
  },
  'yaml-recursive-alias': {
    id: ['alias `*{name}` berada di dalam jangkarnya sendiri (berulang tanpa akhir)', 'tulis nilainya langsung'],
    en: ['alias `*{name}` is inside its own anchor (it repeats without end)', 'write the value out'],
  },
  'yaml-complex-key': {
    id: ['kunci berupa peta atau daftar', 'kunci profil adalah teks biasa, misalnya `name:`'],
    en: ['a mapping or list used as a key', 'profile keys are plain text, e.g. `name:`'],
  },
  'yaml-too-deep': {
    id: ['susunan bertingkat terlalu dalam (lebih dari {max} tingkat)', 'profil hanya beberapa tingkat; periksa kurung `[`/`{` yang tidak ditutup atau indentasi yang terus bertambah'],
    en: ['nested too deeply (more than {max} levels)', 'a profile is a few levels deep; look for unclosed `[`/`{` or indentation that keeps growing'],
  },
  'yaml-alias-limit': {
    id: ['terlalu banyak alias YAML (lebih dari {max})', 'tulis nilainya langsung; alias berlapis dapat menghabiskan memori'],
    en: ['too many YAML aliases (more than {max})', 'write the values out; nested aliases can exhaust memory'],
  },
};

export function loaderMessage(p: LoaderProblem, lang: Lang, params: Record<string, unknown>): { message: string; hint: string } {
  const [message, hint] = MESSAGES[p][lang];
  return { message: fill(message, params), hint: fill(hint, params) };
}
