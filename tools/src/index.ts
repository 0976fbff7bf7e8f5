export { main, COMMANDS, globalHelp } from './cli.js';
export type { Command, CliIo } from './command.js';
export { CliError, CLI_ERRORS } from './errors.js';
export type { CliErrorCode } from './errors.js';
