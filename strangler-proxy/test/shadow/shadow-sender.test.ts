// The copy sender's deadline: a timer that fires late, after the answer has arrived, does not fail the copy.
import t from 'tap';
import { ShadowSender } from '../../src/shadow/shadow-sender.js';
import { startUpstream } from '../proxy-harness.js';

t.test(
  'an answer waiting in the socket wins over a deadline that passed while the thread was busy',
  async (t) => {
    const upstream = await startUpstream(t, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const sender = new ShadowSender({ maxInFlight: 4, maxBodyBytes: 1024, now: () => performance.now() });
    t.teardown(() => sender.close());
    // Warm the connection so the copy below needs one round trip only.
    sender.tryReserve(1);
    t.match(
      await sender.send(upstream.url, { method: 'GET', path: '/', headers: {}, body: null, timeoutMs: 5000 }),
      {
        ok: true,
      },
    );
    sender.tryReserve(1);
    const result = sender.send(upstream.url, {
      method: 'GET',
      path: '/',
      headers: {},
      body: null,
      timeoutMs: 50,
    });
    // The thread is kept busy past the deadline while the upstream (another process's worth of work) answers.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const until = performance.now() + 300;
    while (performance.now() < until) {
      // busy: what a starved worker thread looks like from inside
    }
    t.match(await result, { ok: true, response: { status: 200 } }, 'compared, not failed as a timeout');
    t.equal(sender.inFlight, 0);
  },
);

t.test('a copy that is really not answered in time fails as a timeout', async (t) => {
  const held: { end(): void }[] = [];
  const upstream = await startUpstream(t, (_req, res) => void held.push(res));
  const sender = new ShadowSender({ maxInFlight: 4, maxBodyBytes: 1024, now: () => performance.now() });
  t.teardown(async () => {
    for (const res of held) res.end();
    await sender.close();
  });
  sender.tryReserve(1);
  t.same(
    await sender.send(upstream.url, { method: 'GET', path: '/', headers: {}, body: null, timeoutMs: 50 }),
    {
      ok: false,
      failure: 'timeout',
    },
  );
});
