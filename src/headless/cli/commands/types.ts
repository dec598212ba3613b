import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A CLI command file: adds its command(s) to the program. */
export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}
