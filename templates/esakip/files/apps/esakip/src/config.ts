/** `config/app.json` e-SAKIP: periode RPJMD, bobot evaluasi dari profil, blok tanda tangan perjanjian kinerja. */
import { ConfigError, ConfigReader, readAppInfo, type AppInfo } from 'eoffice-runtime';
import type { Weights } from './sakip.js';

export interface SakipConfig extends AppInfo {
  periode: { mulai: number; selesai: number };
  tahun: number[];
  /** Bobot dari profil; null: bobot bawaan PermenPANRB 88/2021. */
  bobot: Weights | null;
  /** Blok tanda tangan perjanjian kinerja (atas nama sendiri, bergelar), per penandatangan. */
  ttd: ReadonlyMap<string, string>;
}

export const APP_CONFIG_URL = new URL('../../config/app.json', import.meta.url);

export function loadConfig(url: URL = APP_CONFIG_URL): SakipConfig {
  const r = ConfigReader.fromFile(url);
  const p = r.obj('periode');
  const periode = { mulai: p.num('mulai', 2000, 2100), selesai: p.num('selesai', 2000, 2100) };
  if (periode.selesai < periode.mulai) throw new ConfigError(`${r.file}: /periode berakhir sebelum dimulai`);
  const tahun = r.array('tahun').map((y, i) => {
    if (typeof y.value !== 'number' || y.value !== periode.mulai + i) throw new ConfigError(`${r.file}: /tahun/${i} harus ${periode.mulai + i}`);
    return y.value;
  });
  if (tahun.length !== periode.selesai - periode.mulai + 1) throw new ConfigError(`${r.file}: /tahun harus memuat ${periode.mulai}–${periode.selesai}`);
  const b = r.optObj('bobot');
  const bobot = b && { perencanaan: b.num('perencanaan', 0, 100), pengukuran: b.num('pengukuran', 0, 100), pelaporan: b.num('pelaporan', 0, 100), evaluasi: b.num('evaluasi', 0, 100) };
  if (bobot && Math.abs(bobot.perencanaan + bobot.pengukuran + bobot.pelaporan + bobot.evaluasi - 100) > 1e-9) {
    throw new ConfigError(`${r.file}: /bobot harus berjumlah 100`);
  }
  const ttdReader = r.obj('ttdPerjanjianKinerja');
  const ttd = new Map(Object.keys(ttdReader.value as object).map((id) => [id, ttdReader.str(id)]));
  return { ...readAppInfo(r), periode, tahun, bobot, ttd };
}
