// Writes examples/<region>/regency.yaml for the grantor (Sumedang) and the eight recipients named in
// public reports, from the scaffold and the YAML writer of the built toolkit:
//
//   npx tsc -p tsconfig.build.json && node scripts/make-examples.mjs          (writes)
//   node scripts/make-examples.mjs --check                                    (exit 1 on drift)
//
// What is real: region codes, names, kecamatan and villages (the 2025 decree), and the shape of each
// regency's office address and domain. What is not: every person, NIP and NIK (fictional, but valid
// by every rule), and the grant's agreement and BAST numbers. The examples are committed as
// generated; change this script, not the files. test/examples.test.ts runs `buildExamples` with the
// TypeScript sources and fails when a committed file differs from what it gives.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const GRANTOR = '32.11';

/** Sumedang runs the apps from its Diskominfosanditik; the grant names that agency. */
const SUMEDANG_AGENCIES = {
  diskominfo: {
    name: 'Dinas Komunikasi, Informatika, Persandian dan Statistik',
    shortName: 'Diskominfosanditik',
    unitCode: 'DISKOMINFOSANDITIK',
  },
};

export const HEADER = [
  'Contoh: nama orang, NIP dan NIK di berkas ini fiktif (orangnya tidak ada), tetapi sah menurut setiap aturan validasi.',
  'Nomor perjanjian hibah dan BAST juga rekaan. Kode wilayah, kecamatan dan desa sesuai Kepmendagri 2025.',
  'Dibangkitkan oleh scripts/make-examples.mjs; ubah skrip itu, bukan berkas ini.',
];

const ALL_APPS = { eoffice: true, eofficeDesa: true, esakip: true };
const ITEMS = ['applications', 'source-code', 'documentation', 'implementation-support', 'training'];

/**
 * One entry per example: the folder, the region code and what is specific to the regency. `grant`
 * holds the terms of the recipient's grant agreement with Sumedang.
 */
export const EXAMPLES = [
  {
    dir: 'sumedang',
    code: '32.11',
    domain: 'sumedangkab.go.id',
    letterhead: { address: 'Jl. Prabu Geusan Ulun No. 36, Sumedang', phone: '(0261) 201020', fax: '(0261) 201021', postcode: '45311', paper: 'F4' },
    agencies: SUMEDANG_AGENCIES,
    apps: ALL_APPS,
    srikandi: 'primary',
    deployment: { targets: ['kubernetes'], database: 'postgresql' },
    villageDetails: 3,
  },
  {
    dir: 'bojonegoro',
    code: '35.22',
    domain: 'bojonegorokab.go.id',
    letterhead: { address: 'Jl. P. Mas Tumapel No. 1, Bojonegoro', phone: '(0353) 881826', postcode: '62111' },
    apps: ALL_APPS,
    deployment: { targets: ['compose'], database: 'postgresql' },
    villageDetails: 2,
    grant: { agreement: { number: '000.4/021/HIBAH/2026', date: '2026-01-20' }, bast: { number: '000.4/022/BAST/2026', date: '2026-02-03' } },
  },
  {
    dir: 'jombang',
    code: '35.17',
    domain: 'jombangkab.go.id',
    letterhead: { address: 'Jl. KH. Wahid Hasyim No. 137, Jombang', phone: '(0321) 861034', postcode: '61411' },
    apps: { eoffice: true, eofficeDesa: false, esakip: true },
    letterNumber: { eoffice: { template: '{klasifikasi}/{nomor}/{unit}/{tahun}', reset: 'yearly', padding: 3 } },
    deployment: { targets: ['vm'], database: 'mariadb' },
    grant: { agreement: { number: '000.4/034/HIBAH/2026', date: '2026-02-12' }, bast: { number: '000.4/035/BAST/2026', date: '2026-02-26' } },
  },
  {
    dir: 'ogan-ilir',
    code: '16.10',
    domain: 'oganilirkab.go.id',
    letterhead: { address: 'Komplek Perkantoran Terpadu Tanjung Senai, Indralaya', phone: '(0711) 7322103', postcode: '30862' },
    apps: { eoffice: true, eofficeDesa: true, esakip: false },
    deployment: { targets: ['compose'], database: 'mariadb' },
    grant: { agreement: { number: '000.4/047/HIBAH/2026', date: '2026-03-05' }, bast: { number: '000.4/048/BAST/2026', date: '2026-03-19' }, items: ['applications', 'source-code', 'documentation', 'training'] },
  },
  {
    dir: 'lebak',
    code: '36.02',
    domain: 'lebakkab.go.id',
    letterhead: { address: 'Jl. Abdi Negara No. 3, Rangkasbitung', phone: '(0252) 201007', postcode: '42312' },
    apps: ALL_APPS,
    letterNumber: { eoffice: { template: '{klasifikasi}/{nomor}/{unit}/{bulanRomawi}/{tahun}', reset: 'monthly' } },
    deployment: { targets: ['kubernetes'], database: 'postgresql' },
    grant: { agreement: { number: '000.4/052/HIBAH/2026', date: '2026-03-16' }, bast: { number: '000.4/053/BAST/2026', date: '2026-04-02' } },
  },
  {
    dir: 'sukabumi',
    code: '32.02',
    domain: 'sukabumikab.go.id',
    letterhead: { address: 'Jl. Jajaran Brigjen H. Sjamun No. 5, Palabuhanratu', phone: '(0266) 431211', postcode: '43364', paper: 'F4' },
    apps: ALL_APPS,
    deployment: { targets: ['vm'], database: 'postgresql' },
    villageDetails: 4,
    grant: { agreement: { number: '000.4/066/HIBAH/2026', date: '2026-04-08' }, bast: { number: '000.4/067/BAST/2026', date: '2026-04-22' } },
  },
  {
    dir: 'belitung-timur',
    code: '19.06',
    domain: 'belitungtimurkab.go.id',
    letterhead: { address: 'Jl. Jenderal Sudirman, Komplek Perkantoran Pemerintah Kabupaten, Manggar', phone: '(0719) 9220001', postcode: '33512' },
    apps: { eoffice: true, eofficeDesa: true, esakip: false },
    srikandi: 'none',
    deployment: { targets: ['compose'], database: 'mariadb' },
    grant: { agreement: { number: '000.4/071/HIBAH/2026', date: '2026-04-27' }, bast: { number: '000.4/072/BAST/2026', date: '2026-05-11' } },
  },
  {
    dir: 'pangandaran',
    code: '32.18',
    domain: 'pangandarankab.go.id',
    letterhead: { address: 'Jl. Merdeka No. 248, Parigi', phone: '(0265) 639155', postcode: '46393' },
    apps: ALL_APPS,
    deployment: { targets: ['compose', 'vm'], database: 'postgresql' },
    villageDetails: 2,
    grant: { agreement: { number: '000.4/083/HIBAH/2026', date: '2026-05-18' }, bast: { number: '000.4/084/BAST/2026', date: '2026-06-01' } },
  },
  {
    dir: 'karanganyar',
    code: '33.13',
    domain: 'karanganyarkab.go.id',
    letterhead: { address: 'Jl. Lawu No. 385, Karanganyar', phone: '(0271) 495039', postcode: '57712' },
    apps: { eoffice: true, eofficeDesa: false, esakip: true },
    deployment: { targets: ['kubernetes'], database: 'mariadb' },
    grant: { agreement: { number: '000.4/095/HIBAH/2026', date: '2026-06-09' }, bast: { number: '000.4/096/BAST/2026', date: '2026-06-23' } },
  },
];

/**
 * Every example as `{dir, text}`, from the toolkit functions passed in (the built ones when run as a
 * script, the TypeScript sources in the test).
 */
export function buildExamples({ scaffoldProfile, grantFrom, profileToYaml }) {
  return EXAMPLES.map((e) => {
    const grant = e.grant
      ? grantFrom(GRANTOR, { agreement: e.grant.agreement, bast: e.grant.bast, items: e.grant.items ?? ITEMS }, { agencies: SUMEDANG_AGENCIES })
      : undefined;
    const profile = scaffoldProfile(e.code, {
      domain: e.domain,
      letterhead: { ...e.letterhead, email: `diskominfo@${e.domain}`, website: `https://${e.domain}` },
      apps: e.apps,
      deployment: e.deployment,
      villageDetails: e.villageDetails ?? 0,
      ...(e.agencies ? { agencies: e.agencies } : {}),
      ...(e.letterNumber ? { letterNumber: e.letterNumber } : {}),
      ...(e.srikandi ? { srikandi: e.srikandi } : {}),
      ...(grant ? { grant } : {}),
    });
    return { dir: e.dir, code: e.code, text: profileToYaml(profile, { lang: 'id', schemaPath: '../../schemas/regency-profile.schema.json', header: HEADER }) };
  });
}

async function main(argv) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
  let api;
  try {
    const [scaffold, writer] = await Promise.all([import(dist('profile/scaffold.js')), import(dist('profile/write-yaml.js'))]);
    api = { scaffoldProfile: scaffold.scaffoldProfile, grantFrom: scaffold.grantFrom, profileToYaml: writer.profileToYaml };
  } catch (err) {
    console.error(`make-examples: build first (npx tsc -p tsconfig.build.json): ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const check = argv.includes('--check');
  let drift = 0;
  for (const { dir, text } of buildExamples(api)) {
    const file = join(root, 'examples', dir, 'regency.yaml');
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => undefined);
      if (current !== text) {
        console.error(`examples/${dir}/regency.yaml differs from what scripts/make-examples.mjs writes`);
        drift++;
      }
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      console.log(`examples/${dir}/regency.yaml`);
    }
  }
  return drift > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
