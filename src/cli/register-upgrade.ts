import type { Command } from 'commander';
import { pick as L } from '../i18n/lang.js';
import type { CliContext, SetExit } from './context.js';

export function registerUpgrade(program: Command, ctx: CliContext, setExit: SetExit): void {
  const { lang } = ctx;
  program
    .command('upgrade')
    .description(L(lang,
      'perbarui pohon keluaran ke toolkit, blueprint dan profil sekarang; perubahan setempat digabung 3 arah, tidak pernah dibuang',
      'bring an output tree up to the current toolkit, blueprints and profile; local edits are merged 3-way, never dropped'))
    .argument('<dir>', L(lang, 'folder keluaran generate (berisi eoffice.lock.json)', 'the generated output folder (holding eoffice.lock.json)'))
    .option('--profile <file>', L(lang, 'profil yang dipakai (bawaan: yang dicatat di eoffice.lock.json)', 'the profile to use (default: the one eoffice.lock.json records)'))
    .option('-y, --yes', L(lang, 'terapkan tanpa bertanya', 'apply without asking'))
    .option('--dry-run', L(lang, 'tampilkan rencana saja, tidak menulis apa pun', 'only show the plan, write nothing'))
    .option('--continue', L(lang, 'konflik kunci YAML/JSON dan berkas biner dari upgrade sebelumnya sudah diselesaikan', 'the YAML/JSON key and binary conflicts of the previous upgrade are resolved'))
    .option('--from <bundle>', L(lang, 'terapkan bundel upgrade tersegel dari pemberi hibah (luring; diperiksa seperti grant verify, tanpa render)', "apply the grantor's sealed upgrade bundle (offline; checked as grant verify does, nothing rendered)"))
    .option('--key <public>', L(lang, 'dengan --from: kunci publik pemberi hibah (bawaan: yang tercetak di BAST dalam bundel)', "with --from: the grantor's public key (default: the one printed in the BAST inside the bundle)"))
    .option('--fingerprint <fp>', L(lang, 'dengan --from: sidik jari kunci yang diharapkan, dari BAST bertanda tangan', 'with --from: the expected key fingerprint, from the signed BAST'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice upgrade keluaran --dry-run\n  $ eoffice upgrade keluaran            # menampilkan rencana lalu bertanya\n  $ eoffice upgrade keluaran --yes --json\n  $ eoffice upgrade keluaran --continue # setelah konflik diselesaikan\n  $ eoffice upgrade keluaran --from lebak-0.2.0.tar.gz --key hibah-ed25519.pub\n\nKode keluar: 0 mutakhir/berhasil, 1 konflik tersisa, dibatalkan, atau bundel ditolak (tidak sah, daerah lain), 2 kesalahan penggunaan/I/O (juga tanpa --yes bila bukan terminal).\n',
      '\nExamples:\n  $ eoffice upgrade output --dry-run\n  $ eoffice upgrade output              # shows the plan, then asks\n  $ eoffice upgrade output --yes --json\n  $ eoffice upgrade output --continue   # after resolving conflicts\n  $ eoffice upgrade output --from lebak-0.2.0.tar.gz --key hibah-ed25519.pub\n\nExit codes: 0 up to date/upgraded, 1 conflicts remain, declined, or the bundle refused (not valid, another regency), 2 usage/I/O error (also no --yes when not a terminal).\n'))
    .action(async (dir: string, opts: { profile?: string; yes?: boolean; dryRun?: boolean; continue?: boolean; json?: boolean; from?: string; key?: string; fingerprint?: string }) => {
      const { runUpgrade } = await import('../commands/upgrade.js');
      setExit(await runUpgrade(ctx, dir, opts));
    });
}

export function registerFleet(program: Command, ctx: CliContext, setExit: SetExit): void {
  const { lang } = ctx;
  const fleet = program
    .command('fleet')
    .description(L(lang, 'banyak penerima sekaligus: versi, drift, upgrade tertunda', 'many recipients at once: versions, drift, pending upgrades'))
    .helpCommand(false)
    .addHelpText('after', L(lang,
      '\nSusunan armada: <armada>/<penerima>/regency.yaml dan <armada>/<penerima>/out/ (ditemukan melalui eoffice.lock.json).\n',
      '\nFleet layout: <fleet>/<recipient>/regency.yaml and <fleet>/<recipient>/out/ (found through eoffice.lock.json).\n'));
  fleet
    .command('status')
    .description(L(lang, 'versi blueprint tiap penerima terhadap yang terbaru, profil berubah, drift setempat, konflik tertunda', "each recipient's blueprint versions against the newest, profile changed, local drift, pending conflicts"))
    .argument('<dir...>', L(lang, 'folder armada atau pohon keluaran penerima', 'fleet folders or recipient output trees'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice fleet status armada\n  $ eoffice fleet status armada/garut armada/banjar --json\n\nKode keluar: 0 semua mutakhir, 1 ada upgrade tertunda atau konflik, 2 folder tanpa penerima.\n',
      '\nExamples:\n  $ eoffice fleet status fleet\n  $ eoffice fleet status fleet/garut fleet/banjar --json\n\nExit codes: 0 all current, 1 an upgrade is pending or a conflict unresolved, 2 a folder with no recipient.\n'))
    .action(async (dirs: string[], opts: { json?: boolean }) => {
      const { runFleetStatus } = await import('../commands/fleet.js');
      setExit(await runFleetStatus(ctx, dirs, opts));
    });
  fleet
    .command('upgrade')
    .description(L(lang, 'upgrade setiap penerima yang bersih; berhenti pada konflik dan melaporkannya', 'upgrade every recipient that goes through cleanly; stop at conflicts and report them'))
    .argument('<dir...>', L(lang, 'folder armada atau pohon keluaran penerima', 'fleet folders or recipient output trees'))
    .option('-y, --yes', L(lang, 'terapkan tanpa bertanya', 'apply without asking'))
    .option('--dry-run', L(lang, 'tampilkan rencana saja', 'only show the plans'))
    .option('--bundle <outdir>', L(lang, 'segel setiap penerima yang di-upgrade seperti grant pack (bundel bertanda tangan, diperiksa dengan grant verify); butuh --key', 'seal each upgraded recipient as grant pack does (a signed bundle that grant verify accepts); needs --key'))
    .option('--key <private>', L(lang, 'kunci privat Ed25519 pemberi hibah (dari grant keygen)', "the grantor's Ed25519 private key (from grant keygen)"))
    .option('--release <version>', L(lang, 'versi untuk tag hibah/<kode>/<versi> (bawaan: versi toolkit bila berubah, selain itu <versi>+upgrade.<digest>)', 'release for the tag hibah/<code>/<version> (default: the toolkit version when it changed, otherwise <version>+upgrade.<digest>)'))
    .option('--ledger <file>', L(lang, 'buku catatan hibah: catat setiap bundel, tolak versi yang sudah pernah dihibahkan', 'the ledger of grants: record each bundle, refuse a release already granted'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice fleet upgrade armada --dry-run\n  $ eoffice fleet upgrade armada --yes --bundle bundel --key kunci/hibah-ed25519.key --ledger grants.yaml\n\nKode keluar: 0 semua mutakhir atau di-upgrade (dan disegel), 1 ada penerima yang berhenti pada konflik atau tidak dapat disegel, 2 kesalahan penggunaan (juga --bundle tanpa --key).\n',
      '\nExamples:\n  $ eoffice fleet upgrade fleet --dry-run\n  $ eoffice fleet upgrade fleet --yes --bundle bundles --key keys/hibah-ed25519.key --ledger grants.yaml\n\nExit codes: 0 all current or upgraded (and sealed), 1 a recipient stopped at conflicts or could not be sealed, 2 usage error (also --bundle without --key).\n'))
    .action(async (dirs: string[], opts: { yes?: boolean; dryRun?: boolean; bundle?: string; key?: string; release?: string; ledger?: string; json?: boolean }) => {
      const { runFleetUpgrade } = await import('../commands/fleet.js');
      setExit(await runFleetUpgrade(ctx, dirs, opts));
    });
}

export function registerProfile(program: Command, ctx: CliContext, setExit: SetExit): void {
  const { lang } = ctx;
  const profile = program
    .command('profile')
    .description(L(lang, 'berkas profil regency.yaml', 'the regency.yaml profile file'))
    .helpCommand(false);
  profile
    .command('migrate')
    .description(L(lang, 'perbarui profil berformat lama ke apiVersion sekarang (eoffice/v1), komentar dipertahankan', 'bring a profile of an older format up to the current apiVersion (eoffice/v1), keeping comments'))
    .argument('<file>', L(lang, 'profil regency.yaml', 'the regency.yaml profile'))
    .option('--dry-run', L(lang, 'cetak hasilnya, tidak menulis', 'print the result, write nothing'))
    .option('--check', L(lang, 'keluar dengan kode 1 bila profil perlu dimigrasikan', 'exit 1 when the profile needs migrating'))
    .option('--json', L(lang, 'keluaran JSON', 'JSON output'))
    .addHelpText('after', L(lang,
      '\nContoh:\n  $ eoffice profile migrate regency.yaml\n  $ eoffice profile migrate regency.yaml --dry-run\n  $ eoffice profile migrate regency.yaml --check   # di CI\n',
      '\nExamples:\n  $ eoffice profile migrate regency.yaml\n  $ eoffice profile migrate regency.yaml --dry-run\n  $ eoffice profile migrate regency.yaml --check   # in CI\n'))
    .action(async (file: string, opts: { dryRun?: boolean; check?: boolean; json?: boolean }) => {
      const { runProfileMigrate } = await import('../commands/profile-migrate.js');
      setExit(await runProfileMigrate(ctx, file, opts));
    });
}
