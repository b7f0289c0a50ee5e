/** `config/app.json` e-Office Desa: pola nomor surat desa (dipakai bila data awal belum memuatnya). */
import { ConfigReader, readAppInfo, readNumbering, type AppInfo, type Numbering } from 'eoffice-runtime';

export interface DesaConfig extends AppInfo {
  penomoran: Numbering;
}

export const APP_CONFIG_URL = new URL('../../config/app.json', import.meta.url);

export function loadConfig(url: URL = APP_CONFIG_URL): DesaConfig {
  const r = ConfigReader.fromFile(url);
  return { ...readAppInfo(r), penomoran: readNumbering(r) };
}
