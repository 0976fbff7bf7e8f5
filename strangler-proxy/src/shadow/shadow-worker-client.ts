// The proxy's side of the shadow worker: starts it on first use, batches jobs, restarts it if it dies.
import { Worker } from 'node:worker_threads';
import type { EvidenceSummary } from '../comparison/evidence-book.js';
import type { RouteConfig } from '../config/ficus-config.js';
import { JobBatchWriter } from './job-frames.js';
import type { ShadowJob } from './job-frames.js';
import { BATCH_JOBS, BATCH_MS } from './shadow-timing.js';
import type {
  FromWorker,
  JobsMessage,
  ResetMessage,
  ResultsMessage,
  RouteMessage,
  WorkerSetup,
} from './worker-protocol.js';

export interface ShadowWorkerEvents {
  onResults(results: ResultsMessage): void;
  onEvidence(summaries: readonly EvidenceSummary[], resetOf: string | undefined): void;
  /** The worker stopped unexpectedly; jobs handed to it will never have results, and its evidence is gone. */
  onLost(error: Error): void;
}

const WORKER_URL = new URL('./shadow-worker.js', import.meta.url);

export class ShadowWorkerClient {
  readonly #setup: WorkerSetup;
  readonly #events: ShadowWorkerEvents;
  #worker: Worker | null = null;
  /** Route keys registered with the current worker; a new worker starts with none. */
  #routes = new WeakMap<RouteConfig, number>();
  #nextRouteKey = 1;
  /** Jobs wait as objects and are written at the flush, off the client's response path. */
  #queue: { readonly job: ShadowJob; readonly key: number }[] = [];
  #flushScheduled = false;
  #closed = false;

  constructor(
    setup: WorkerSetup,
    events: ShadowWorkerEvents,
    /** The worker's script; tests give one that fails. */
    private readonly workerUrl: URL = WORKER_URL,
  ) {
    this.#setup = setup;
    this.#events = events;
  }

  /** Queues a job; it leaves with the others of the next few milliseconds, long after the client has its answer. */
  submit(route: RouteConfig, origin: string, job: ShadowJob): void {
    const worker = this.#started();
    let key = this.#routes.get(route);
    if (key === undefined) {
      key = this.#nextRouteKey++;
      this.#routes.set(route, key);
      const message: RouteMessage = {
        type: 'route',
        key,
        routeId: route.id,
        origin,
        timeoutMs: route.shadow.timeoutMs,
        compare: {
          ignore: route.shadow.ignore,
          unorderedArrays: route.shadow.unorderedArrays,
          headers: route.shadow.headers,
        },
      };
      // Sent now, so it is ahead of the batch that carries this job.
      worker.postMessage(message);
    }
    this.#queue.push({ job, key });
    if (this.#queue.length >= BATCH_JOBS) this.#flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setTimeout(() => this.#flush(), BATCH_MS).unref();
    }
  }

  /** Forgets a route's evidence in the worker; false when no worker runs (and so none has evidence). */
  reset(routeId: string): boolean {
    if (this.#worker === null) return false;
    const message: ResetMessage = { type: 'reset', routeId };
    this.#worker.postMessage(message);
    return true;
  }

  #flush(): void {
    // A full batch may leave before its timer; the timer then finds a younger batch and sends it a little early.
    this.#flushScheduled = false;
    if (this.#queue.length === 0 || this.#worker === null) return;
    const writer = new JobBatchWriter(this.#queue.length * 4096);
    for (const { job, key } of this.#queue) writer.add(job, key);
    this.#queue = [];
    const { buffer, length } = writer.take();
    const message: JobsMessage = { type: 'jobs', buffer, length };
    this.#worker.postMessage(message, [buffer]);
  }

  #started(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(this.workerUrl, { workerData: this.#setup });
    // Shadowing never keeps a process alive that has nothing else to do.
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'results') this.#events.onResults(message);
      else this.#events.onEvidence(message.summaries, message.resetOf);
    });
    const lost = (error: Error): void => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#routes = new WeakMap();
      this.#queue = [];
      if (!this.#closed) this.#events.onLost(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`shadow worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) await worker.terminate();
  }
}
