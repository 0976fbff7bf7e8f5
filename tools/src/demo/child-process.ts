// One child process of the demo: started with its log file, waited on until healthy, stopped by its own PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

export interface DemoChild {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<string>;
  stop(graceMs?: number): Promise<void>;
}

export interface StartChildOptions {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  readonly cwd: string;
}

export function startChild(options: StartChildOptions): DemoChild {
  const log = openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`${options.name} could not be started`);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
    child.once('error', (error) => resolve(`error: ${error.message}`));
  });
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    name: options.name,
    pid: child.pid,
    logFile: options.logFile,
    exited,
    async stop(graceMs = 10_000): Promise<void> {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 2xx, the child exits, or `timeoutMs` passes. */
export async function waitHealthy(child: DemoChild, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: string | null = null;
  void child.exited.then((how) => (exitedWith = how));
  while (Date.now() < deadline) {
    if (exitedWith !== null) {
      throw new Error(`${child.name} stopped while starting (${exitedWith}); see ${child.logFile}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${child.name} did not become healthy at ${url} within ${timeoutMs} ms; see ${child.logFile}`,
  );
}

/** Runs a short-lived child to completion; rejects when it exits non-zero. */
export async function runToCompletion(options: StartChildOptions): Promise<void> {
  const child = startChild(options);
  const how = await child.exited;
  if (how !== 'exit code 0') throw new Error(`${options.name} failed (${how}); see ${options.logFile}`);
}
