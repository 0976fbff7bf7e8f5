// How busy the proxy's event loop has been lately: the share of time it spent running code rather than waiting.
import { performance } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';

/** Samples the event loop's utilization every `intervalMs`; `current` is the last full window's share (0–1). */
export class LoopLoad {
  #last: EventLoopUtilization = performance.eventLoopUtilization();
  #current = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 250) {
    this.#timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.#current = performance.eventLoopUtilization(now, this.#last).utilization;
      this.#last = now;
    }, intervalMs);
    this.#timer.unref();
  }

  get current(): number {
    return this.#current;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
