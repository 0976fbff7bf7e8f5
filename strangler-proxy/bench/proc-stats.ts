// CPU time and peak memory of a process tree from /proc (Linux only).
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The process and its direct children (nginx's workers). */
export function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return [pid, ...(children === '' ? [] : children.split(/\s+/).map(Number))];
  } catch {
    return [pid];
  }
}

/** utime + stime in microseconds, summed over the pids (every thread of each). */
export function cpuMicros(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) ticks += statTicks(`/proc/${pid}/stat`);
  return (ticks / TICKS_PER_SECOND) * 1e6;
}

/** utime + stime of a process's main thread alone (for Node, the event loop that serves clients), in microseconds. */
export function mainThreadCpuMicros(pid: number): number {
  return (statTicks(`/proc/${pid}/task/${pid}/stat`) / TICKS_PER_SECOND) * 1e6;
}

function statTicks(path: string): number {
  const stat = readFileSync(path, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Largest VmHWM (peak resident set) among the pids, in MiB. */
export function peakRssMiB(pids: readonly number[]): number {
  let peak = 0;
  for (const pid of pids) {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) peak = Math.max(peak, Number(match[1]) / 1024);
  }
  return peak;
}
