// The guard's driver: feeds finished requests into per-route windows and, on a breach, writes the flag back as
// actor `ficus-guard` (a normal compare-and-set write, audited like any other).
import type { Logger } from 'pino';
import type { RouteConfig } from '../config/ficus-config.js';
import type { FlagStore } from '../flag-stores/flag-store.js';
import type { FlagChange, RouteFlag } from '../flags/route-flag.js';
import { LOG_EVENTS } from '../observability/names.js';
import type { RequestRecord } from '../observability/request-record.js';
import { decideGuardAction } from './decide-guard-action.js';
import type { GuardAction } from './decide-guard-action.js';
import { OutcomeWindow } from './outcome-window.js';

export const GUARD_ACTOR = 'ficus-guard';

export interface RouteGuardDeps {
  readonly routes: readonly RouteConfig[];
  readonly store: FlagStore;
  /** The flag the data plane applies right now. */
  readonly flagFor: (routeId: string) => RouteFlag | null;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  readonly logger: Logger;
  readonly onAction: (routeId: string, action: Exclude<GuardAction, { kind: 'none' }>) => void;
}

interface Watch {
  /** Windows start over whenever the flag changes: a new stage deserves a clean slate. */
  readonly version: number;
  readonly service: OutcomeWindow;
  readonly monolith: OutcomeWindow;
  writing: boolean;
  /** Service successes since the last judgement. */
  quiet: number;
}

export class RouteGuard {
  readonly #deps: RouteGuardDeps;
  readonly #routes: ReadonlyMap<string, RouteConfig>;
  readonly #watches = new Map<string, Watch>();
  /** Writes in progress, so that close() can wait for them. */
  readonly #pending = new Set<Promise<void>>();

  constructor(deps: RouteGuardDeps) {
    this.#deps = deps;
    this.#routes = new Map(deps.routes.map((r) => [r.id, r]));
  }

  onRequest(record: RequestRecord): void {
    if (record.stage !== 'canary' && record.stage !== 'service') return;
    const route = this.#routes.get(record.routeId);
    const flag = this.#deps.flagFor(record.routeId);
    if (route === undefined || flag === null || !route.guard.enabled) return;
    if (flag.stage !== 'canary' && flag.stage !== 'service') return;
    // 499: the client left; that says nothing about the upstream.
    if (record.status === 499 && record.error === 'reset') return;
    let watch = this.#watches.get(route.id);
    if (watch === undefined || watch.version !== flag.version) {
      watch = {
        version: flag.version,
        service: new OutcomeWindow(route.guard.windowMs, this.#deps.now),
        monolith: new OutcomeWindow(route.guard.windowMs, this.#deps.now),
        writing: false,
        quiet: 0,
      };
      this.#watches.set(route.id, watch);
    }
    // A fallback was the service's failure, re-served by the monolith.
    const byService = record.target === 'service' || record.fallback;
    const outcome = {
      failure: record.fallback || record.status >= 500,
      fallback: record.fallback,
      timeout: record.error === 'timeout',
      slow: route.guard.slowMs > 0 && record.durationMs > route.guard.slowMs,
    };
    (byService ? watch.service : watch.monolith).add(outcome);
    if (!byService || watch.writing) return;
    // Only a failure or a slow request can start a breach; successes are judged now and then, for the case where
    // the window just reached its minimum size with failures already in it.
    if (!outcome.failure && !outcome.slow && (++watch.quiet & 15) !== 0) return;
    watch.quiet = 0;
    const action = decideGuardAction(flag, watch.service.counts(), watch.monolith.counts(), route.guard);
    if (action.kind === 'none') return;
    watch.writing = true;
    const write = this.#write(route.id, flag, action).finally(() => {
      watch.writing = false;
      this.#pending.delete(write);
    });
    this.#pending.add(write);
  }

  async #write(
    routeId: string,
    seen: RouteFlag,
    action: Exclude<GuardAction, { kind: 'none' }>,
  ): Promise<void> {
    const change: FlagChange =
      action.kind === 'rollback'
        ? { stage: 'monolith', reason: action.reason }
        : { stage: 'canary', percent: action.percent, reason: action.reason };
    try {
      const result = await this.#deps.store.set(routeId, change, seen.version, GUARD_ACTOR);
      if (result.ok) {
        this.#deps.logger.warn(
          {
            routeId,
            action: action.kind,
            from: seen.stage,
            to: result.flag.stage,
            percent: result.flag.percent,
            reason: action.reason,
          },
          LOG_EVENTS.guardAction,
        );
        this.#deps.onAction(routeId, action);
        return;
      }
      // Someone else changed the flag meanwhile; their decision stands and the next breach is judged afresh.
      this.#deps.logger.warn(
        { routeId, action: action.kind, refused: result.reason },
        LOG_EVENTS.guardWriteRefused,
      );
    } catch (error) {
      this.#deps.logger.error({ routeId, action: action.kind, err: error }, LOG_EVENTS.guardWriteRefused);
    }
  }

  /** Waits for guard writes in progress. */
  async settle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
