// The data plane's request handler: canonicalise, match, decide, forward (with retries and fallback), answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { FicusConfig } from '../config/ficus-config.js';
import { decideShadow } from '../flags/decide-shadow.js';
import { decideTarget } from '../flags/decide-target.js';
import type { Target } from '../flags/decide-target.js';
import { stickyKey } from '../flags/sticky-key.js';
import { DEFAULT_ROUTE_ID } from '../observability/names.js';
import type { FailureKind, RequestObserver, RequestRecord } from '../observability/request-record.js';
import { canonicalizePath } from '../routing/canonicalize-path.js';
import type { RouteTable } from '../routing/route-table.js';
import type { ShadowTraffic } from '../shadow/shadow-traffic.js';
import type { UpstreamCall } from './exchange.js';
import { ERROR_REPLIES, sendErrorReply } from './error-reply.js';
import { clientAddress, FORWARDING_HEADERS, peerAddress, setForwardingHeaders } from './forwarded-headers.js';
import type { TrustedPeers } from './forwarded-headers.js';
import { requestHeadersForUpstream } from './hop-by-hop.js';
import { limitBody } from './limit-body.js';
import { tryUpstream } from './try-upstream.js';
import type { TryContext } from './try-upstream.js';
import type { Upstream } from './upstream.js';

export interface DataPlaneDeps {
  readonly config: FicusConfig;
  /** The current route table; read once per request, so a swap mid-request never mixes two tables. */
  readonly table: () => RouteTable;
  readonly monolith: Upstream;
  readonly services: ReadonlyMap<string, Upstream>;
  readonly trusted: TrustedPeers;
  readonly observer: RequestObserver;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  readonly newRequestId: () => string;
  /** The target a tester forces, after checking the config and the tester token; null when none or not allowed. */
  readonly testerTarget: (req: IncomingMessage) => Target | null;
  /** Copies monolith-served requests to the service in the shadow and canary stages; null turns shadowing off. */
  readonly shadow: ShadowTraffic | null;
  /** [0, 1), for the shadow share; injected so tests decide who is shadowed. */
  readonly random: () => number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** RFC 9110 §9.2.2; only these are retried or re-served, and only when they carry no body to replay. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const FALLBACK_METHODS = new Set(['GET', 'HEAD']);
const REQUEST_ID = /^[\w.:/+=@-]{1,128}$/;
/** Our control headers and the forwarding headers we rebuild never reach an upstream as the client sent them. */
const DROPPED = new Set<string>([
  ...FORWARDING_HEADERS,
  'host',
  'x-request-id',
  'x-ficus-target',
  'x-ficus-tester-token',
  'expect',
]);

export function createRequestHandler(deps: DataPlaneDeps): RequestHandler {
  const { config, now } = deps;
  const { mergeSlashes, defaultTimeoutMs, defaultBodyLimitBytes } = config.proxy;

  return (req, res) => {
    const start = now();
    const incomingId = req.headers['x-request-id'];
    const reqId =
      typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : deps.newRequestId();
    const method = req.method ?? 'GET';
    const record: RequestRecord = {
      reqId,
      method,
      path: req.url ?? '',
      routeId: DEFAULT_ROUTE_ID,
      stage: 'monolith',
      target: 'monolith',
      upstream: deps.monolith.name,
      status: 0,
      durationMs: 0,
      fallback: false,
      shadow: false,
      retries: 0,
      error: null,
    };
    res.once('close', () => {
      // 499 (nginx's "client closed request") when the client left before the response was complete.
      record.status = res.writableFinished ? res.statusCode : 499;
      record.durationMs = now() - start;
      deps.observer.onRequest(record);
    });

    const canonical = canonicalizePath(req.url ?? '', { mergeSlashes });
    if (!canonical.ok) {
      record.error = 'bad-path';
      sendErrorReply(res, ERROR_REPLIES['bad-path'], reqId, canonical.reason);
      return;
    }
    record.path = canonical.path;

    const table = deps.table();
    const route = table.match(method, canonical.path);
    const flag = route === null ? null : table.flagFor(route.id);
    const peer = peerAddress(req.socket.remoteAddress);
    const peerTrusted = deps.trusted.has(peer);
    const key =
      route !== null && flag?.stage === 'canary'
        ? stickyKey(flag.stickyBy, req.headers, clientAddress(peer, req.headers, deps.trusted))
        : null;
    const override = route === null ? null : deps.testerTarget(req);
    const decision = decideTarget(route, flag, { key, override });
    record.stage = decision.stage;
    record.target = decision.target;
    if (route !== null) record.routeId = route.id;

    const limit = route?.bodyLimitBytes ?? defaultBodyLimitBytes;
    const lengthHeader = req.headers['content-length'];
    const length = lengthHeader === undefined ? -1 : Number(lengthHeader);
    if (length > limit) {
      record.error = 'body-too-large';
      sendErrorReply(res, ERROR_REPLIES['body-too-large'], reqId);
      return;
    }
    const chunked = req.headers['transfer-encoding'] !== undefined;
    // Node's parser already stops a Content-Length body at its length; only a chunked body needs counting.
    const limited = chunked ? limitBody(req, limit) : null;
    let body: Readable | null = limited?.stream ?? (length > 0 ? req : null);

    const headers = requestHeadersForUpstream(req.headers, DROPPED);
    headers['x-request-id'] = reqId;
    setForwardingHeaders(headers, req.headers, peer, peerTrusted);

    const upstream =
      decision.target === 'service' && route !== null
        ? (deps.services.get(route.service) ?? deps.monolith)
        : deps.monolith;
    record.upstream = upstream.name;
    const timeoutMs = route?.timeoutMs ?? defaultTimeoutMs;
    // Off the common path: only routes in shadow or canary with a share get this far.
    const shadow =
      route !== null && deps.shadow !== null && decideShadow(route, flag, decision, method, deps.random)
        ? deps.shadow.begin({
            route,
            reqId,
            method,
            path: canonical.path + canonical.query,
            headers,
            body,
            contentLength: length,
            start,
          })
        : null;
    if (shadow !== null) {
      record.shadow = true;
      body = shadow.body;
      res.once('close', () => shadow.capture.closed());
    }
    const call: UpstreamCall = {
      method,
      path: canonical.path + canonical.query,
      headers,
      body,
      timeoutMs,
      bodyTooLarge: limited?.exceeded ?? (() => false),
      tap: shadow?.capture,
    };
    const replayable = body === null && IDEMPOTENT.has(method);

    const serviceUp = upstream === deps.monolith ? null : upstream;
    const fallbackAllowed =
      serviceUp !== null && route !== null && route.fallback && body === null && FALLBACK_METHODS.has(method);
    if (serviceUp !== null) serviceUp.fallbackBudget.recordRequest();
    // The fallback budget is spent at the moment a fallback is decided, so a held response is always re-served.
    const fallbackHold =
      fallbackAllowed && serviceUp !== null
        ? (status: number): boolean => status >= 500 && serviceUp.fallbackBudget.tryAcquire()
        : null;
    const ctx: TryContext = { res, call, reqId, replayable, record, current: null };
    res.once('close', () => {
      if (!res.writableFinished) ctx.current?.cancel('reset');
    });

    void (async () => {
      let result = await tryUpstream(upstream, fallbackHold, ctx);
      if (
        serviceUp !== null &&
        ((result.kind === 'held' && result.reason === 'fallback') ||
          (result.kind === 'failed' &&
            fallbackAllowed &&
            FALLBACK_FAILURES.has(result.failure) &&
            serviceUp.fallbackBudget.tryAcquire()))
      ) {
        record.fallback = true;
        record.error = result.kind === 'failed' ? result.failure : 'upstream-5xx';
        record.target = 'monolith';
        record.upstream = deps.monolith.name;
        // The monolith gets a fresh deadline: the service's failure must not also eat the fallback's time.
        result = await tryUpstream(deps.monolith, null, ctx);
      }
      if (result.kind === 'failed' && !res.destroyed) {
        record.error = result.failure;
        sendErrorReply(res, ERROR_REPLIES[result.failure], reqId);
      }
    })().catch(() => {
      record.error = 'bad-response';
      sendErrorReply(res, ERROR_REPLIES['bad-response'], reqId);
    });
  };
}

const FALLBACK_FAILURES = new Set<FailureKind>(['connect', 'reset', 'bad-response', 'timeout', 'budget']);
