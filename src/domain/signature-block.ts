/**
 * The signature block of an official document (tata naskah dinas, Permendagri 1/2023 Pasal 44).
 *
 * What Pasal 44 says (the text of the regulation, as summarised in /work/shared/domain.md):
 *  (1) naskah dinas pengaturan and penetapan (peraturan, keputusan, …) are signed with the name
 *      without titles;
 *  (2) naskah dinas penugasan, korespondensi and khusus are signed with titles, except piagam,
 *      sertifikat and surat tanda tamat pendidikan dan pelatihan;
 *  (3) officials other than the head of region, the deputy and the Sekda add titles, NIP and
 *      pangkat/golongan;
 *  (4) a Pj., Pjs., Plt. or Plh. head of region signs without titles, NIP and pangkat/golongan;
 *  (5) so does a Pj. or Plh. Sekda.
 * `Plt.`, `Plh.`, `Pj.` (and `Pjs.`) stand before the position; `a.n.` signs one level down for a
 * principal, `u.b.` two levels down through an official who signs `a.n.`.
 *
 * Not confirmed from the regulation's own annex, hence parameters of {@link SignaturePolicy} or
 * documented choices rather than hidden rules:
 *  - a **Plt. Sekda** is not named in (5): by the letter of (3) (an official other than "the" Sekda)
 *    the default prints titles, NIP and rank; change `withoutId`/`bare` to treat them otherwise;
 *  - whether "without titles" drops non-academic titles too (H., Hj., military ranks): the profile
 *    keeps all titles in `frontTitle`/`backTitle`, so both are dropped;
 *  - the rank line: `pangkat` alone (default, "Pembina Tingkat I") or with the golongan
 *    ("Pembina Tingkat I (IV/b)") — `rank` parameter;
 *  - the name in capitals (common in produk hukum daerah) or as written — `nameCase` parameter;
 *  - the layout of `a.n.`/`u.b.` lines: `a.n. BUPATI X` without a comma, the intermediate position
 *    with a comma, `u.b.` on a line of its own, the signer's position with a comma;
 *  - an NI PPPK printed as `NI PPPK. 19900101 202421 1 001`, grouped like a NIP.
 */
import type { Signatory } from '../profile/types.generated.js';
import { pangkatOf } from './golongan.js';
import { groupNip } from './nip.js';

/** The profile's statuses (`pjs`, penjabat sementara, is the one Pasal 44 (4) adds to Plt./Plh./Pj.). */
export type SignerStatus = NonNullable<Signatory['status']>;
export type SignerRole = Signatory['role'];

/**
 * What a signature block reads of a signatory: the profile's own fields (a profile `Signatory`
 * fits), with only the delegation's type needed. `position` is without Plt./Plh./Pj.; the prefix
 * comes from `status`.
 */
export type Signer = Pick<Signatory, 'frontTitle' | 'name' | 'backTitle' | 'nip' | 'niPppk' | 'golongan' | 'pangkat' | 'position' | 'role' | 'status'> & {
  delegation?: Pick<NonNullable<Signatory['delegation']>, 'type'>;
};

/** The principal (a.n.) or intermediate official (u.b.): only their position is printed. */
export interface PositionHolder {
  position: string;
  status?: SignerStatus;
}

/**
 * `regeling`: naskah dinas pengaturan and penetapan (peraturan, keputusan, instruksi…) — no titles.
 * `naskah-dinas`: penugasan, korespondensi and khusus (surat, nota dinas, berita acara, perjanjian…)
 * — with titles. `piagam`: piagam, sertifikat, STTPP — the exception of Pasal 44 (2), no titles.
 */
export type DocumentKind = 'regeling' | 'naskah-dinas' | 'piagam';

const KIND_ALIASES: Readonly<Record<string, DocumentKind>> = {
  regeling: 'regeling',
  pengaturan: 'regeling',
  penetapan: 'regeling',
  peraturan: 'regeling',
  keputusan: 'regeling',
  'naskah-dinas': 'naskah-dinas',
  penugasan: 'naskah-dinas',
  korespondensi: 'naskah-dinas',
  khusus: 'naskah-dinas',
  piagam: 'piagam',
  sertifikat: 'piagam',
  sttpp: 'piagam',
};

/** The document kind for a name (`keputusan` → `regeling`), or undefined. */
export function documentKindOf(name: string): DocumentKind | undefined {
  return Object.hasOwn(KIND_ALIASES, name) ? KIND_ALIASES[name] : undefined;
}

export const DOCUMENT_KIND_NAMES = Object.keys(KIND_ALIASES);

type StatusesByRole = Readonly<Partial<Record<SignerRole, readonly SignerStatus[]>>>;

export interface SignaturePolicy {
  /** Who signs with the bare name: no titles, NIP or rank (Pasal 44 (4) and (5)). */
  bare: StatusesByRole;
  /** Who prints no NIP and rank, titles per document kind (Pasal 44 (3)). */
  withoutId: StatusesByRole;
  /** `upper` prints the name (not the titles) in capitals. Unconfirmed: default `as-is`. */
  nameCase: 'as-is' | 'upper';
  /** The rank line. Unconfirmed: default `pangkat`. */
  rank: 'pangkat' | 'pangkat-golongan' | 'none';
}

const ALL_STATUSES: readonly SignerStatus[] = ['definitif', 'plt', 'plh', 'pj', 'pjs'];

/** Pasal 44 as domain.md states it, with the unconfirmed points at their defaults. */
export const PASAL_44: SignaturePolicy = {
  bare: {
    'kepala-daerah': ['pj', 'pjs', 'plt', 'plh'],
    'sekretaris-daerah': ['pj', 'plh'],
  },
  withoutId: {
    'kepala-daerah': ['definitif'],
    'wakil-kepala-daerah': ALL_STATUSES,
    'sekretaris-daerah': ['definitif'],
  },
  nameCase: 'as-is',
  rank: 'pangkat',
};

export interface SignatureRequest {
  signatory: Signer;
  kind: DocumentKind;
  /**
   * Whether to sign a.n./u.b.: by default as `signatory.delegation` says; `none` signs in one's own
   * name (the Sekda signing their own performance agreement, say).
   */
  delegation?: 'a.n.' | 'u.b.' | 'none';
  /** The official signed for (a.n. and u.b.), resolved by the caller. */
  principal?: PositionHolder;
  /** For u.b.: the official who signs a.n. the principal (usually the Sekda). */
  via?: PositionHolder;
}

export interface SignatureBlock {
  /** Lines above the signing space: the a.n./u.b. chain and the signer's position, ending in a comma. */
  heading: string[];
  /** The name, with or without titles. */
  nameLine: string;
  /** The pangkat (or pangkat and golongan), when printed. */
  rankLine?: string;
  /** `NIP. 19800101 200501 1 001` or `NI PPPK. …`, when printed. */
  idLine?: string;
  /** Every printed line in order (heading, name, rank, id), without the signing space. */
  lines: string[];
  /** What was applied: titles printed, NIP/rank printed. */
  titles: boolean;
  identified: boolean;
}

const STATUS_PREFIX: Readonly<Record<SignerStatus, string>> = {
  definitif: '',
  plt: 'Plt. ',
  plh: 'Plh. ',
  pj: 'Pj. ',
  pjs: 'Pjs. ',
};

function squash(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function statusOf(holder: PositionHolder): SignerStatus {
  const status = holder.status ?? 'definitif';
  if (!Object.hasOwn(STATUS_PREFIX, status)) throw new RangeError(`unknown status "${String(status)}" (definitif, plt, plh, pj, pjs)`);
  return status;
}

/** `Plt. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA`: the status prefix, then the position in capitals. */
export function printedPosition(holder: PositionHolder): string {
  if (typeof holder.position !== 'string' || holder.position.trim() === '') throw new TypeError('a position is required');
  return STATUS_PREFIX[statusOf(holder)] + squash(holder.position).toUpperCase();
}

function listed(table: StatusesByRole, role: SignerRole, status: SignerStatus): boolean {
  return (table[role] ?? []).includes(status);
}

/** `Dr. H. Ade Uu Sukaesih, M.Si.` (with titles) or `Ade Uu Sukaesih`. */
export function printedName(s: Signer, withTitles: boolean, nameCase: SignaturePolicy['nameCase'] = 'as-is'): string {
  if (typeof s.name !== 'string' || s.name.trim() === '') throw new TypeError('a name is required');
  const name = nameCase === 'upper' ? squash(s.name).toUpperCase() : squash(s.name);
  if (!withTitles) return name;
  const front = squash(s.frontTitle ?? '');
  const back = squash(s.backTitle ?? '').replace(/^,\s*/, '');
  return `${front ? `${front} ` : ''}${name}${back ? `, ${back}` : ''}`;
}

function rankOf(s: Signer, format: SignaturePolicy['rank']): string | undefined {
  if (format === 'none') return undefined;
  const golongan = s.golongan?.trim() || undefined;
  const pangkat = s.pangkat?.trim() || (golongan ? pangkatOf(golongan) : undefined);
  if (format === 'pangkat') return pangkat;
  if (pangkat && golongan) return `${pangkat} (${golongan})`;
  return pangkat ?? golongan;
}

function idOf(s: Signer): string | undefined {
  const nip = s.nip?.trim();
  if (nip) return `NIP. ${groupNip(nip)}`;
  const ni = s.niPppk?.trim();
  if (ni) return `NI PPPK. ${groupNip(ni)}`;
  return undefined;
}

/** Builds the signature block of `request.signatory` for a document of `request.kind`. */
export function signatureBlock(request: SignatureRequest, policy: SignaturePolicy = PASAL_44): SignatureBlock {
  const s = request.signatory;
  const kind = documentKindOf(request.kind);
  if (!kind) throw new RangeError(`unknown document kind "${String(request.kind)}" (${DOCUMENT_KIND_NAMES.join(', ')})`);
  const status = statusOf(s);
  const who = typeof s.name === 'string' ? s.name : '?';

  const bare = listed(policy.bare, s.role, status);
  const titles = !bare && kind === 'naskah-dinas';
  const identified = !bare && !listed(policy.withoutId, s.role, status);

  const delegation = request.delegation ?? s.delegation?.type ?? 'none';
  const heading: string[] = [];
  if (delegation === 'a.n.' || delegation === 'u.b.') {
    if (!request.principal) throw new TypeError(`signature of ${who}: ${delegation} needs the principal (the official signed for)`);
    heading.push(`a.n. ${printedPosition(request.principal)}`);
    if (delegation === 'u.b.') {
      if (!request.via) throw new TypeError(`signature of ${who}: u.b. needs the intermediate official (via) who signs a.n.`);
      heading.push(`${printedPosition(request.via)},`, 'u.b.');
    }
  } else if (delegation !== 'none') {
    throw new RangeError(`signature of ${who}: unknown delegation "${String(delegation)}" (a.n., u.b., none)`);
  }
  heading.push(`${printedPosition(s)},`);

  const nameLine = printedName(s, titles, policy.nameCase);
  const rankLine = identified ? rankOf(s, policy.rank) : undefined;
  const idLine = identified ? idOf(s) : undefined;
  const lines = [...heading, nameLine, ...(rankLine ? [rankLine] : []), ...(idLine ? [idLine] : [])];
  return {
    heading,
    nameLine,
    ...(rankLine ? { rankLine } : {}),
    ...(idLine ? { idLine } : {}),
    lines,
    titles,
    identified,
  };
}

export interface SignatureTextOptions {
  /** Empty lines left for the signature (and stamp) between the position and the name; default 4. */
  gap?: number;
}

/** The block as plain text lines joined with `\n` (no trailing newline). */
export function formatSignatureBlock(block: SignatureBlock, options: SignatureTextOptions = {}): string {
  const gap = options.gap ?? 4;
  if (!Number.isInteger(gap) || gap < 0 || gap > 20) throw new RangeError(`gap must be a whole number from 0 to 20, got ${String(gap)}`);
  return [
    ...block.heading,
    ...Array.from({ length: gap }, () => ''),
    block.nameLine,
    ...(block.rankLine ? [block.rankLine] : []),
    ...(block.idLine ? [block.idLine] : []),
  ].join('\n');
}
