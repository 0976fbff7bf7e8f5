// The promotion gate on `PUT /routes/:id/flag`: no evidence, no promotion, unless forced with a reason (audited).
import t from 'tap';
import { echo } from '../proxy-harness.js';
import type { TestProxy } from '../proxy-harness.js';
import { ADMIN_TOKEN, evidenceAfter, get, startShadowSetup, writeFlag } from '../shadow/shadow-fixture.js';

interface Answer {
  readonly status: number;
  readonly json: { error: { code: string; message: string }; gate?: unknown } & Record<string, unknown>;
}

async function put(proxy: TestProxy, body: Record<string, unknown>): Promise<Answer> {
  const current = await proxy.store.get('r');
  const response = await fetch(`${proxy.adminUrl}/routes/r/flag`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'content-type': 'application/json',
      'if-match': String(current?.version ?? 0),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Answer['json'] };
}

t.test('the gate refuses a promotion without evidence and accepts it with', async (t) => {
  const { proxy } = await startShadowSetup(
    t,
    { monolith: echo('same'), service: echo('same') },
    { gate: { minCompared: 5, minMatchPercent: 99 }, shadow: { noisePercent: 0 } },
  );
  const refused = await put(proxy, { stage: 'canary', percent: 10, reason: 'hope' });
  t.equal(refused.status, 409);
  t.match(refused.json, {
    error: { code: 'FICUS_PROXY_ADMIN_GATED', message: /compared requests: 0 of the 5 required/ },
    gate: { passed: false, required: { minCompared: 5, minMatchPercent: 99 }, evidence: { compared: 0 } },
  });
  const [audit] = await proxy.store.audit({ routeId: 'r', limit: 1 });
  t.match(audit, { result: 'gated', actor: 'platform (admin)', to: { stage: 'canary', percent: 10 } });
  t.equal((await proxy.store.get('r'))?.stage ?? 'monolith', 'monolith', 'nothing was written');

  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  for (let i = 0; i < 5; i++) await get(`${proxy.url}/r/${i}`);
  await evidenceAfter(proxy, (s) => s.compared === 5);
  const accepted = await put(proxy, { stage: 'canary', percent: 10, reason: 'evidence is in' });
  t.equal(accepted.status, 200);
  t.match(accepted.json, { stage: 'canary', flag: { percent: 10 } });

  const down = await put(proxy, { stage: 'monolith', reason: 'rollback' });
  t.equal(down.status, 200, 'going back is never gated');
});

t.test('force passes the gate and the audit trail says what was missing', async (t) => {
  const { proxy } = await startShadowSetup(t, { monolith: echo('m'), service: echo('s') });
  const forced = await put(proxy, { stage: 'service', reason: 'incident: monolith is down', force: true });
  t.equal(forced.status, 200);
  const [audit] = await proxy.store.audit({ routeId: 'r', limit: 1 });
  t.match(audit, {
    result: 'ok',
    actor: 'platform (admin)',
    to: { stage: 'service' },
    reason:
      /^incident: monolith is down \[forced past the promotion gate: compared requests: 0 of the 500 required; match rate: none yet, 99 % required\]$/,
  });
});

t.test('mismatching evidence keeps the gate shut and names the match rate', async (t) => {
  const { proxy } = await startShadowSetup(
    t,
    { monolith: echo('monolith'), service: echo('service') },
    { gate: { minCompared: 3 }, shadow: { noisePercent: 0 } },
  );
  await writeFlag(proxy, { stage: 'shadow', shadowPercent: 100 });
  for (let i = 0; i < 3; i++) await get(`${proxy.url}/r/${i}`);
  await evidenceAfter(proxy, (s) => s.compared === 3);
  const refused = await put(proxy, { stage: 'service', reason: 'go' });
  t.equal(refused.status, 409);
  t.match(refused.json.error.message, /match rate: 0\.00 %, 99 % required/);
  const diffs = await fetch(`${proxy.adminUrl}/routes/r/diffs`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  t.match(await diffs.json(), {
    gate: { passed: false, missing: [/match rate/] },
    fields: [{ path: 'body.servedBy' }],
  });
});
