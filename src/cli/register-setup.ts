import type { Command } from 'commander';
import { pick } from '../i18n/lang.js';
import type { CliContext, SetExit } from './context.js';

// Options are made with program.createOption, so this file imports only commander types.

export function registerInit(program: Command, ctx: CliContext, setExit: SetExit): void {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  program
    .command('init')
    .description(L('penyiapan terpandu: profil regency.yaml, pemeriksaan, lalu generate ke <dir>/keluaran', 'guided setup: a regency.yaml profile, validation, then generation into <dir>/keluaran'))
    .argument('[dir]', L('folder penerima (bawaan: folder ini)', "the recipient's folder (default: this folder)"))
    .option('--regency <kode>', L('kode wilayah kabupaten/kota, mis. 32.11 (atau namanya)', 'region code of the regency or city, e.g. 32.11 (or its name)'))
    .option('--apps <daftar>', L('aplikasi, dipisah koma: eoffice,eofficeDesa,esakip', 'applications, comma-separated: eoffice,eofficeDesa,esakip'))
    .option('--agencies <berkas>', L('impor daftar OPD dari CSV atau XLSX', 'import the agency list from CSV or XLSX'))
    .option('--kecamatan <daftar>', L('hanya desa di kecamatan ini (kode atau nama, dipisah koma)', 'only villages of these kecamatan (codes or names, comma-separated)'))
    .option('--address <alamat>', L('alamat kantor untuk kop surat', 'office address for the letterhead'))
    .addOption(program.createOption('--target <target>', L('tempat aplikasi dijalankan', 'where the applications run')).choices(['compose', 'kubernetes', 'vm']))
    .option('--domain <host>', L('nama host aplikasi, mis. eoffice.sumedangkab.go.id', 'host name of the applications, e.g. eoffice.sumedangkab.go.id'))
    .addOption(program.createOption('--db <engine>', L('basis data', 'database')).choices(['postgresql', 'mysql', 'mariadb']))
    .option('--profile <berkas>', L('pakai profil yang sudah ada, tanpa pertanyaan', 'use an existing profile, without questions'))
    .option('-y, --yes', L('pakai bawaan untuk setiap jawaban yang tidak diberikan', 'take the default for every answer not given'))
    .option('--force', L('ganti regency.yaml yang sudah ada (disimpan sebagai regency.yaml.bak)', 'replace an existing regency.yaml (kept as regency.yaml.bak)'))
    .addHelpText('after', L(
      '\nTanpa terminal (CI, skrip) init tidak pernah bertanya: berikan jawabannya sebagai opsi, atau --yes.\nHasil: <dir>/regency.yaml dan <dir>/keluaran/. Ctrl+C kapan pun: tidak ada yang ditulis.\n\nContoh:\n  $ eoffice init pangandaran\n  $ eoffice init pangandaran --regency 32.18 --yes\n  $ eoffice init --regency 32.18 --apps eoffice,esakip --target compose --domain eoffice.pangandarankab.go.id --db postgresql\n  $ eoffice init pangandaran --regency 32.18 --agencies daftar-opd.xlsx --yes\n  $ eoffice init pangandaran --profile regency.yaml --yes\n',
      '\nWithout a terminal (CI, scripts) init never asks: give the answers as options, or --yes.\nResult: <dir>/regency.yaml and <dir>/keluaran/. Ctrl+C at any point: nothing is written.\n\nExamples:\n  $ eoffice init pangandaran\n  $ eoffice init pangandaran --regency 32.18 --yes\n  $ eoffice init --regency 32.18 --apps eoffice,esakip --target compose --domain eoffice.pangandarankab.go.id --db postgresql\n  $ eoffice init pangandaran --regency 32.18 --agencies agencies.xlsx --yes\n  $ eoffice init pangandaran --profile regency.yaml --yes\n'))
    .action(async (dir: string | undefined, opts: Record<string, string | boolean | undefined>) => {
      const { runInit } = await import('../commands/init/index.js');
      setExit(await runInit(ctx, dir, opts));
    });
}

export function registerDoctor(program: Command, ctx: CliContext, setExit: SetExit): void {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  program
    .command('doctor')
    .description(L('periksa apa yang dibutuhkan deployment di mesin ini, dengan cara membereskan setiap kekurangan', 'check what the deployment needs on this machine, with the fix for each gap'))
    .option('--profile <berkas>', L('profil yang menentukan target (bawaan: ./regency.yaml bila ada)', 'the profile naming the targets (default: ./regency.yaml when present)'))
    .addOption(program.createOption('--target <target>', L('target deployment (menggantikan profil)', 'deployment target (instead of the profile)')).choices(['compose', 'kubernetes', 'vm']))
    .option('--offline', L('jangan memeriksa DNS', 'skip the DNS check'))
    .option('--json', L('keluaran JSON', 'JSON output'))
    .addHelpText('after', L(
      '\nKode keluar: 0 semua yang wajib ada, 1 ada yang wajib belum terpasang, 2 kesalahan penggunaan.\n\nContoh:\n  $ eoffice doctor --profile regency.yaml\n  $ eoffice doctor --target kubernetes --json\n',
      '\nExit codes: 0 everything required is there, 1 something required is missing, 2 usage error.\n\nExamples:\n  $ eoffice doctor --profile regency.yaml\n  $ eoffice doctor --target kubernetes --json\n'))
    .action(async (opts: { profile?: string; target?: string; offline?: boolean; json?: boolean }) => {
      const { runDoctor } = await import('../commands/doctor.js');
      setExit(await runDoctor(ctx, opts));
    });
}

export function registerDeploy(program: Command, ctx: CliContext, setExit: SetExit): void {
  const L = (id: string, en: string) => pick(ctx.lang, id, en);
  program
    .command('deploy')
    .description(L('pasang pohon hasil generate dengan alatnya sendiri (docker compose, kubectl, skrip pemasang)', 'deploy the generated tree with its own tool (docker compose, kubectl, the install script)'))
    .argument('<dir>', L('folder hasil generate (atau folder init yang memuat keluaran/)', 'the generated folder (or an init folder holding keluaran/)'))
    .addOption(program.createOption('--target <target>', L('target deployment', 'deployment target')).choices(['compose', 'kubernetes', 'vm']).makeOptionMandatory())
    .addOption(program.createOption('--env <env>', L('overlay Kubernetes', 'Kubernetes overlay')).choices(['production', 'staging']).default('production'))
    .option('--dry-run', L('tampilkan perintahnya saja, tanpa menjalankan', 'print the commands, run nothing'))
    .option('--json', L('keluaran JSON (dengan --dry-run: daftar perintah)', 'JSON output (with --dry-run: the command list)'))
    .addHelpText('after', L(
      '\nSetiap perintah ditampilkan sebelum dijalankan; berhenti pada kegagalan pertama dengan pesan alat itu sendiri (kode 1).\n\nContoh:\n  $ eoffice deploy keluaran --target compose --dry-run\n  $ eoffice deploy keluaran --target compose\n  $ eoffice deploy keluaran --target kubernetes --env staging\n  $ sudo eoffice deploy keluaran --target vm\n',
      "\nEach command is shown before it runs; stops at the first failure with the tool's own message (exit 1).\n\nExamples:\n  $ eoffice deploy output --target compose --dry-run\n  $ eoffice deploy output --target compose\n  $ eoffice deploy output --target kubernetes --env staging\n  $ sudo eoffice deploy output --target vm\n"))
    .action(async (dir: string, opts: { target: string; env: string; dryRun?: boolean; json?: boolean }) => {
      const { runDeploy } = await import('../commands/deploy.js');
      setExit(await runDeploy(ctx, dir, opts));
    });
}
