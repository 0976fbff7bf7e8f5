// The numbers behind `ficus status`, computed from the admin API's route views and audit trail (pure).
import type { AuditEntry, RouteView, Stage } from '@ficus/strangler-proxy';

export interface ServiceProgress {
  readonly name: string;
  readonly routes: number;
  readonly stages: Record<Stage, number>;
  /** Requests in the proxy's recent window, and the share of them the service answered. */
  readonly requests: number;
  readonly serviceShare: number | null;
}

export interface TimelineStep {
  readonly at: string;
  readonly routeId: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly actor: string;
  /** How many routes were fully on their service after this move. */
  readonly routesOnService: number;
}

export interface Progress {
  readonly services: readonly ServiceProgress[];
  readonly overall: ServiceProgress;
  readonly inventory: { routes: number; inProxy: number; onService: number; movedShare: number } | null;
  readonly timeline: readonly TimelineStep[];
}

function emptyStages(): Record<Stage, number> {
  return { monolith: 0, shadow: 0, canary: 0, service: 0 };
}

function summarize(name: string, routes: readonly RouteView[]): ServiceProgress {
  const stages = emptyStages();
  let requests = 0;
  let onService = 0;
  for (const route of routes) {
    stages[route.stage] += 1;
    const byTarget = route.stats?.byTarget ?? {};
    for (const [target, count] of Object.entries(byTarget)) {
      requests += count;
      if (target === 'service') onService += count;
    }
  }
  return {
    name,
    routes: routes.length,
    stages,
    requests,
    serviceShare: requests === 0 ? null : onService / requests,
  };
}

export function summarizeProgress(
  routes: readonly RouteView[],
  audit: readonly AuditEntry[],
  inventory: { routes: number } | null,
): Progress {
  const byService = new Map<string, RouteView[]>();
  for (const route of routes) {
    const list = byService.get(route.service);
    if (list === undefined) byService.set(route.service, [route]);
    else list.push(route);
  }
  const services = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => summarize(name, list));
  const overall = summarize('overall', routes);

  const stageOf = new Map<string, Stage>();
  const timeline: TimelineStep[] = [];
  let routesOnService = 0;
  for (const entry of [...audit].reverse()) {
    if (entry.result !== 'ok' || entry.to === null) continue;
    const from = stageOf.get(entry.routeId) ?? entry.from?.stage ?? 'monolith';
    if (stageOf.get(entry.routeId) === 'service') routesOnService -= 1;
    if (entry.to.stage === 'service') routesOnService += 1;
    stageOf.set(entry.routeId, entry.to.stage);
    timeline.push({
      at: entry.at,
      routeId: entry.routeId,
      from,
      to: entry.to.stage,
      actor: entry.actor,
      routesOnService,
    });
  }

  return {
    services,
    overall,
    inventory:
      inventory === null
        ? null
        : {
            routes: inventory.routes,
            inProxy: routes.length,
            onService: overall.stages.service,
            movedShare: inventory.routes === 0 ? 0 : overall.stages.service / inventory.routes,
          },
    timeline,
  };
}
