// Runs a command as a child process and measures its wall time and peak resident memory.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Measurement {
  readonly wallSeconds: number;
  /** Peak RSS in MiB: from GNU time when installed, else the child's VmHWM polled from /proc. */
  readonly peakRssMib: number | null;
  readonly exitCode: number;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function measureCommand(command: string, args: readonly string[], cwd: string): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let polledKib = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Without GNU time, sample the child's high-water mark while it runs (VmHWM only grows, so sampling late is fine).
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const match = /VmHWM:\s+(\d+) kB/.exec(status);
            if (match) polledKib = Math.max(polledKib, Number(match[1]));
          } catch {
            // The child has exited between two samples.
          }
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const wallSeconds = (performance.now() - started) / 1000;
      const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const kib = timed ? Number(timed[1]) : polledKib;
      resolve({ wallSeconds, peakRssMib: kib > 0 ? kib / 1024 : null, exitCode: code ?? 1, stderr });
    });
  });
}
