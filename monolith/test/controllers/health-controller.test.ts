import t from 'tap';
import { startStore } from '../helpers/start-store.js';
import { call } from '../helpers/http.js';

t.test('healthz answers ok, and unknown paths get the JSON 404 shape', async (t) => {
  const { url } = await startStore(t);
  const health = await call(url, '/healthz');
  t.equal(health.status, 200);
  t.same(health.body, { status: 'ok' });
  const missing = await call(url, '/api/no-such-thing');
  t.equal(missing.status, 404);
  t.match(missing.body, { error: { code: 'NOT_FOUND', message: String } });
});
