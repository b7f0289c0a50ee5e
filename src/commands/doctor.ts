/**
 * `eoffice doctor`: what the chosen deployment needs on this machine, each gap with its fix.
 * Exit 1 when something required is missing. Tools run through execa with the caller's PATH.
 */
import { promises as dns } from 'node:dns';
import { readFile, stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { ExitCode, UsageError } from '../errors.js';
import { pick } from '../i18n/lang.js';
import { runChecks, type CheckResult, type DoctorInput, type Probe, type Status, type Target } from '../doctor/checks.js';
import type { RegencyProfile } from '../profile/types.generated.js';

export interface DoctorCliOptions {
  profile?: string;
  target?: string;
  offline?: boolean;
  json?: boolean;
}

/** Tools through execa (a short timeout: a hung `docker info` must not hang doctor). */
export function systemProbe(env: NodeJS.ProcessEnv): Probe {
  return {
    async run(file, args) {
      const { execa } = await import('execa');
      const r = await execa(file, [...args], { env, extendEnv: false, reject: false, all: true, timeout: 15_000, stdin: 'ignore' });
      return { ok: !r.failed, notFound: (r as { code?: string }).code === 'ENOENT', output: String(r.all ?? '') || (r.failed ? r.shortMessage ?? '' : '') };
    },
    async freeBytes(path) {
      let at = path;
      // The folder may not exist yet: measure the nearest one that does.
      while (!(await stat(at).catch(() => undefined)) && dirname(at) !== at) at = dirname(at);
      const s = await statfs(at);
      return s.bavail * s.bsize;
    },
    async resolve(host) {
      const resolver = new dns.Resolver({ timeout: 2500, tries: 1 });
      const classify = (err: unknown) => {
        const code = (err as NodeJS.ErrnoException).code;
        return code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN' ? 'not-found' : 'offline';
      };
      try {
        return { addresses: await resolver.resolve4(host) };
      } catch (err4) {
        if (classify(err4) === 'offline') return { error: 'offline' as const };
        try {
          return { addresses: await resolver.resolve6(host) };
        } catch (err6) {
          return { error: classify(err6) };
        }
      }
    },
  };
}

async function readProfile(ctx: CliContext, file: string, needTargets: boolean): Promise<RegencyProfile | undefined> {
  const text = await readFile(resolve(ctx.cwd, file), 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(pick(ctx.lang, `${file} tidak dapat dibaca (${err.code ?? err.message})`, `${file} cannot be read (${err.code ?? err.message})`));
  });
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    data = undefined;
  }
  const profile = data as RegencyProfile | undefined;
  if (needTargets && !profile?.deployment?.targets?.length) {
    throw new UsageError(
      pick(ctx.lang, `${file} tidak memuat deployment.targets`, `${file} has no deployment.targets`),
      pick(ctx.lang, 'periksa dengan `eoffice validate`, atau sebut targetnya: --target compose|kubernetes|vm', 'check it with `eoffice validate`, or name the target: --target compose|kubernetes|vm'),
    );
  }
  return profile;
}

const MARK: Record<Status, string> = { ok: '✓', missing: '✗', warn: '!', offline: '~' };

export async function runDoctor(ctx: CliContext, opts: DoctorCliOptions, probe: Probe = systemProbe(ctx.env)): Promise<number> {
  const profileFile = opts.profile ?? ((await stat(resolve(ctx.cwd, 'regency.yaml')).catch(() => undefined))?.isFile() ? 'regency.yaml' : undefined);
  const profile = profileFile !== undefined ? await readProfile(ctx, profileFile, opts.target === undefined) : undefined;
  const targets: Target[] = opts.target ? [opts.target as Target] : (profile?.deployment?.targets ?? []);
  if (targets.length === 0) {
    throw new UsageError(
      pick(ctx.lang, 'target deployment belum diketahui', 'the deployment target is not known'),
      pick(ctx.lang, 'sebut --target compose|kubernetes|vm, atau --profile regency.yaml', 'name --target compose|kubernetes|vm, or --profile regency.yaml'),
    );
  }
  const input: DoctorInput = {
    targets,
    ...(profile?.deployment?.database?.engine ? { database: profile.deployment.database.engine } : {}),
    ...(profile?.deployment?.domain ? { domain: profile.deployment.domain } : {}),
    dir: profileFile !== undefined ? dirname(resolve(ctx.cwd, profileFile)) : ctx.cwd,
    offline: opts.offline === true,
  };
  const checks = await runChecks(probe, input);
  const failed = checks.some((c) => c.status === 'missing');
  if (opts.json) {
    ctx.stdout(JSON.stringify({
      targets,
      ...(profileFile !== undefined ? { profile: profileFile } : {}),
      ok: !failed,
      checks: checks.map((c) => ({ id: c.id, name: c.name, status: c.status, required: c.required, detail: c.detail[ctx.lang], ...(c.fix ? { fix: c.fix[ctx.lang] } : {}) })),
    }, null, 2) + '\n');
  } else {
    ctx.stdout(text(ctx, checks, targets, profileFile));
  }
  return failed ? ExitCode.invalid : ExitCode.ok;
}

function text(ctx: CliContext, checks: readonly CheckResult[], targets: readonly Target[], profileFile: string | undefined): string {
  const { lang } = ctx;
  const paint = (status: Status, s: string) => {
    if (!ctx.color) return s;
    const code = status === 'ok' ? 32 : status === 'missing' ? 31 : status === 'warn' ? 33 : 2;
    return `\u001b[${code}m${s}\u001b[0m`;
  };
  const width = Math.max(...checks.map((c) => c.name.length));
  const lines = [pick(lang, `eoffice doctor: target ${targets.join(', ')}${profileFile ? ` (dari ${profileFile})` : ''}`, `eoffice doctor: target ${targets.join(', ')}${profileFile ? ` (from ${profileFile})` : ''}`)];
  for (const c of checks) {
    const tag = c.status === 'missing' ? pick(lang, ' [wajib]', ' [required]') : '';
    lines.push(`  ${paint(c.status, MARK[c.status])} ${c.name.padEnd(width)}  ${c.detail[lang]}${tag}`);
    if (c.fix && c.status !== 'ok') lines.push(`      ${pick(lang, 'perbaiki', 'fix')}: ${c.fix[lang]}`);
  }
  const count = (s: Status) => checks.filter((c) => c.status === s).length;
  lines.push(pick(lang,
    `${count('ok')} siap, ${count('missing')} wajib belum ada, ${count('warn')} peringatan${count('offline') ? `, ${count('offline')} luring` : ''}`,
    `${count('ok')} ready, ${count('missing')} required missing, ${count('warn')} warning${count('warn') === 1 ? '' : 's'}${count('offline') ? `, ${count('offline')} offline` : ''}`));
  return lines.join('\n') + '\n';
}
