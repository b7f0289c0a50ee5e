/** Shared by the import tests and the wizard test. */
/** A kabupaten's list as its BKPSDM might keep it: Indonesian headers, some rows wrong. */
export const ROWS: string[][] = [
  ['Nama', 'Singkatan', 'Jenis', 'Tipe', 'Kode Unit', 'Kode SIPD'],
  ['Sekretariat Daerah', 'Setda', 'Sekretariat Daerah', 'A', 'SETDA', '4.01.0.00.0.00.01.0000'],
  ['Sekretariat DPRD', 'Setwan', 'Sekretariat DPRD', 'B', 'SETWAN', ''],
  ['Inspektorat Daerah', 'Inspektorat', 'Inspektorat', 'B', 'INSP', ''],
  ['Dinas Komunikasi dan Informatika', 'Diskominfo', 'Dinas', 'B', 'DISKOMINFO', '2.16.2.20.2.21.01.0000'],
  ['Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah', 'Bapperida', 'Badan', 'A', 'BAPPERIDA', ''],
  ['Kantor Arsip', 'Arsip', 'Kantor', '', 'ARSIP', ''],
  ['', 'Dinkes', 'Dinas', 'A', 'DINKES', ''],
  ['Dinas Kesehatan', 'Dinkes', 'Dinas', 'A', 'DINKES', ''],
  ['Dinas Kesehatan dan KB', 'Dinkes', 'Dinas', 'A', 'DINKES2', ''],
  ['Kecamatan Parigi', '', 'Kecamatan', 'A', 'KEC.PRG', ''],
  ['Dinas Pendidikan', 'Disdik', 'Dinas', 'D', 'DISDIK', ''],
  ['Bagian Umum', '', 'Bagian', '', 'UMUM', ''],
  ['Dinas Sosial', 'Dinsos', 'Dinas', 'B', 'DINSOS', '1.06.0.00'],
];
