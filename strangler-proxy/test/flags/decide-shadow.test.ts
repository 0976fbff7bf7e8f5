// Who gets a shadow copy: monolith-served requests of shadow and canary routes, safe methods unless opted in.
import t from 'tap';
import type { RouteConfig } from '../../src/config/ficus-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { decideShadow } from '../../src/flags/decide-shadow.js';
import type { Decision } from '../../src/flags/decide-target.js';
import type { RouteFlag, Stage } from '../../src/flags/route-flag.js';

const config = parseConfig({
  monolith: { url: 'http://127.0.0.1:3000' },
  services: { s: { url: 'http://127.0.0.1:4000' } },
  routes: [
    { id: 'safe', path: '/a', service: 's', owner: 'o' },
    { id: 'writes', path: '/b', service: 's', owner: 'o', shadow: { unsafeMethods: true } },
  ],
  flags: { store: { kind: 'memory' } },
});
const [safe, writes] = config.routes as [RouteConfig, RouteConfig];
const flag = (stage: Stage, shadowPercent: number): RouteFlag => ({
  routeId: 'safe',
  stage,
  percent: 50,
  shadowPercent,
  stickyBy: 'ip',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 't',
  reason: 'r',
});
const onMonolith = (stage: Stage): Decision => ({ target: 'monolith', stage, reason: 'stage' });
const never = (): number => {
  throw new Error('no roll needed');
};

t.test('table of decisions', async (t) => {
  t.equal(decideShadow(safe, flag('shadow', 100), onMonolith('shadow'), 'GET', never), true);
  t.equal(decideShadow(safe, flag('shadow', 0), onMonolith('shadow'), 'GET', never), false);
  t.equal(decideShadow(safe, flag('monolith', 100), onMonolith('monolith'), 'GET', never), false);
  t.equal(decideShadow(safe, flag('canary', 100), onMonolith('canary'), 'GET', never), true);
  t.equal(
    decideShadow(
      safe,
      flag('canary', 100),
      { target: 'service', stage: 'canary', reason: 'canary-in' },
      'GET',
      never,
    ),
    false,
    'the service-served share is not copied to itself',
  );
  t.equal(
    decideShadow(
      safe,
      flag('shadow', 100),
      { target: 'monolith', stage: 'shadow', reason: 'tester-override' },
      'GET',
      never,
    ),
    false,
  );
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    t.equal(
      decideShadow(safe, flag('shadow', 100), onMonolith('shadow'), method, never),
      false,
      `${method} by default`,
    );
    t.equal(
      decideShadow(writes, flag('shadow', 100), onMonolith('shadow'), method, never),
      true,
      `${method} opted in`,
    );
  }
  t.equal(decideShadow(null, flag('shadow', 100), onMonolith('shadow'), 'GET', never), false);
});

t.test('a partial share uses the injected roll', async (t) => {
  t.equal(
    decideShadow(safe, flag('shadow', 25), onMonolith('shadow'), 'GET', () => 0.2499),
    true,
  );
  t.equal(
    decideShadow(safe, flag('shadow', 25), onMonolith('shadow'), 'GET', () => 0.25),
    false,
  );
});
