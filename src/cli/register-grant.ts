import type { Command } from 'commander';
import { pick } from '../i18n/lang.js';
import type { CliContext, SetExit } from './context.js';

/** `eoffice grant keygen | pack | verify | list`; each action loads its module only when it runs. */
export function registerGrant(program: Command, ctx: CliContext, setExit: SetExit): void {
  const { lang } = ctx;
  const L = (id: string, en: string) => pick(lang, id, en);
  const grant = program
    .command('grant')
    .description(L('hibah: kunci penanda tangan, bundel tersegel, pemeriksaan luring dan buku catatan hibah', 'the grant: signing key, sealed bundle, offline verification and the ledger of grants'))
    .helpCommand(false)
    .addHelpText('after', L(
      '\nContoh:\n  $ eoffice grant keygen --out ~/.eoffice-kunci\n  $ eoffice grant pack keluaran/lebak --out hibah-lebak.tar.gz --key ~/.eoffice-kunci/hibah-ed25519.key\n  $ eoffice grant verify hibah-lebak.tar.gz\n  $ eoffice grant list\n',
      '\nExamples:\n  $ eoffice grant keygen --out ~/.eoffice-keys\n  $ eoffice grant pack output/lebak --out grant-lebak.tar.gz --key ~/.eoffice-keys/hibah-ed25519.key\n  $ eoffice grant verify grant-lebak.tar.gz\n  $ eoffice grant list\n'));

  grant
    .command('keygen')
    .description(L('buat pasangan kunci Ed25519 pemberi hibah (privat 0600, publik, sidik jari)', "make the grantor's Ed25519 key pair (private 0600, public, fingerprint)"))
    .requiredOption('-o, --out <dir>', L('folder untuk kedua kunci (di luar pohon keluaran)', 'folder for both keys (outside any output tree)'))
    .option('--force', L('timpa kunci yang sudah ada', 'overwrite existing keys'))
    .option('--json', L('keluaran JSON', 'JSON output'))
    .addHelpText('after', L('\nContoh:\n  $ eoffice grant keygen --out ~/.eoffice-kunci\n', '\nExamples:\n  $ eoffice grant keygen --out ~/.eoffice-keys\n'))
    .action(async (opts: { out: string; force?: boolean; json?: boolean }) => {
      const { runGrantKeygen } = await import('../commands/grant.js');
      setExit(await runGrantKeygen(ctx, opts));
    });

  grant
    .command('pack')
    .description(L(
      'segel hibah dari pohon keluaran: pemeriksaan kebocoran, repositori dan bundel git bertag, SHA256SUMS, manifest bertanda tangan, SBOM, BAST dan ringkasan perjanjian (MD, DOCX), tar.gz',
      'seal a grant from an output tree: leak scan, tagged git repository and bundle, SHA256SUMS, signed manifest, SBOMs, BAST and agreement summary (MD, DOCX), tar.gz'))
    .argument('<dir>', L('folder keluaran generate', 'the generated output folder'))
    .requiredOption('-o, --out <bundle>', L('berkas bundel .tar.gz', 'the bundle .tar.gz file'))
    .requiredOption('--key <private>', L('kunci privat Ed25519 (dari grant keygen)', 'Ed25519 private key (from grant keygen)'))
    .option('--profile <file>', L('profil regency.yaml (bawaan: yang tercatat di eoffice.lock.json)', 'the regency.yaml profile (default: the one recorded in eoffice.lock.json)'))
    .option('--release <version>', L('versi hibah untuk tag hibah/<kode>/<versi> (bawaan: versi toolkit)', 'grant version for the tag hibah/<code>/<version> (default: the toolkit version)'))
    .option('--ledger <file>', L('buku catatan hibah', 'the ledger of grants'), 'grants.yaml')
    .option('--no-ledger', L('jangan catat di buku hibah', 'do not record in the ledger'))
    .option('--json', L('keluaran JSON', 'JSON output'))
    .addHelpText('after', L(
      '\nContoh:\n  $ eoffice grant pack keluaran/lebak --out hibah-lebak.tar.gz --key kunci/hibah-ed25519.key\n  $ eoffice grant pack keluaran/lebak --out hibah-lebak-1.1.0.tar.gz --key kunci/hibah-ed25519.key --release 1.1.0 --ledger hibah/grants.yaml\n\nKode keluar: 0 bundel dibuat, 1 kebocoran ditemukan atau profil berubah (tidak ada yang ditulis), 2 kesalahan penggunaan atau I/O.\n',
      '\nExamples:\n  $ eoffice grant pack output/lebak --out grant-lebak.tar.gz --key keys/hibah-ed25519.key\n  $ eoffice grant pack output/lebak --out grant-lebak-1.1.0.tar.gz --key keys/hibah-ed25519.key --release 1.1.0 --ledger grants/grants.yaml\n\nExit codes: 0 bundle made, 1 a leak was found or the profile changed (nothing written), 2 usage or I/O error.\n'))
    .action(async (dir: string, opts: { out: string; key: string; profile?: string; release?: string; ledger: string | false; json?: boolean }) => {
      const { runGrantPack } = await import('../commands/grant.js');
      setExit(await runGrantPack(ctx, dir, opts));
    });

  grant
    .command('verify')
    .description(L(
      'pemeriksaan luring oleh penerima: checksum, tanda tangan manifest, tag dan commit, tidak ada berkas hilang atau tambahan',
      "the recipient's offline check: checksums, manifest signature, tag and commit, nothing missing or extra"))
    .argument('<bundle>', L('bundel .tar.gz atau folder hasil ekstraknya', 'the .tar.gz bundle or its extracted folder'))
    .option('--key <public>', L('kunci publik pemberi hibah (bawaan: yang tercetak di BAST dalam bundel)', "the grantor's public key (default: the one printed in the BAST inside the bundle)"))
    .option('--fingerprint <fp>', L('sidik jari yang diharapkan, dari BAST bertanda tangan', 'the expected fingerprint, from the signed BAST'))
    .option('--json', L('keluaran JSON', 'JSON output'))
    .addHelpText('after', L(
      '\nContoh:\n  $ eoffice grant verify hibah-lebak.tar.gz --key hibah-ed25519.pub\n  $ eoffice grant verify hibah-lebak/ --fingerprint "SHA256:1a2b 3c4d ..."\n  $ eoffice grant verify hibah-lebak.tar.gz --json\n\nKode keluar: 0 sah, 1 ada temuan (berkas disebutkan), 2 kesalahan penggunaan atau I/O.\n',
      '\nExamples:\n  $ eoffice grant verify grant-lebak.tar.gz --key hibah-ed25519.pub\n  $ eoffice grant verify grant-lebak/ --fingerprint "SHA256:1a2b 3c4d ..."\n  $ eoffice grant verify grant-lebak.tar.gz --json\n\nExit codes: 0 valid, 1 findings (each names its file), 2 usage or I/O error.\n'))
    .action(async (bundle: string, opts: { key?: string; fingerprint?: string; json?: boolean }) => {
      const { runGrantVerify } = await import('../commands/grant.js');
      setExit(await runGrantVerify(ctx, bundle, opts));
    });

  grant
    .command('list')
    .description(L('tampilkan buku catatan hibah', 'show the ledger of grants'))
    .option('--ledger <file>', L('buku catatan hibah', 'the ledger of grants'), 'grants.yaml')
    .option('--json', L('keluaran JSON', 'JSON output'))
    .addHelpText('after', L('\nContoh:\n  $ eoffice grant list\n  $ eoffice grant list --ledger hibah/grants.yaml --json\n', '\nExamples:\n  $ eoffice grant list\n  $ eoffice grant list --ledger grants/grants.yaml --json\n'))
    .action(async (opts: { ledger: string; json?: boolean }) => {
      const { runGrantList } = await import('../commands/grant.js');
      setExit(await runGrantList(ctx, opts));
    });
}
