/**
 * Typed errors. Commands throw these; exactly one handler (cli/handle-error.ts) prints them and
 * chooses the exit code, so no command calls process.exit.
 */
export const ExitCode = {
  ok: 0,
  /** The input is invalid or a check failed. */
  invalid: 1,
  /** Usage, I/O or environment error. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: printed as its message and hint, never with a stack trace. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Bad arguments, unreadable files, a missing tool: exit 2. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** The command ran and found the input invalid or a check failing: exit 1, after it printed why. */
export class CheckFailed extends UserError {
  override readonly name = 'CheckFailed';
  constructor(message = '') {
    super(message, ExitCode.invalid);
  }
}
