import type { Command } from 'commander';
import type { CliContext } from './context.js';

export type SetExit = (code: number) => void;

// Owned by the grant work (issue 6); filled in by it.
export function registerGrant(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
