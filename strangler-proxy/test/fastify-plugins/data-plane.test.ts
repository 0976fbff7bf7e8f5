// fastify carries every method and body untouched to the data plane, and its own URL refusals become ours.
import t from 'tap';
import { echo, rawRequest, startTestProxy, startUpstream, testConfig } from '../proxy-harness.js';

t.test('any method and any content type reach the upstream unparsed', async (t) => {
  const monolith = await startUpstream(t, echo('monolith'));
  const proxy = await startTestProxy(t, testConfig({ monolith: { url: monolith.url } }));
  for (const method of ['PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'POST']) {
    const response = await rawRequest(proxy.url, '/dav/x', {
      method,
      headers: { 'content-type': 'application/x-weird', 'content-length': '3' },
      body: '{x:',
    });
    t.equal(response.status, 200, method);
  }
  t.same(
    monolith.received.map((r) => [r.method, r.body]),
    ['PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'POST'].map((m) => [m, '{x:']),
  );
});

t.test('a target fastify cannot decode is answered with the data plane error shape', async (t) => {
  const monolith = await startUpstream(t, echo('monolith'));
  const proxy = await startTestProxy(t, testConfig({ monolith: { url: monolith.url } }));
  const response = await rawRequest(proxy.url, '/a/%zz');
  t.equal(response.status, 400);
  t.equal(JSON.parse(response.body).error.code, 'FICUS_PROXY_BAD_PATH');
  t.equal(monolith.received.length, 0);
});
