// Closed-loop load generator: a fixed number of keep-alive connections, each sending its next request on reply.
import { Pool } from 'undici';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Every measured request's latency, sorted: rounds of one subject can be pooled before taking percentiles. */
  readonly latenciesMs?: readonly number[];
}

/** The `q` quantile (0–1) of sorted latencies; 0 when there are none. */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

export interface LoadOptions {
  readonly url: string;
  readonly path: string;
  readonly connections: number;
  readonly durationMs: number;
  /** Sent first and not measured, so pools, JITs and caches are warm. */
  readonly warmupMs: number;
  /** Called between warm-up and the measured run (CPU counters are read here). */
  readonly onMeasureStart?: () => void;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  readonly ratePerSec?: number;
}

export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.connections, pipelining: 1 });
  let counter = 0;
  const run = async (ms: number, latencies: number[] | null): Promise<number> => {
    const begin = performance.now();
    const end = begin + ms;
    let errors = 0;
    let slot = 0;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < end) {
          if (options.ratePerSec !== undefined) {
            // Open-loop pacing: request n is due at begin + n / rate, whichever connection sends it.
            const due = begin + (slot++ * 1000) / options.ratePerSec;
            const wait = due - performance.now();
            if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
            if (performance.now() >= end) break;
          }
          const start = performance.now();
          try {
            // A different user per request, so a canary row really splits its traffic.
            const response = await pool.request({
              method: 'GET',
              path: options.path,
              headers: { 'x-ficus-user': String(counter++) },
            });
            await response.body.dump();
            if (response.statusCode !== 200) errors++;
          } catch {
            errors++;
          }
          latencies?.push(performance.now() - start);
        }
      }),
    );
    return errors;
  };
  await run(options.warmupMs, null);
  options.onMeasureStart?.();
  const latencies: number[] = [];
  const started = performance.now();
  const errors = await run(options.durationMs, latencies);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    latenciesMs: latencies,
  };
}
