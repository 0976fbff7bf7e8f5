// Shadow traffic of the data plane: picks up a monolith-served request and hands it, with the monolith's answer, to
// the shadow worker, which copies it to the service (and, for noise, to the monolith again), compares the answers
// and keeps the evidence.
import type { Readable } from 'node:stream';
import { DEFAULT_EVIDENCE_LIMITS } from '../comparison/evidence-book.js';
import type { ShadowSkip } from '../comparison/evidence-book.js';
import type { RouteConfig, ShadowLimits } from '../config/ficus-config.js';
import { SAFE_METHODS } from '../flags/decide-shadow.js';
import type { HeaderObject } from '../forwarding/hop-by-hop.js';
import { ResponseCapture } from './capture-response.js';
import type { Captured } from './capture-response.js';
import { ShadowWorkerClient } from './shadow-worker-client.js';
import { ShadowEvidence } from './shadow-evidence.js';
import type { ShadowDelta } from './worker-protocol.js';
import { teeBody } from './tee-body.js';

export { SHADOW_HEADER } from './worker-protocol.js';
/** The first shadowed requests of a route always get a noise copy, so noise is known before evidence piles up. */
const NOISE_WARMUP = 20;

export interface ShadowRequest {
  readonly route: RouteConfig;
  readonly reqId: string;
  readonly method: string;
  /** Canonical path plus query, as the monolith receives it. */
  readonly path: string;
  /** The headers sent to the monolith (hop-by-hop removed, forwarding headers set). */
  readonly headers: HeaderObject;
  readonly body: Readable | null;
  /** From Content-Length; -1 when unknown (chunked) or absent. */
  readonly contentLength: number;
  /** Monotonic start of the client request. */
  readonly start: number;
}

export interface ShadowStart {
  /** Given to the monolith exchange: it records the response the client gets. */
  readonly capture: ResponseCapture;
  /** The body the monolith must read now (a tee when the request has one). */
  readonly body: Readable | null;
}

export interface ShadowEvents {
  onSkip(routeId: string, reason: ShadowSkip): void;
  /** What the copies finished in the last few milliseconds showed, per route. */
  onDelta(delta: ShadowDelta): void;
  /** The shadow worker stopped; its copies in flight are counted as skipped (`worker-lost`) and a new one starts. */
  onWorkerLost(error: Error): void;
}

export interface ShadowTrafficDeps {
  /** Service origins by service name. */
  readonly services: ReadonlyMap<string, string>;
  readonly monolithOrigin: string;
  readonly limits: ShadowLimits;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  /** [0, 1); injected so noise sampling is deterministic in tests. */
  readonly random: () => number;
  readonly events: ShadowEvents;
  /** The event loop's recent utilization (0–1); injected so tests decide when the proxy is busy. */
  readonly loopLoad: () => number;
  /** The shadow worker's script; default the real one (tests give one that dies). */
  readonly workerUrl?: URL;
}

/** A job handed to the worker, waiting for its result. */
interface Pending {
  readonly routeId: string;
  readonly slots: number;
}

export class ShadowTraffic {
  readonly #deps: ShadowTrafficDeps;
  readonly #worker: ShadowWorkerClient;
  readonly #shadowed = new Map<string, number>();
  readonly #pending = new Map<number, Pending>();
  readonly #noiseWindows = new Map<string, { readonly second: number; count: number }>();
  #nextJob = 1;
  #inFlight = 0;
  /** The evidence per route, as the worker last reported it, plus the copies skipped on this side. */
  readonly evidence: ShadowEvidence;

  constructor(deps: ShadowTrafficDeps) {
    this.#deps = deps;
    const limits = { ...DEFAULT_EVIDENCE_LIMITS, samples: deps.limits.samples };
    // Sending copies, comparing answers and keeping evidence cost as much CPU as the client's own exchange; on the
    // proxy's event loop that work sat between clients and their responses (client p99 +70 % with every request
    // shadowed). The worker thread gets the copies in batches, as one transferred buffer each.
    this.#worker = new ShadowWorkerClient(
      {
        monolithOrigin: deps.monolithOrigin,
        maxInFlight: deps.limits.maxInFlight,
        maxBodyBytes: deps.limits.maxBodyBytes,
        evidence: limits,
        nice: deps.limits.workerNice,
      },
      {
        onResults: (message) => {
          for (const id of message.done) {
            const pending = this.#pending.get(id);
            if (pending === undefined) continue;
            this.#pending.delete(id);
            this.#inFlight -= pending.slots;
          }
          for (const delta of message.deltas) deps.events.onDelta(delta);
        },
        onEvidence: (summaries, resetOf) => this.evidence.apply(summaries, resetOf),
        onLost: (error) => this.#lost(error),
      },
      deps.workerUrl,
    );
    this.evidence = new ShadowEvidence(limits, (routeId) => this.#worker.reset(routeId));
  }

  /** Copies (service and noise) reserved and not yet answered. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Starts a shadow copy, or returns null (and counts why) when this request cannot be shadowed. */
  begin(request: ShadowRequest): ShadowStart | null {
    const { route } = request;
    const origin = this.#deps.services.get(route.service);
    if (origin === undefined) return this.#skip(route.id, 'no-service');
    if (request.contentLength > this.#deps.limits.maxBodyBytes) return this.#skip(route.id, 'body-too-large');
    if (this.#deps.loopLoad() > this.#deps.limits.maxLoopUtilization)
      return this.#skip(route.id, 'proxy-busy');
    const seen = this.#shadowed.get(route.id) ?? 0;
    let noise =
      SAFE_METHODS.has(request.method) &&
      route.shadow.noisePercent > 0 &&
      (seen < NOISE_WARMUP ||
        (this.#deps.random() * 100 < route.shadow.noisePercent && this.#noiseAllowed(route)));
    if (!this.#reserve(noise ? 2 : 1)) {
      if (!noise || !this.#reserve(1)) return this.#skip(route.id, 'in-flight-cap');
      noise = false;
    }
    this.#shadowed.set(route.id, seen + 1);
    const slots = noise ? 2 : 1;
    const teed = request.body === null ? null : teeBody(request.body, this.#deps.limits.maxBodyBytes);
    let bodyCopy: Buffer | null = null;
    let bodyTooLarge = false;
    let captured: Captured | null = null;
    // Both the monolith's answer and (for a request with a body) the body copy must be there before the hand-over.
    let waiting = teed === null ? 1 : 2;
    const ready = (): void => {
      if (--waiting > 0) return;
      this.#handOver(request, origin, captured!, bodyCopy, bodyTooLarge, slots, noise);
    };
    const capture = new ResponseCapture(this.#deps.limits.maxBodyBytes, this.#deps.now, (c) => {
      captured = c;
      ready();
    });
    if (teed !== null) {
      void teed.copy.then((copy) => {
        bodyCopy = copy;
        bodyTooLarge = copy === null;
        ready();
      });
    }
    return { capture, body: teed?.stream ?? request.body };
  }

  #handOver(
    request: ShadowRequest,
    origin: string,
    captured: Captured,
    body: Buffer | null,
    bodyTooLarge: boolean,
    slots: number,
    noise: boolean,
  ): void {
    const routeId = request.route.id;
    if (bodyTooLarge) {
      this.#inFlight -= slots;
      this.#skip(routeId, 'body-too-large');
      return;
    }
    if (!captured.ok) {
      this.#inFlight -= slots;
      this.#skip(routeId, captured.reason === 'too-large' ? 'monolith-too-large' : 'monolith-incomplete');
      return;
    }
    const id = this.#nextJob++;
    this.#pending.set(id, { routeId, slots });
    this.#worker.submit(request.route, origin, {
      id,
      noise,
      reqId: request.reqId,
      monolithMs: captured.endedAt - request.start,
      method: request.method,
      path: request.path,
      headers: request.headers,
      body,
      monolith: captured.response,
    });
  }

  #lost(error: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    this.evidence.clearSnapshots();
    for (const { routeId, slots } of pending) {
      this.#inFlight -= slots;
      this.#skip(routeId, 'worker-lost');
    }
    this.#deps.events.onWorkerLost(error);
  }

  /** Counts noise copies per route and second, up to `shadow.maxNoisePerSecond`. */
  #noiseAllowed(route: RouteConfig): boolean {
    const second = Math.floor(this.#deps.now() / 1000);
    let window = this.#noiseWindows.get(route.id);
    if (window === undefined || window.second !== second) {
      window = { second, count: 0 };
      this.#noiseWindows.set(route.id, window);
    }
    if (window.count >= route.shadow.maxNoisePerSecond) return false;
    window.count += 1;
    return true;
  }

  #reserve(slots: number): boolean {
    if (this.#inFlight + slots > this.#deps.limits.maxInFlight) return false;
    this.#inFlight += slots;
    return true;
  }

  #skip(routeId: string, reason: ShadowSkip): null {
    this.evidence.skip(routeId, reason);
    this.#deps.events.onSkip(routeId, reason);
    return null;
  }

  close(): Promise<void> {
    this.#pending.clear();
    return this.#worker.close();
  }
}
