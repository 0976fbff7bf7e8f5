import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call, loginAdmin, loginUser } from '../helpers/http.js';

t.test('promotions list active codes in code order, or all with ?all=true', async (t) => {
  const { url } = await startStore(t);
  const active = await call(url, '/api/promotions?pageSize=100');
  t.equal(active.status, 200);
  t.equal(active.body.total, 23, 'one of the 24 seeded codes is inactive');
  const codes = active.body.items.map((p: { code: string }) => p.code);
  t.same(codes, [...codes].sort());
  t.notOk(codes.includes('INACTIVE5'));
  t.equal((await call(url, '/api/promotions?all=true')).body.total, 24);
  t.equal((await call(url, '/api/promotions?page=-1')).status, 400);
});

t.test('a promotion by code, case-insensitively; unknown 404, malformed 400', async (t) => {
  const { url } = await startStore(t);
  const welcome = await call(url, '/api/promotions/welcome10');
  t.same(welcome.body, {
    id: 1,
    code: 'WELCOME10',
    description: 'Ten percent off your first order',
    percentOff: 10,
    minSubtotalCents: 0,
    active: true,
    expiresAt: null,
  });
  t.equal((await call(url, '/api/promotions/NOSUCHCODE')).status, 404);
  t.equal((await call(url, '/api/promotions/bad-code!')).status, 400);
});

t.test('admins create promotions; duplicates are 409', async (t) => {
  const { url } = await startStore(t);
  const admin = await loginAdmin(url);
  const body = {
    code: 'Test30',
    description: 'Thirty off',
    percentOff: 30,
    expiresAt: '2099-01-01T00:00:00Z',
  };
  const created = await call(url, '/api/promotions', { method: 'POST', token: admin, body });
  t.equal(created.status, 201);
  t.match(created.body, { code: 'TEST30', percentOff: 30, active: true, expiresAt: '2099-01-01T00:00:00Z' });
  const duplicate = await call(url, '/api/promotions', { method: 'POST', token: admin, body });
  t.equal(duplicate.status, 409);
  t.equal(duplicate.body.error.code, 'PROMOTION_EXISTS');
  const tooMuch = await call(url, '/api/promotions', {
    method: 'POST',
    token: admin,
    body: { ...body, percentOff: 95 },
  });
  t.equal(tooMuch.status, 400);
  const customer = await loginUser(url, 2);
  t.equal((await call(url, '/api/promotions', { method: 'POST', token: customer, body })).status, 403);
  t.equal((await call(url, '/api/promotions', { method: 'POST', body })).status, 401);
});
