// The copy sender's deadline: a timer that fires late, after the answer has arrived, does not fail the copy.
import { fork } from 'node:child_process';
import t from 'tap';
import { ShadowSender } from '../../src/shadow/shadow-sender.js';
import { startUpstream } from '../proxy-harness.js';

t.test(
  'an answer waiting in the socket wins over a deadline that passed while the thread was busy',
  async (t) => {
    // The upstream runs in its own process, so it answers while this thread is kept busy.
    const child = fork(new URL('../../bench/upstream-server.js', import.meta.url), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    t.teardown(() => void child.kill());
    const port = await new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
    });
    const url = `http://127.0.0.1:${port}`;
    const sender = new ShadowSender({ maxInFlight: 4, maxBodyBytes: 1024, now: () => performance.now() });
    t.teardown(() => sender.close());
    const copy = (timeoutMs: number) => ({ method: 'GET', path: '/', headers: {}, body: null, timeoutMs });
    // Warm the connection so the copy below needs one round trip only.
    t.match(await sender.send(url, copy(5000)), { ok: true });
    const result = sender.send(url, copy(50));
    // The request leaves on this turn. The busy wait runs in the loop's check phase, so the next turn starts with
    // its timers: the deadline is due before the poll reads the answer that arrived meanwhile — a starved thread.
    await new Promise<void>((resolve) => {
      setImmediate(() => {
        const until = performance.now() + 300;
        while (performance.now() < until) {
          // busy
        }
        resolve();
      });
    });
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
  t.same(
    await sender.send(upstream.url, { method: 'GET', path: '/', headers: {}, body: null, timeoutMs: 50 }),
    {
      ok: false,
      failure: 'timeout',
    },
  );
});
