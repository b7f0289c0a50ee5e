import { ExitCode, UserError } from '../errors.js';
import type { CliContext } from './context.js';

/** The one place that turns a thrown error into text and an exit code. */
export function handleError(err: unknown, ctx: Pick<CliContext, 'lang' | 'stderr'>): number {
  if (err instanceof UserError) {
    if (err.message) ctx.stderr(`eoffice: ${err.message}\n`);
    if (err.hint) ctx.stderr(`${ctx.lang === 'id' ? 'saran' : 'hint'}: ${err.hint}\n`);
    return err.exitCode;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') return ExitCode.usage;
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  ctx.stderr(
    ctx.lang === 'id'
      ? `eoffice: kesalahan internal — ini bug eoffice, bukan kesalahan Anda. Mohon laporkan beserta keterangan berikut:\n${detail}\n`
      : `eoffice: internal error — this is a bug in eoffice, not your mistake. Please report it with the following:\n${detail}\n`,
  );
  return ExitCode.usage;
}
