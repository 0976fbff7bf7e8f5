// Per-route shadow evidence with bounded memory: match rate, field mismatches, learned noise, shapes, samples, latency.
import type { ComparisonResult, RecordedResponse } from './compare-responses.js';
import { generalizePath } from './field-path.js';
import type { Difference } from './json-diff.js';
import { redactQuery, sampleDifferences, sampleResponse } from './redact-sample.js';
import type { SampledResponse } from './redact-sample.js';
import { requestShape } from './request-shape.js';

/** Why a shadowed request produced no comparison. */
export type ShadowFailure = 'timeout' | 'connect' | 'error' | 'too-large';
/** Why a request picked for shadowing was not copied at all. */
export type ShadowSkip =
  | 'in-flight-cap'
  | 'body-too-large'
  | 'no-service'
  /** The monolith's own response did not complete (client gone, upstream error) or passed the body cap. */
  | 'monolith-incomplete'
  | 'monolith-too-large'
  /** The proxy's event loop was saturated (`proxy.shadow.maxLoopUtilization`): clients first. */
  | 'proxy-busy'
  /** The shadow worker thread stopped with the copy in its hands (a new worker takes the next copies). */
  | 'worker-lost';

export interface ShadowOutcomeBase {
  readonly routeId: string;
  readonly reqId: string;
  readonly method: string;
  /** Canonical path plus query, as forwarded. */
  readonly path: string;
  /** Wall-clock milliseconds. */
  readonly at: number;
}

export type ShadowOutcome = ShadowOutcomeBase &
  (
    | {
        readonly kind: 'compared';
        readonly comparison: ComparisonResult;
        /** Both responses, when the comparison found differences: a mismatch sample keeps them. */
        readonly responses?: { readonly monolith: RecordedResponse; readonly service: RecordedResponse };
        readonly monolithMs: number;
        readonly serviceMs: number;
        /** The monolith compared with a second copy of itself, when this request was sampled for noise. */
        readonly noise?: ComparisonResult;
      }
    | { readonly kind: 'failed'; readonly failure: ShadowFailure }
  );

export interface MismatchSample {
  readonly at: string;
  readonly reqId: string;
  readonly method: string;
  readonly path: string;
  readonly differences: readonly Difference[];
  readonly monolith: SampledResponse;
  readonly service: SampledResponse;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/** What `GET /routes/:id/diffs`, `ficus flags show` and the promotion gate read. */
export interface EvidenceSummary {
  readonly routeId: string;
  /** Requests whose monolith and service responses were both read and compared. */
  readonly compared: number;
  readonly matched: number;
  /** Compared requests with at least one difference that is not learned noise. */
  readonly mismatched: number;
  /** Shadow copies the service failed to answer usably; they count against the match rate. */
  readonly failed: number;
  readonly failures: Readonly<Record<string, number>>;
  readonly skipped: Readonly<Record<string, number>>;
  /** matched ÷ (compared + failed), 0–1; null before the first shadowed request. */
  readonly matchRate: number | null;
  /** Mismatch counts per field (array indexes as `[*]`), noise excluded, most frequent first. */
  readonly fields: readonly { readonly path: string; readonly mismatches: number }[];
  readonly noise: {
    /** Requests also sent twice to the monolith. */
    readonly sampled: number;
    /** Fields that differed between the monolith and itself, with how often. */
    readonly fields: readonly { readonly path: string; readonly count: number }[];
    /** Compared requests whose only differences were noise (counted as matches). */
    readonly masked: number;
  };
  readonly shapes: readonly { readonly shape: string; readonly count: number }[];
  readonly samples: readonly MismatchSample[];
  readonly latency: { readonly monolith: LatencySummary; readonly service: LatencySummary };
}

export interface EvidenceLimits {
  /** Mismatch samples kept (newest). */
  readonly samples: number;
  /** Characters of each body kept in a sample. */
  readonly sampleBodyChars: number;
  /** Distinct fields, difference signatures and request shapes kept; beyond, counts go to an overflow entry. */
  readonly distinct: number;
  readonly latencyWindow: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  samples: 20,
  sampleBodyChars: 2048,
  distinct: 500,
  latencyWindow: 1024,
};

const OVERFLOW = '(other)';

class LatencyRing {
  readonly #values: Float64Array;
  #next = 0;
  #count = 0;
  constructor(size: number) {
    this.#values = new Float64Array(size);
  }
  add(ms: number): void {
    this.#values[this.#next] = ms;
    this.#next = (this.#next + 1) % this.#values.length;
    this.#count += 1;
  }
  summary(): LatencySummary {
    const n = Math.min(this.#count, this.#values.length);
    if (n === 0) return { count: this.#count, p50Ms: null, p99Ms: null };
    // A typed copy sorts numerically by itself: no comparator calls, no boxed numbers on the heap.
    const sorted = this.#values.slice(0, n).sort();
    const at = (q: number): number => Math.round(sorted[Math.min(n - 1, Math.floor(n * q))]! * 1000) / 1000;
    return { count: this.#count, p50Ms: at(0.5), p99Ms: at(0.99) };
  }
}

function bump(map: Map<string, number>, key: string, cap: number): void {
  const current = map.get(key);
  if (current !== undefined) map.set(key, current + 1);
  else if (map.size < cap) map.set(key, 1);
  else map.set(OVERFLOW, (map.get(OVERFLOW) ?? 0) + 1);
}

/** The evidence of one route. */
export class RouteEvidence {
  readonly #limits: EvidenceLimits;
  #compared = 0;
  #noiseSampled = 0;
  readonly #failures = new Map<string, number>();
  readonly #skipped = new Map<string, number>();
  /** Distinct sets of differing fields, so that noise learned later also clears earlier comparisons. */
  readonly #signatures = new Map<string, { readonly fields: readonly string[]; count: number }>();
  #signatureOverflow = 0;
  readonly #fields = new Map<string, number>();
  readonly #noise = new Map<string, number>();
  readonly #shapes = new Map<string, number>();
  readonly #samples: MismatchSample[] = [];
  readonly #monolithMs: LatencyRing;
  readonly #serviceMs: LatencyRing;

  constructor(
    readonly routeId: string,
    limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
  ) {
    this.#limits = limits;
    this.#monolithMs = new LatencyRing(limits.latencyWindow);
    this.#serviceMs = new LatencyRing(limits.latencyWindow);
  }

  skip(reason: ShadowSkip): void {
    bump(this.#skipped, reason, this.#limits.distinct);
  }

  /** Adds one outcome; returns the fields that count against the service (empty = a match, noise aside). */
  record(outcome: ShadowOutcome): readonly string[] {
    bump(this.#shapes, requestShape(outcome.method, outcome.routeId, outcome.path), this.#limits.distinct);
    if (outcome.kind === 'failed') {
      bump(this.#failures, outcome.failure, this.#limits.distinct);
      return [];
    }
    this.#compared += 1;
    this.#monolithMs.add(outcome.monolithMs);
    this.#serviceMs.add(outcome.serviceMs);
    if (outcome.noise !== undefined) {
      this.#noiseSampled += 1;
      for (const d of outcome.noise.differences) {
        // A status that differs between two monolith calls is instability, never a field to stop comparing.
        if (d.path !== 'status') bump(this.#noise, generalizePath(d.path), this.#limits.distinct);
      }
    }
    const fields = [...new Set(outcome.comparison.differences.map((d) => generalizePath(d.path)))].sort();
    if (fields.length === 0) return [];
    const key = fields.join('\n');
    const signature = this.#signatures.get(key);
    if (signature !== undefined) signature.count += 1;
    else if (this.#signatures.size < this.#limits.distinct) this.#signatures.set(key, { fields, count: 1 });
    else this.#signatureOverflow += 1;
    for (const field of fields) bump(this.#fields, field, this.#limits.distinct);
    const counted = fields.filter((f) => !this.#noise.has(f));
    if (counted.length > 0 && this.#limits.samples > 0) this.#addSample(outcome);
    return counted;
  }

  #addSample(outcome: ShadowOutcome & { kind: 'compared' }): void {
    if (outcome.responses === undefined) return;
    const chars = this.#limits.sampleBodyChars;
    const differences = outcome.comparison.differences.filter(
      (d) => !this.#noise.has(generalizePath(d.path)),
    );
    this.#samples.push({
      at: new Date(outcome.at).toISOString(),
      reqId: outcome.reqId,
      method: outcome.method,
      path: redactQuery(outcome.path),
      differences: sampleDifferences(differences, 20),
      monolith: sampleResponse(outcome.responses.monolith, chars),
      service: sampleResponse(outcome.responses.service, chars),
    });
    if (this.#samples.length > this.#limits.samples) this.#samples.shift();
  }

  summary(): EvidenceSummary {
    let mismatched = this.#signatureOverflow;
    let masked = 0;
    for (const { fields, count } of this.#signatures.values()) {
      if (fields.some((f) => !this.#noise.has(f))) mismatched += count;
      else masked += count;
    }
    const failed = [...this.#failures.values()].reduce((n, c) => n + c, 0);
    const matched = this.#compared - mismatched;
    const denominator = this.#compared + failed;
    const sorted = (map: Map<string, number>): [string, number][] =>
      [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return {
      routeId: this.routeId,
      compared: this.#compared,
      matched,
      mismatched,
      failed,
      failures: Object.fromEntries(this.#failures),
      skipped: Object.fromEntries(this.#skipped),
      matchRate: denominator === 0 ? null : matched / denominator,
      fields: sorted(this.#fields)
        .filter(([path]) => !this.#noise.has(path))
        .map(([path, mismatches]) => ({ path, mismatches })),
      noise: {
        sampled: this.#noiseSampled,
        fields: sorted(this.#noise).map(([path, count]) => ({ path, count })),
        masked,
      },
      shapes: sorted(this.#shapes).map(([shape, count]) => ({ shape, count })),
      samples: [...this.#samples].reverse(),
      latency: { monolith: this.#monolithMs.summary(), service: this.#serviceMs.summary() },
    };
  }
}

/** Evidence of every route, created on first use. */
export class EvidenceBook {
  readonly #routes = new Map<string, RouteEvidence>();
  constructor(private readonly limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS) {}

  route(routeId: string): RouteEvidence {
    let evidence = this.#routes.get(routeId);
    if (evidence === undefined) {
      evidence = new RouteEvidence(routeId, this.limits);
      this.#routes.set(routeId, evidence);
    }
    return evidence;
  }

  /** The summary of a route; an empty one when nothing was shadowed yet. */
  summary(routeId: string): EvidenceSummary {
    return (this.#routes.get(routeId) ?? new RouteEvidence(routeId, this.limits)).summary();
  }

  routeIds(): IterableIterator<string> {
    return this.#routes.keys();
  }

  /** Forgets a route's evidence (after the service changed, evidence about the old one proves nothing). */
  reset(routeId: string): void {
    this.#routes.delete(routeId);
  }
}
