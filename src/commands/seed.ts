import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { ExitCode } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { applySeed, parseDatabaseUrl, redact, SeedApplyError, type ApplyResult } from '../seed/apply.js';

export interface SeedApplyOptions {
  /** A database URL, or `env:NAME` / `file:PATH` holding one. */
  db: string;
  json?: boolean;
}

const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

/** `env:NAME` and `file:PATH` keep the password off the command line; anything else is the URL. */
async function resolveUrl(ctx: CliContext, db: string): Promise<{ url: string; literal: boolean }> {
  const env = /^env:(.*)$/s.exec(db);
  if (env) {
    const name = env[1]!;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new SeedApplyError('url', { id: `nama variabel lingkungan tidak sah: "${name}"`, en: `not a valid environment variable name: "${name}"` }, ExitCode.usage);
    }
    const value = ctx.env[name];
    if (value === undefined || value.trim() === '') {
      throw new SeedApplyError(
        'url',
        { id: `variabel lingkungan ${name} tidak diisi`, en: `the environment variable ${name} is not set` },
        ExitCode.usage,
        {},
        { id: `isi dulu, misalnya: export ${name}='postgres://pengguna:sandi@host/basisdata'`, en: `set it first, e.g. export ${name}='postgres://user:password@host/database'` },
      );
    }
    return { url: value, literal: false };
  }
  const file = /^file:(.*)$/s.exec(db);
  if (file) {
    const path = resolve(ctx.cwd, file[1]!);
    try {
      return { url: (await readFile(path, 'utf8')).trim(), literal: false };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new SeedApplyError('url', { id: `berkas ${file[1]} tidak dapat dibaca (${code})`, en: `cannot read the file ${file[1]} (${code})` }, ExitCode.usage);
    }
  }
  return { url: db, literal: true };
}

function formatTable(result: ApplyResult, lang: Lang): string {
  const nf = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US');
  const digits = result.durationMs < 10_000 ? 2 : 1;
  const seconds = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(result.durationMs / 1000);
  const statements = result.files.reduce((n, f) => n + f.statements, 0);
  const head = L(
    lang,
    `Data awal dimuat ke ${result.target} (${result.server}) dalam ${seconds} detik: ${result.files.length} berkas, ${nf.format(statements)} pernyataan, satu transaksi.\n`,
    `Seed loaded into ${result.target} (${result.server}) in ${seconds} s: ${result.files.length} ${result.files.length === 1 ? 'file' : 'files'}, ${nf.format(statements)} statements, one transaction.\n`,
  );
  const title = [L(lang, 'tabel', 'table'), L(lang, 'baris', 'rows')] as const;
  const cells = result.tables.map((t) => [t.table, nf.format(t.rows)] as const);
  const w0 = Math.max(title[0].length, ...cells.map((c) => c[0].length));
  const w1 = Math.max(title[1].length, ...cells.map((c) => c[1].length));
  const lines = [title, ...cells].map(([a, b]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}`);
  return head + lines.join('\n') + '\n';
}

function failureText(err: SeedApplyError, lang: Lang): string {
  let out = `eoffice: ${err.messages[lang]}\n`;
  if (err.details.excerpt) out += `  ${L(lang, 'pernyataan', 'statement')}: ${err.details.excerpt}\n`;
  if (err.hints) out += `${L(lang, 'saran', 'hint')}: ${err.hints[lang]}\n`;
  return out;
}

/**
 * `eoffice seed apply DIR --db URL`: loads DIR/seed/<dialect>/*.sql into PostgreSQL or MySQL/MariaDB
 * in one transaction (see src/seed/apply.ts for MySQL's DDL) and prints the rows per table.
 * Exit 0 loaded; 1 the load failed because of the seed (the database is left as it was); 2 the
 * database cannot be reached, the URL is bad, or DIR has no seed.
 */
export async function runSeedApply(ctx: CliContext, dir: string, opts: SeedApplyOptions): Promise<number> {
  const { lang } = ctx;
  let secrets: string[] = [];
  try {
    const { url, literal } = await resolveUrl(ctx, opts.db);
    const target = parseDatabaseUrl(url);
    secrets = target.secrets;
    if (literal && new URL(target.url).password !== '') {
      ctx.stderr(
        L(lang,
          'eoffice: peringatan: sandi di baris perintah terlihat oleh pengguna lain dan tersimpan di riwayat shell; gunakan --db env:DATABASE_URL\n',
          'eoffice: warning: a password on the command line is visible to other users and kept in the shell history; use --db env:DATABASE_URL\n'),
      );
    }
    const result = await applySeed(resolve(ctx.cwd, dir), target.url);
    if (opts.json) ctx.stdout(JSON.stringify({ ok: true, ...result }, null, 2) + '\n');
    else ctx.stdout(formatTable(result, lang));
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof SeedApplyError)) throw err;
    // Paths in messages are DIR-relative or as given; the URL's password was redacted at the source,
    // and once more here in case a message quoted it.
    if (opts.json) {
      const error = { kind: err.kind, message: err.messages[lang], ...(err.hints ? { hint: err.hints[lang] } : {}), ...err.details };
      ctx.stdout(redact(JSON.stringify({ ok: false, error }, null, 2), secrets) + '\n');
    } else {
      ctx.stderr(redact(failureText(err, lang), secrets));
    }
    return err.exitCode;
  }
}
