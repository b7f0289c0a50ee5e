/** `config/app.json` e-Office: penomoran, hubungan dengan SRIKANDI, dan blok tanda tangan yang sudah disusun. */
import { ConfigError, ConfigReader, readAppInfo, readNumbering, type AppInfo, type Numbering } from 'eoffice-runtime';

export const DOCUMENT_KINDS = ['naskah-dinas', 'regeling'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface EofficeConfig extends AppInfo {
  penomoran: Numbering;
  srikandi: 'primary' | 'alongside' | 'none';
  tte: string | null;
  /** Blok tanda tangan per penandatangan dan jenis naskah (Permendagri 1/2023 Pasal 44), disusun saat pembangkitan. */
  ttd: ReadonlyMap<string, Readonly<Record<DocumentKind, string>>>;
}

export const APP_CONFIG_URL = new URL('../../config/app.json', import.meta.url);

export function loadConfig(url: URL = APP_CONFIG_URL): EofficeConfig {
  const r = ConfigReader.fromFile(url);
  const ttd = new Map<string, Record<DocumentKind, string>>();
  for (const [id, block] of r.entries('ttd')) {
    ttd.set(id, { 'naskah-dinas': block.str('naskah-dinas'), regeling: block.str('regeling') });
  }
  if (ttd.size === 0) throw new ConfigError(`${r.file}: /ttd kosong; bangkitkan ulang dari profil`);
  return {
    ...readAppInfo(r),
    penomoran: readNumbering(r),
    srikandi: r.oneOf('srikandi', ['primary', 'alongside', 'none'] as const),
    tte: r.optStr('tte'),
    ttd,
  };
}
