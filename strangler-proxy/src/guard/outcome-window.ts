// A sliding window of request outcomes (requests, failures, fallbacks, timeouts, slow) in time buckets; pure.

export interface WindowCounts {
  readonly requests: number;
  /** 5xx answers, timeouts and other upstream failures, fallbacks included. */
  readonly failures: number;
  readonly fallbacks: number;
  readonly timeouts: number;
  /** Requests slower than the guard's `slowMs`. */
  readonly slow: number;
}

export interface Outcome {
  readonly failure: boolean;
  readonly fallback: boolean;
  readonly timeout: boolean;
  readonly slow: boolean;
}

const FIELDS = 5;
const BUCKETS = 10;

export class OutcomeWindow {
  readonly #bucketMs: number;
  /** FIELDS counters per bucket, in one flat array. */
  readonly #counts = new Float64Array(BUCKETS * FIELDS);
  readonly #totals = new Float64Array(FIELDS);
  #current = 0;
  #currentStart: number;

  /** `now` is monotonic milliseconds, injected so tests decide when the window slides. */
  constructor(
    windowMs: number,
    private readonly now: () => number,
  ) {
    this.#bucketMs = windowMs / BUCKETS;
    this.#currentStart = now();
  }

  add(outcome: Outcome): void {
    this.#advance();
    this.#bump(0);
    if (outcome.failure) this.#bump(1);
    if (outcome.fallback) this.#bump(2);
    if (outcome.timeout) this.#bump(3);
    if (outcome.slow) this.#bump(4);
  }

  #bump(field: number): void {
    this.#counts[this.#current * FIELDS + field]! += 1;
    this.#totals[field]! += 1;
  }

  counts(): WindowCounts {
    this.#advance();
    const t = this.#totals;
    return { requests: t[0]!, failures: t[1]!, fallbacks: t[2]!, timeouts: t[3]!, slow: t[4]! };
  }

  #advance(): void {
    const steps = Math.floor((this.now() - this.#currentStart) / this.#bucketMs);
    if (steps <= 0) return;
    for (let s = 0; s < Math.min(steps, BUCKETS); s++) {
      this.#current = (this.#current + 1) % BUCKETS;
      const base = this.#current * FIELDS;
      for (let i = 0; i < FIELDS; i++) {
        this.#totals[i]! -= this.#counts[base + i]!;
        this.#counts[base + i] = 0;
      }
    }
    this.#currentStart += steps * this.#bucketMs;
  }
}
