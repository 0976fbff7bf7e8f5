// Live per-route numbers for the admin API over a sliding window: rate, error rate, p50/p99, fallbacks, targets.
import type { RouteStats } from '../admin/runtime-view.js';
import type { RequestRecord } from './request-record.js';

const WINDOW_MS = 60_000;
const SLOTS = 6;
const SLOT_MS = WINDOW_MS / SLOTS;
// Latency buckets grow by 10 % from 0.05 ms: p50/p99 are read to within ~5 % without keeping samples.
const BASE_MS = 0.05;
const GROWTH = Math.log(1.1);
const LATENCY_BUCKETS = 160;

interface Slot {
  start: number;
  requests: number;
  errors: number;
  fallbacks: number;
  monolith: number;
  service: number;
  latency: Uint32Array;
}

function emptySlot(start: number): Slot {
  return {
    start,
    requests: 0,
    errors: 0,
    fallbacks: 0,
    monolith: 0,
    service: 0,
    latency: new Uint32Array(LATENCY_BUCKETS),
  };
}

export class RouteStatsBook {
  readonly #now: () => number;
  readonly #routes = new Map<string, Slot[]>();

  /** `now` is in milliseconds and injected so tests control the window. */
  constructor(now: () => number) {
    this.#now = now;
  }

  onRequest(record: RequestRecord): void {
    const now = this.#now();
    const start = now - (now % SLOT_MS);
    let slots = this.#routes.get(record.routeId);
    if (slots === undefined) {
      slots = [];
      this.#routes.set(record.routeId, slots);
    }
    let slot = slots[slots.length - 1];
    if (slot === undefined || slot.start !== start) {
      slot = emptySlot(start);
      slots.push(slot);
      if (slots.length > SLOTS) slots.shift();
    }
    slot.requests++;
    // 499 (the client left) is not the upstream's error.
    if (record.status >= 500) slot.errors++;
    if (record.fallback) slot.fallbacks++;
    if (record.target === 'service') slot.service++;
    else slot.monolith++;
    const index =
      record.durationMs <= BASE_MS ? 0 : Math.ceil(Math.log(record.durationMs / BASE_MS) / GROWTH);
    slot.latency[Math.min(index, LATENCY_BUCKETS - 1)]!++;
  }

  stats(routeId: string): RouteStats | null {
    const slots = this.#routes.get(routeId);
    if (slots === undefined) return null;
    const since = this.#now() - WINDOW_MS;
    const live = slots.filter((s) => s.start + SLOT_MS > since);
    const sum = (pick: (s: Slot) => number): number => live.reduce((n, s) => n + pick(s), 0);
    const requests = sum((s) => s.requests);
    const latency = new Uint32Array(LATENCY_BUCKETS);
    for (const s of live) for (let i = 0; i < LATENCY_BUCKETS; i++) latency[i]! += s.latency[i]!;
    const elapsed = Math.min(WINDOW_MS, this.#now() - (live[0]?.start ?? this.#now())) || SLOT_MS;
    return {
      requests,
      ratePerSec: requests / (elapsed / 1000),
      errorRate: requests === 0 ? 0 : sum((s) => s.errors) / requests,
      p50Ms: quantile(latency, requests, 0.5),
      p99Ms: quantile(latency, requests, 0.99),
      fallbacks: sum((s) => s.fallbacks),
      byTarget: { monolith: sum((s) => s.monolith), service: sum((s) => s.service) },
    };
  }
}

function quantile(latency: Uint32Array, total: number, q: number): number {
  if (total === 0) return 0;
  const rank = Math.ceil(total * q);
  let seen = 0;
  for (let i = 0; i < latency.length; i++) {
    seen += latency[i]!;
    if (seen >= rank) return Math.round(BASE_MS * Math.exp(i * GROWTH) * 1000) / 1000;
  }
  return BASE_MS * Math.exp((latency.length - 1) * GROWTH);
}
