// A budget over a sliding time window: at most `percent` % of the window's requests (or `minimum`) may spend it.
// Used for retries (Envoy's retry budget, 20 %) and for fallbacks to the monolith.

export interface SlidingBudgetOptions {
  readonly percent: number;
  /** Always allowed per window, so a quiet upstream can still retry at all. */
  readonly minimum: number;
  readonly windowMs: number;
  /** Resolution of the window; more buckets slide more smoothly. */
  readonly buckets: number;
  /** Milliseconds; injected so tests decide when the window slides. */
  readonly now: () => number;
}

export class SlidingBudget {
  readonly #options: SlidingBudgetOptions;
  readonly #bucketMs: number;
  readonly #requests: Float64Array;
  readonly #spent: Float64Array;
  #current = 0;
  #currentStart = 0;
  #requestTotal = 0;
  #spentTotal = 0;

  constructor(options: SlidingBudgetOptions) {
    this.#options = options;
    this.#bucketMs = options.windowMs / options.buckets;
    this.#requests = new Float64Array(options.buckets);
    this.#spent = new Float64Array(options.buckets);
    this.#currentStart = options.now();
  }

  recordRequest(): void {
    this.#advance();
    this.#requests[this.#current]! += 1;
    this.#requestTotal += 1;
  }

  /** Spends one unit if the window allows it. */
  tryAcquire(): boolean {
    this.#advance();
    const allowed = Math.max(
      this.#options.minimum,
      Math.floor((this.#requestTotal * this.#options.percent) / 100),
    );
    if (this.#spentTotal >= allowed) return false;
    this.#spent[this.#current]! += 1;
    this.#spentTotal += 1;
    return true;
  }

  #advance(): void {
    const now = this.#options.now();
    const steps = Math.floor((now - this.#currentStart) / this.#bucketMs);
    if (steps <= 0) return;
    const n = this.#options.buckets;
    for (let i = 0; i < Math.min(steps, n); i++) {
      this.#current = (this.#current + 1) % n;
      this.#requestTotal -= this.#requests[this.#current]!;
      this.#spentTotal -= this.#spent[this.#current]!;
      this.#requests[this.#current] = 0;
      this.#spent[this.#current] = 0;
    }
    this.#currentStart += steps * this.#bucketMs;
  }
}
