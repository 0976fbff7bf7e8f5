// The shadow worker thread: sends the copies, compares the answers and keeps the evidence, away from the event loop
// that serves clients. The proxy gets back job ids, per-route deltas for metrics and logs, and evidence snapshots.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { compareResponses, compileCompareOptions } from '../comparison/compare-responses.js';
import type { CompiledCompareOptions, RecordedResponse } from '../comparison/compare-responses.js';
import { EvidenceBook } from '../comparison/evidence-book.js';
import type { ShadowOutcome } from '../comparison/evidence-book.js';
import { readJobBatch } from './job-frames.js';
import type { BatchedJob, ShadowJob } from './job-frames.js';
import { headerRecord, ShadowSender } from './shadow-sender.js';
import type { CopyResult, ShadowCopy } from './shadow-sender.js';
import { BATCH_JOBS, BATCH_MS, SNAPSHOT_MS } from './shadow-timing.js';
import { SHADOW_HEADER } from './worker-protocol.js';
import type {
  EvidenceMessage,
  ResultsMessage,
  ShadowDelta,
  ToWorker,
  WorkerSetup,
} from './worker-protocol.js';

interface WorkerRoute {
  readonly routeId: string;
  readonly origin: string;
  readonly timeoutMs: number;
  readonly compare: CompiledCompareOptions;
}

if (parentPort === null) throw new Error('shadow-worker.js runs as a worker thread');
const port: MessagePort = parentPort;
const setup = workerData as WorkerSetup;
lowerPriority(setup.nice);

const sender = new ShadowSender({
  maxInFlight: setup.maxInFlight,
  maxBodyBytes: setup.maxBodyBytes,
  now: () => performance.now(),
});
const evidence = new EvidenceBook(setup.evidence);
const routes = new Map<number, WorkerRoute>();
let done: number[] = [];
let deltas = new Map<string, ShadowDelta>();
let resultsTimer: NodeJS.Timeout | null = null;
const changed = new Set<string>();
let snapshotTimer: NodeJS.Timeout | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'route') {
    routes.set(message.key, {
      routeId: message.routeId,
      origin: message.origin,
      timeoutMs: message.timeoutMs,
      compare: compileCompareOptions(message.compare),
    });
  } else if (message.type === 'reset') {
    evidence.reset(message.routeId);
    deltas.delete(message.routeId);
    changed.delete(message.routeId);
    const reply: EvidenceMessage = {
      type: 'evidence',
      summaries: [evidence.summary(message.routeId)],
      resetOf: message.routeId,
    };
    port.postMessage(reply);
  } else {
    for (const job of readJobBatch(message.buffer, message.length)) void run(job);
  }
});

async function run(job: BatchedJob): Promise<void> {
  const route = routes.get(job.routeKey);
  if (route === undefined) {
    // Cannot happen: a route is registered before its first job on the same port.
    finish(job.id, null);
    return;
  }
  // The copies outlive this batch: they keep bytes of their own, not views that would pin the whole batch buffer.
  const body = job.body === null ? null : Buffer.from(job.body);
  const copy = (kind: 'service' | 'noise'): ShadowCopy => {
    const headers: Record<string, string | string[]> = {};
    for (const name in job.headers) {
      const value = job.headers[name];
      // undici sets the length of the buffered copy itself. Skipped, not deleted: `delete` would turn the object
      // into a slow dictionary for the rest of its life.
      if (value !== undefined && name !== 'content-length') headers[name] = value;
    }
    headers[SHADOW_HEADER] = kind;
    return { method: job.method, path: job.path, headers, body, timeoutMs: route.timeoutMs };
  };
  const monolith: RecordedResponse = {
    status: job.monolith.status,
    headers: headerRecord(job.monolith.rawHeaders),
    body: Buffer.concat(job.monolith.chunks),
  };
  const [service, second] = await Promise.all([
    sender.send(route.origin, copy('service')),
    job.noise ? sender.send(setup.monolithOrigin, copy('noise')) : Promise.resolve(null),
  ]);
  finish(job.id, outcomeOf(job, route, monolith, service, second));
}

function outcomeOf(
  job: ShadowJob,
  route: WorkerRoute,
  monolith: RecordedResponse,
  service: CopyResult,
  second: CopyResult | null,
): ShadowOutcome {
  const base = {
    routeId: route.routeId,
    reqId: job.reqId,
    method: job.method,
    path: job.path,
    at: Date.now(),
  };
  if (!service.ok) return { ...base, kind: 'failed', failure: service.failure };
  const comparison = compareResponses(monolith, service.response, route.compare);
  return {
    ...base,
    kind: 'compared',
    comparison,
    monolithMs: job.monolithMs,
    serviceMs: service.ms,
    ...(second?.ok === true ? { noise: compareResponses(monolith, second.response, route.compare) } : {}),
    ...(comparison.differences.length > 0 ? { responses: { monolith, service: service.response } } : {}),
  };
}

/** Records the outcome and queues what the proxy needs to hear about it. */
function finish(id: number, outcome: ShadowOutcome | null): void {
  done.push(id);
  if (outcome !== null) {
    const counted = evidence.route(outcome.routeId).record(outcome);
    const delta = deltaOf(outcome.routeId);
    if (outcome.kind === 'failed') {
      delta.failed[outcome.failure] = (delta.failed[outcome.failure] ?? 0) + 1;
      delta.events.push({ reqId: outcome.reqId, failure: outcome.failure });
    } else {
      delta.monolithMs.push(outcome.monolithMs);
      delta.serviceMs.push(outcome.serviceMs);
      if (counted.length === 0) delta.matched += 1;
      else {
        delta.mismatched += 1;
        for (const field of counted) delta.fields[field] = (delta.fields[field] ?? 0) + 1;
        delta.events.push({ reqId: outcome.reqId, fields: counted });
      }
    }
    changed.add(outcome.routeId);
    scheduleSnapshot();
  }
  if (done.length >= BATCH_JOBS) postResults();
  else resultsTimer ??= setTimeout(postResults, BATCH_MS);
}

function deltaOf(routeId: string): ShadowDelta {
  let delta = deltas.get(routeId);
  if (delta === undefined) {
    delta = {
      routeId,
      matched: 0,
      mismatched: 0,
      failed: {},
      fields: {},
      monolithMs: [],
      serviceMs: [],
      events: [],
    };
    deltas.set(routeId, delta);
  }
  return delta;
}

/** Results go back in batches, for the same reason jobs come in batches (see `BATCH_MS`). */
function postResults(): void {
  if (resultsTimer !== null) clearTimeout(resultsTimer);
  resultsTimer = null;
  if (done.length === 0) return;
  const message: ResultsMessage = { type: 'results', done, deltas: [...deltas.values()] };
  done = [];
  deltas = new Map();
  port.postMessage(message);
}

function scheduleSnapshot(): void {
  snapshotTimer ??= setTimeout(() => {
    snapshotTimer = null;
    const message: EvidenceMessage = {
      type: 'evidence',
      summaries: [...changed].map((routeId) => evidence.summary(routeId)),
    };
    changed.clear();
    port.postMessage(message);
  }, SNAPSHOT_MS);
}

/** Copies are worth less than clients: on Linux the worker thread gives way to the proxy when the CPU is short. */
function lowerPriority(nice: number): void {
  if (nice === 0) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid)) setPriority(tid, nice);
  } catch {
    // No /proc (not Linux) or not allowed: the worker runs at the proxy's priority.
  }
}
