import type { Command } from 'commander';
import type { CliContext } from './context.js';

export type SetExit = (code: number) => void;

// Owned by the upgrade/fleet work (issue 7); filled in by it.
export function registerUpgrade(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
export function registerFleet(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
export function registerProfile(_program: Command, _ctx: CliContext, _setExit: SetExit): void {}
