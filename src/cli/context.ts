import type { Lang } from '../i18n/lang.js';

/** What a command may use of the outside world; tests pass their own. */
export interface CliContext {
  lang: Lang;
  /** Colour only on a terminal, and never with NO_COLOR. */
  color: boolean;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isInteractive: boolean;
  env: NodeJS.ProcessEnv;
}

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** How a command's action hands its exit code back to `main` (commands never call process.exit). */
export type SetExit = (code: number) => void;
