// The batch format between the proxy and its shadow worker: every field comes back byte for byte.
import t from 'tap';
import { JobBatchWriter, readJobBatch } from '../../src/shadow/job-frames.js';
import type { BatchedJob, ShadowJob } from '../../src/shadow/job-frames.js';

const job = (id: number, overrides: Partial<ShadowJob> = {}): ShadowJob => ({
  id,
  noise: false,
  reqId: `req-${id}`,
  monolithMs: 1.25,
  method: 'GET',
  path: '/api/products/42/reviews?sort=new',
  headers: { accept: 'application/json', 'x-request-id': `req-${id}` },
  body: null,
  monolith: {
    status: 200,
    rawHeaders: [Buffer.from('Content-Type'), Buffer.from('application/json')],
    chunks: [Buffer.from('{"id":42,'), Buffer.from('"rating":4}')],
  },
  ...overrides,
});

function roundTrip(jobs: readonly ShadowJob[]): BatchedJob[] {
  const writer = new JobBatchWriter(64);
  for (const one of jobs) writer.add(one, 7);
  t.equal(writer.count, jobs.length, 'the writer counts its jobs');
  const { buffer, length, count } = writer.take();
  t.equal(count, jobs.length);
  t.equal(writer.count, 0, 'taking the batch starts a new one');
  return readJobBatch(buffer, length);
}

t.test('a job comes back with its fields, the body chunks joined', async (t) => {
  const [back] = roundTrip([job(1)]);
  t.equal(back?.id, 1);
  t.equal(back?.routeKey, 7, 'the route key travels with the job');
  t.equal(back?.noise, false);
  t.equal(back?.reqId, 'req-1');
  t.equal(back?.monolithMs, 1.25);
  t.equal(back?.method, 'GET');
  t.equal(back?.path, '/api/products/42/reviews?sort=new');
  t.same(back?.headers, { accept: 'application/json', 'x-request-id': 'req-1' });
  t.equal(back?.body, null, 'no request body stays no body');
  t.equal(back?.monolith.status, 200);
  t.same(
    back?.monolith.rawHeaders.map((b) => b.toString()),
    ['Content-Type', 'application/json'],
  );
  t.same(
    back?.monolith.chunks.map((b) => b.toString()),
    ['{"id":42,"rating":4}'],
  );
});

t.test('repeated headers, latin1 header bytes, a UTF-8 path and a body survive', async (t) => {
  const body = Buffer.from([0, 1, 2, 250, 251, 255]);
  const [back] = roundTrip([
    job(2, {
      noise: true,
      method: 'POST',
      path: '/api/search?q=caf%C3%A9&name=Zoë',
      headers: { cookie: ['a=1', 'b=2'], 'x-latin': 'caf\u00e9' },
      body,
    }),
  ]);
  t.equal(back?.noise, true);
  t.equal(back?.method, 'POST');
  t.equal(back?.path, '/api/search?q=caf%C3%A9&name=Zoë');
  t.same(back?.headers, { cookie: ['a=1', 'b=2'], 'x-latin': 'caf\u00e9' });
  t.same([...(back?.body ?? [])], [...body]);
});

t.test('many jobs and a body larger than the first buffer come back in order', async (t) => {
  const big = Buffer.alloc(200 * 1024, 'x');
  const jobs = [job(1), job(2, { monolith: { status: 503, rawHeaders: [], chunks: [big] } }), job(3)];
  const back = roundTrip(jobs);
  t.same(
    back.map((j) => j.id),
    [1, 2, 3],
  );
  t.equal(back[1]?.monolith.status, 503);
  t.equal(back[1]?.monolith.chunks[0]?.length, big.length, 'the buffer grew from 64 bytes to hold the body');
  t.equal(back[2]?.headers['x-request-id'], 'req-3', 'jobs after the growth are intact');
});
