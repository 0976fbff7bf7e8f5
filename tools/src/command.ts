// The shape every `ficus` sub-command has, and the streams it writes to (injected so tests can capture them).

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text of the command. */
  readonly help: string;
  /** Runs the command; resolves to the process exit code (0 ok, 1 findings or failure, 2 usage). */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
