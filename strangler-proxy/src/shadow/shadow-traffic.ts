// Shadow traffic of the data plane: picks up a monolith-served request, copies it to the service (and, for noise,
// to the monolith again), and compares the answers off the client's path.
import type { Readable } from 'node:stream';
import { compareResponses, compileCompareOptions } from '../comparison/compare-responses.js';
import type { CompiledCompareOptions, RecordedResponse } from '../comparison/compare-responses.js';
import type { EvidenceBook, ShadowOutcome, ShadowSkip } from '../comparison/evidence-book.js';
import type { RouteConfig, ShadowLimits } from '../config/ficus-config.js';
import { SAFE_METHODS } from '../flags/decide-shadow.js';
import type { HeaderObject } from '../forwarding/hop-by-hop.js';
import { ResponseCapture } from './capture-response.js';
import { ShadowSender } from './shadow-sender.js';
import type { CopyResult, CopySender, ShadowCopy } from './copy-sender.js';
import { teeBody } from './tee-body.js';

/** Header telling an upstream that a request is a copy whose answer nobody sees (`service` or `noise`). */
export const SHADOW_HEADER = 'x-ficus-shadow';
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
  /** `counted` are the fields held against the service (noise excluded); empty for a match or a failure. */
  onOutcome(outcome: ShadowOutcome, counted: readonly string[]): void;
}

export interface ShadowTrafficDeps {
  /** Service origins by service name. */
  readonly services: ReadonlyMap<string, string>;
  readonly monolithOrigin: string;
  readonly limits: ShadowLimits;
  readonly evidence: EvidenceBook;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  /** Wall-clock milliseconds, for sample times. */
  readonly clock: () => number;
  /** [0, 1); injected so noise sampling is deterministic in tests. */
  readonly random: () => number;
  readonly events: ShadowEvents;
}

export class ShadowTraffic {
  readonly #deps: ShadowTrafficDeps;
  readonly #sender: CopySender;
  readonly #shadowed = new Map<string, number>();
  readonly #compiled = new WeakMap<RouteConfig, CompiledCompareOptions>();

  constructor(deps: ShadowTrafficDeps) {
    this.#deps = deps;
    // In process: a worker thread was measured slower on two cores (256 vs 190 µs CPU per shadowed request,
    // higher client p99), the structured clone of each copy and answer costing more than the send it moved.
    this.#sender = new ShadowSender({
      maxInFlight: deps.limits.maxInFlight,
      maxBodyBytes: deps.limits.maxBodyBytes,
      now: deps.now,
    });
  }

  get inFlight(): number {
    return this.#sender.inFlight;
  }

  /** Starts a shadow copy, or returns null (and counts why) when this request cannot be shadowed. */
  begin(request: ShadowRequest): ShadowStart | null {
    const { route } = request;
    const origin = this.#deps.services.get(route.service);
    if (origin === undefined) return this.#skip(route.id, 'no-service');
    if (request.contentLength > this.#deps.limits.maxBodyBytes) return this.#skip(route.id, 'body-too-large');
    const seen = this.#shadowed.get(route.id) ?? 0;
    let noise =
      SAFE_METHODS.has(request.method) &&
      route.shadow.noisePercent > 0 &&
      (seen < NOISE_WARMUP || this.#deps.random() * 100 < route.shadow.noisePercent);
    if (!this.#sender.tryReserve(noise ? 2 : 1)) {
      if (!noise || !this.#sender.tryReserve(1)) return this.#skip(route.id, 'in-flight-cap');
      noise = false;
    }
    this.#shadowed.set(route.id, seen + 1);
    const capture = new ResponseCapture(this.#deps.limits.maxBodyBytes, this.#deps.now);
    const teed = request.body === null ? null : teeBody(request.body, this.#deps.limits.maxBodyBytes);
    void this.#run(request, origin, capture, teed?.copy ?? null, noise);
    return { capture, body: teed?.stream ?? request.body };
  }

  async #run(
    request: ShadowRequest,
    origin: string,
    capture: ResponseCapture,
    bodyCopy: Promise<Buffer | null> | null,
    noise: boolean,
  ): Promise<void> {
    const slots = noise ? 2 : 1;
    const [captured, body] = await Promise.all([capture.result, bodyCopy]);
    if (bodyCopy !== null && body === null) {
      this.#sender.release(slots);
      this.#skip(request.route.id, 'body-too-large');
      return;
    }
    if (!captured.ok) {
      this.#sender.release(slots);
      this.#skip(
        request.route.id,
        captured.reason === 'too-large' ? 'monolith-too-large' : 'monolith-incomplete',
      );
      return;
    }
    // The copies go out only once the client has its whole answer, on a later turn of the event loop: their
    // responses then never compete with that client's for the proxy's CPU.
    await new Promise((resolve) => setImmediate(resolve));
    const copy = (kind: 'service' | 'noise'): ShadowCopy => {
      const headers: Record<string, string | string[]> = { ...request.headers, [SHADOW_HEADER]: kind };
      // undici sets the length of the buffered copy itself.
      delete headers['content-length'];
      return {
        method: request.method,
        path: request.path,
        headers,
        body,
        timeoutMs: request.route.shadow.timeoutMs,
      };
    };
    const [service, second] = await Promise.all([
      this.#sender.send(origin, copy('service')),
      noise ? this.#sender.send(this.#deps.monolithOrigin, copy('noise')) : Promise.resolve(null),
    ]);
    // Comparing is CPU work: it waits for its own turn so that it never sits between a client and its response.
    setImmediate(() =>
      this.#record(request, captured.response, captured.endedAt - request.start, service, second),
    );
  }

  #record(
    request: ShadowRequest,
    monolith: RecordedResponse,
    monolithMs: number,
    service: CopyResult,
    second: CopyResult | null,
  ): void {
    const { route } = request;
    const base = {
      routeId: route.id,
      reqId: request.reqId,
      method: request.method,
      path: request.path,
      at: this.#deps.clock(),
    };
    let outcome: ShadowOutcome;
    if (!service.ok) outcome = { ...base, kind: 'failed', failure: service.failure };
    else {
      const options = this.#options(route);
      outcome = {
        ...base,
        kind: 'compared',
        comparison: compareResponses(monolith, service.response, options),
        monolith,
        service: service.response,
        monolithMs,
        serviceMs: service.ms,
        ...(second?.ok === true ? { noise: compareResponses(monolith, second.response, options) } : {}),
      };
    }
    const counted = this.#deps.evidence.route(route.id).record(outcome);
    this.#deps.events.onOutcome(outcome, counted);
  }

  #options(route: RouteConfig): CompiledCompareOptions {
    let options = this.#compiled.get(route);
    if (options === undefined) {
      // The config check refused malformed paths already, so this does not throw.
      options = compileCompareOptions({
        ignore: route.shadow.ignore,
        unorderedArrays: route.shadow.unorderedArrays,
        headers: route.shadow.headers,
      });
      this.#compiled.set(route, options);
    }
    return options;
  }

  #skip(routeId: string, reason: ShadowSkip): null {
    this.#deps.evidence.route(routeId).skip(reason);
    this.#deps.events.onSkip(routeId, reason);
    return null;
  }

  close(): Promise<void> {
    return this.#sender.close();
  }
}
