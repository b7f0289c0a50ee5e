import type { Command } from 'commander';
import type { CliContext } from './context.js';

export type SetExit = (code: number) => void;

// Owned by the init/doctor/deploy work (issue 5); filled in by it.
export function registerInit(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
export function registerDoctor(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
export function registerDeploy(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
