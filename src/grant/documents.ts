/**
 * The handover documents — the BAST (berita acara serah terima) and a summary of the grant
 * agreement — as a small document model (titles, paragraphs, lists, tables, signature blocks) that
 * both the Markdown and the DOCX renderers read, so the two forms never say different things.
 *
 * The documents are always in Bahasa Indonesia: they are official records (naskah dinas), not
 * messages of the tool. Signature blocks follow Permendagri 1/2023 Pasal 44 through
 * `signatureBlock` (a berita acara is a naskah dinas: titles printed; NIP and rank except for the
 * head of region; a Pj./Plt./Plh. head of region signs with the bare name).
 */
import { formatSignatureBlock, signatureBlock, type SignatureBlock } from '../domain/signature-block.js';
import { tanggal, tanggalTerbilang } from '../domain/tanggal.js';
import { terbilang } from '../domain/terbilang.js';
import type { Grant, RegencyProfile, Signatory } from '../profile/types.generated.js';

export type Inline = string;

export type DocBlock =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: Inline; center?: boolean }
  | { kind: 'list'; ordered: boolean; items: Inline[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'code'; text: string }
  | { kind: 'signatures'; columns: SignatureColumn[] };

export interface SignatureColumn {
  caption: string[];
  block: SignatureBlock;
}

export interface HandoverDocument {
  /** File name without extension, under `docs/hibah/`. */
  name: string;
  title: string;
  blocks: DocBlock[];
}

export interface HandoverApp {
  /** The profile's key (`eoffice`, `eofficeDesa`, `esakip`) or `runtime` for the shared runtime. */
  key: string;
  title: string;
  blueprint: string;
  version: string;
  /** Folder in the source tree (`apps/eoffice`). */
  path: string;
  /** The git tree of that folder in the grant commit. */
  tree: string;
  upstream?: { git: string; ref: string; commit: string };
}

export interface HandoverInput {
  profile: RegencyProfile;
  apps: readonly HandoverApp[];
  commit: string;
  tag: string;
  /** Documentation files of the source tree (`docs/panduan-instalasi.md`, …). */
  documentation: readonly string[];
  publicKeyPem: string;
  fingerprint: string;
}

export class HandoverError extends Error {
  override readonly name = 'HandoverError';
}

const STATUS_WORD: Readonly<Record<string, string>> = { definitif: '', plt: 'Plt. ', plh: 'Plh. ', pj: 'Pj. ', pjs: 'Pjs. ' };

/** `Plt. Kepala Dinas …` in running text. */
function positionInText(s: Signatory): string {
  return `${STATUS_WORD[s.status ?? 'definitif'] ?? ''}${s.position.trim()}`;
}

/** A number as the forms write counts: `3 (tiga)`. */
export const countInWords = (n: number): string => `${n} (${terbilang(n)})`;

const ITEM_WORDS: Readonly<Record<string, string>> = {
  applications: 'aplikasi',
  'source-code': 'kode sumber',
  documentation: 'dokumentasi',
  'implementation-support': 'pendampingan implementasi',
  training: 'pelatihan',
};

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} dan ${words[words.length - 1]}`;
}

interface Party {
  institution: string;
  head: Signatory;
  technical?: Signatory;
}

function block(s: Signatory): SignatureBlock {
  // Each party signs in its own name: a delegation recorded for letters does not apply here.
  return signatureBlock({ signatory: s, kind: 'naskah-dinas', delegation: 'none' });
}

function technicalOf(list: readonly Signatory[], profile?: RegencyProfile): Signatory | undefined {
  const kominfo = (text: string | undefined) => !!text && /komunikasi|informatika|kominfo/i.test(text);
  const opdCodes = new Set((profile?.opds ?? []).filter((o) => kominfo(o.name) || kominfo(o.shortName) || kominfo(o.code)).map((o) => o.code));
  return list.find((s) => s.role === 'kepala-opd' && ((s.opd !== undefined && opdCodes.has(s.opd)) || kominfo(s.position)));
}

function parties(profile: RegencyProfile): { grant: Grant; grantor: Party; recipient: Party } {
  const grant = profile.grant;
  if (!grant) throw new HandoverError('the profile has no `grant:` section (grantor, agreement, BAST)');
  const grantorSigners = grant.grantor.signatories ?? [];
  const grantorHead = grantorSigners.find((s) => s.role === 'kepala-daerah');
  if (!grantorHead) throw new HandoverError('`grant.grantor.signatories` has no head of region (role: kepala-daerah) to sign the BAST');
  const recipientHead = profile.signatories.find((s) => s.role === 'kepala-daerah');
  if (!recipientHead) throw new HandoverError('`signatories` has no head of region (role: kepala-daerah) to sign the BAST');
  const gt = technicalOf(grantorSigners);
  const rt = technicalOf(profile.signatories, profile);
  return {
    grant,
    grantor: { institution: `Pemerintah ${grant.grantor.name}`, head: grantorHead, ...(gt ? { technical: gt } : {}) },
    recipient: { institution: `Pemerintah ${profile.regency.name}`, head: recipientHead, ...(rt ? { technical: rt } : {}) },
  };
}

/** The date of the grant: the BAST's, or the agreement's when no BAST date is recorded yet. */
export function grantDate(grant: Grant): string {
  return grant.bast?.date ?? grant.agreement.date;
}

function partyText(p: Party, label: string): string {
  const b = block(p.head);
  const id = b.idLine ? `, ${b.idLine}` : '';
  return `**${b.nameLine}**${id}, ${positionInText(p.head)}, dalam hal ini bertindak untuk dan atas nama ${p.institution}, selanjutnya disebut **${label}**`;
}

function signatures(left: { caption: string; p: Signatory }, right: { caption: string; p: Signatory }): DocBlock {
  return { kind: 'signatures', columns: [{ caption: [left.caption], block: block(left.p) }, { caption: [right.caption], block: block(right.p) }] };
}

function inventory(input: HandoverInput, grant: Grant): { rows: string[][]; appCount: number } {
  const rows: string[][] = [];
  const items = new Set(grant.items ?? ['applications', 'source-code', 'documentation', 'implementation-support', 'training']);
  const row = (cells: string[]) => rows.push([String(rows.length + 1), ...cells]);
  const apps = input.apps.filter((a) => a.key !== 'runtime');
  // The applications first, then the runtime they share.
  for (const a of [...apps, ...input.apps.filter((x) => x.key === 'runtime')]) {
    const note = [`folder \`${a.path}\``, `tree \`${a.tree}\``, ...(a.upstream ? [`sumber hulu ${a.upstream.git} @ \`${a.upstream.commit}\``] : [])].join('; ');
    row([a.key === 'runtime' ? 'Runtime bersama aplikasi rujukan' : `Aplikasi ${a.title} beserta kode sumbernya`, a.version, `\`${input.commit}\``, note]);
  }
  if (items.has('documentation')) {
    row(['Dokumentasi (panduan instalasi, panduan operator, inventaris, profil daerah)', '-', `\`${input.commit}\``, `${countInWords(input.documentation.length)} berkas di \`docs/\``]);
  }
  if (items.has('implementation-support')) row(['Pendampingan implementasi', '-', '-', 'sesuai perjanjian hibah']);
  if (items.has('training')) row(['Pelatihan pengelola dan pengguna aplikasi', '-', '-', 'sesuai perjanjian hibah']);
  return { rows, appCount: apps.length };
}

function appTitles(input: HandoverInput): string {
  return joinWords(input.apps.filter((a) => a.key !== 'runtime').map((a) => a.title));
}

/** The BAST: who hands over what to whom, on which day (in words), with the inventory and the key. */
export function bastDocument(input: HandoverInput): HandoverDocument {
  const { grant, grantor, recipient } = parties(input.profile);
  const date = grantDate(grant);
  const { rows, appCount } = inventory(input, grant);
  const extras = (grant.items ?? []).filter((i) => i !== 'applications' && i !== 'source-code').map((i) => ITEM_WORDS[i] ?? i);
  const blocks: DocBlock[] = [
    {
      kind: 'title',
      lines: [
        'BERITA ACARA SERAH TERIMA',
        `HIBAH APLIKASI ${appTitles(input).toUpperCase()} BESERTA KODE SUMBERNYA`,
        `ANTARA ${grantor.institution.toUpperCase()} DENGAN ${recipient.institution.toUpperCase()}`,
        `Nomor: ${grant.bast?.number ?? '....................'}`,
      ],
    },
    { kind: 'para', text: `${tanggalTerbilang(date)} (${tanggal(date)}), yang bertanda tangan di bawah ini:` },
    { kind: 'list', ordered: true, items: [partyText(grantor, 'PIHAK PERTAMA') + ';', partyText(recipient, 'PIHAK KEDUA') + '.'] },
    {
      kind: 'para',
      text:
        `Berdasarkan Perjanjian Hibah Daerah Nomor ${grant.agreement.number} tanggal ${tanggal(grant.agreement.date)}, PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, ` +
        `dan PIHAK KEDUA menerima dari PIHAK PERTAMA, hibah berupa ${countInWords(appCount)} aplikasi beserta kode sumbernya` +
        (extras.length > 0 ? `, ${joinWords(extras)}` : '') +
        ', dengan rincian sebagai berikut:',
    },
    { kind: 'table', header: ['No', 'Uraian', 'Versi', 'Commit kode sumber', 'Keterangan'], rows },
    {
      kind: 'para',
      text:
        `Kode sumber diserahkan sebagai repositori git (berkas \`source.bundle\`) dengan tag \`${input.tag}\` pada commit \`${input.commit}\`, ` +
        'beserta salinan berkasnya di folder `source/`. Keutuhan paket dapat diperiksa tanpa jaringan dengan `eoffice grant verify`: ' +
        'setiap berkas tercatat dalam `SHA256SUMS`, dan `manifest.json` ditandatangani dengan kunci Ed25519 PIHAK PERTAMA berikut.',
    },
    { kind: 'para', text: `Sidik jari kunci publik PIHAK PERTAMA: \`${input.fingerprint}\`` },
    { kind: 'code', text: input.publicKeyPem.trimEnd() },
    {
      kind: 'para',
      text: 'Sejak ditandatanganinya Berita Acara ini, pengelolaan, pengoperasian dan pemeliharaan aplikasi tersebut menjadi tanggung jawab PIHAK KEDUA.',
    },
    {
      kind: 'para',
      text: `Demikian Berita Acara Serah Terima ini dibuat dalam rangkap ${countInWords(2)}, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.`,
    },
    signatures({ caption: 'PIHAK KEDUA,', p: recipient.head }, { caption: 'PIHAK PERTAMA,', p: grantor.head }),
  ];
  if (grantor.technical && recipient.technical) {
    blocks.push({ kind: 'para', text: 'Saksi-saksi:', center: true }, signatures({ caption: 'Saksi PIHAK KEDUA,', p: recipient.technical }, { caption: 'Saksi PIHAK PERTAMA,', p: grantor.technical }));
  }
  return { name: 'berita-acara-serah-terima', title: 'Berita Acara Serah Terima', blocks };
}

/** A summary of the grant agreement: parties, object, duties; not a substitute for the signed text. */
export function agreementDocument(input: HandoverInput): HandoverDocument {
  const { grant, grantor, recipient } = parties(input.profile);
  const items = new Set(grant.items ?? []);
  const { appCount } = inventory(input, grant);
  const first: string[] = [`menyerahkan ${countInWords(appCount)} aplikasi, yaitu ${appTitles(input)}, beserta kode sumbernya pada versi dan commit yang tercatat dalam Berita Acara Serah Terima`];
  if (items.has('documentation')) first.push('menyerahkan dokumentasi instalasi dan pengoperasian');
  if (items.has('implementation-support')) first.push('memberikan pendampingan implementasi');
  if (items.has('training')) first.push('menyelenggarakan pelatihan bagi pengelola dan pengguna');
  const blocks: DocBlock[] = [
    { kind: 'title', lines: ['RINGKASAN PERJANJIAN HIBAH DAERAH', `ANTARA ${grantor.institution.toUpperCase()} DENGAN ${recipient.institution.toUpperCase()}`, `Nomor: ${grant.agreement.number}`] },
    { kind: 'para', text: `Perjanjian ditandatangani pada hari ${tanggalTerbilang(grant.agreement.date, { opening: false })} (${tanggal(grant.agreement.date)}) oleh:` },
    { kind: 'list', ordered: true, items: [partyText(grantor, 'PIHAK PERTAMA') + ';', partyText(recipient, 'PIHAK KEDUA') + '.'] },
    { kind: 'heading', text: 'Objek hibah' },
    { kind: 'para', text: `Aplikasi ${appTitles(input)}, sebanyak ${countInWords(appCount)} aplikasi, beserta kode sumbernya, tag \`${input.tag}\`, commit \`${input.commit}\`.` },
    { kind: 'heading', text: 'Kewajiban PIHAK PERTAMA' },
    { kind: 'list', ordered: true, items: first },
    { kind: 'heading', text: 'Kewajiban PIHAK KEDUA' },
    {
      kind: 'list',
      ordered: true,
      items: [
        'memanfaatkan aplikasi untuk penyelenggaraan pemerintahan daerah',
        'tidak memperjualbelikan aplikasi dan kode sumbernya',
        'mencantumkan atribusi PIHAK PERTAMA sebagai asal aplikasi',
        'mengelola sendiri kredensial, rahasia dan data aplikasinya',
      ],
    },
    { kind: 'heading', text: 'Serah terima' },
    { kind: 'para', text: `Serah terima dituangkan dalam Berita Acara Serah Terima Nomor ${grant.bast?.number ?? '....................'} tanggal ${tanggal(grantDate(grant))}.` },
    { kind: 'para', text: 'Ringkasan ini disusun dari naskah perjanjian dan tidak menggantikannya.' },
    signatures({ caption: 'PIHAK KEDUA,', p: recipient.head }, { caption: 'PIHAK PERTAMA,', p: grantor.head }),
  ];
  return { name: 'ringkasan-perjanjian-hibah', title: 'Ringkasan Perjanjian Hibah Daerah', blocks };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The document as Markdown (LF endings, one blank line between blocks). */
export function toMarkdown(doc: HandoverDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`# ${b.lines[0]}\n\n${b.lines.slice(1).map((l) => `**${l}**`).join('  \n')}`);
        break;
      case 'heading':
        out.push(`## ${b.text}`);
        break;
      case 'para':
        out.push(b.text);
        break;
      case 'list':
        out.push(b.items.map((t, i) => `${b.ordered ? `${i + 1}.` : '-'} ${t}`).join('\n'));
        break;
      case 'table':
        out.push([`| ${b.header.map(cell).join(' | ')} |`, `|${b.header.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'));
        break;
      case 'code':
        out.push('```\n' + b.text + '\n```');
        break;
      case 'signatures':
        out.push(b.columns.map((c) => '```\n' + [...c.caption, formatSignatureBlock(c.block)].join('\n') + '\n```').join('\n\n'));
        break;
    }
  }
  return out.join('\n\n') + '\n';
}
