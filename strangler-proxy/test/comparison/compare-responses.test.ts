// Response comparison: named field differences, ignore rules, unordered arrays, headers and digests.
import t from 'tap';
import { compareResponses } from '../../src/comparison/compare-responses.js';
import type { RecordedResponse } from '../../src/comparison/compare-responses.js';
import { ProxyError } from '../../src/errors.js';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): RecordedResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: Buffer.from(JSON.stringify(body)),
});

t.test('identical JSON responses match', async (t) => {
  const r = compareResponses(json({ a: 1, items: [{ id: 1 }] }), json({ items: [{ id: 1 }], a: 1 }), {});
  t.same(r, { match: true, differences: [], bodyMode: 'json' });
});

t.test('a changed field deep in an array is named by its path', async (t) => {
  const a = json({
    items: [
      { id: 1, rating: 4 },
      { id: 2, rating: 5 },
    ],
  });
  const b = json({
    items: [
      { id: 1, rating: 4 },
      { id: 2, rating: 3 },
    ],
  });
  const r = compareResponses(a, b, {});
  t.equal(r.match, false);
  t.same(r.differences, [{ path: 'body.items[1].rating', kind: 'changed', a: 5, b: 3 }]);
});

t.test('missing, extra and type differences are told apart', async (t) => {
  const r = compareResponses(
    json({ gone: 1, num: 1, list: [1, 2] }),
    json({ num: '1', added: true, list: [1] }),
    {},
  );
  t.same(r.differences, [
    { path: 'body.gone', kind: 'missing', a: 1 },
    { path: 'body.num', kind: 'type', a: 1, b: '1' },
    { path: 'body.list[1]', kind: 'missing', a: 2 },
    { path: 'body.added', kind: 'extra', b: true },
  ]);
});

t.test('status and chosen headers are compared, header names case-insensitively', async (t) => {
  const r = compareResponses(
    json({}, 200, { 'X-Version': '1', date: 'Mon' }),
    json({}, 201, { 'x-version': '2', date: 'Tue' }),
    { headers: ['content-type', 'X-Version'] },
  );
  t.same(r.differences, [
    { path: 'status', kind: 'changed', a: 200, b: 201 },
    { path: 'headers.x-version', kind: 'changed', a: '1', b: '2' },
  ]);
});

t.test('ignore rules drop fields, wildcard array elements and whole subtrees', async (t) => {
  const a = json({ generatedAt: 1, meta: { x: 1 }, items: [{ id: 1, updatedAt: 'a' }] }, 200, {
    date: 'Mon',
  });
  const b = json({ generatedAt: 2, meta: { y: 2 }, items: [{ id: 1, updatedAt: 'b' }] }, 200, {
    date: 'Tue',
  });
  const r = compareResponses(a, b, {
    ignore: ['body.generatedAt', 'body.meta', 'body.items[*].updatedAt', 'headers.Date'],
    headers: ['date'],
  });
  t.same(r.differences, []);
  t.equal(r.match, true);
});

t.test('unordered arrays match whatever their order, still naming real differences', async (t) => {
  const a = json({
    tags: ['x', 'y'],
    items: [
      { id: 1, at: 1 },
      { id: 2, at: 2 },
    ],
  });
  const b = json({
    tags: ['y', 'x'],
    items: [
      { id: 2, at: 9 },
      { id: 1, at: 8 },
    ],
  });
  const opts = { unorderedArrays: ['body.tags', 'body.items'], ignore: ['body.items[*].at'] };
  t.same(compareResponses(a, b, opts).differences, []);
  const c = json({ tags: ['y', 'z'], items: [{ id: 2 }, { id: 1 }] });
  t.same(compareResponses(a, c, opts).differences, [
    { path: 'body.tags[0]', kind: 'missing', a: 'x' },
    { path: 'body.tags[1]', kind: 'extra', b: 'z' },
  ]);
  t.ok(compareResponses(a, b, {}).differences.length > 0, 'without the option, order counts');
});

t.test('non-JSON bodies are compared by digest', async (t) => {
  const text = (body: string): RecordedResponse => ({
    status: 200,
    headers: { 'content-type': 'text/html' },
    body,
  });
  const same = compareResponses(text('<p>hi</p>'), text('<p>hi</p>'), {});
  t.same(same, { match: true, differences: [], bodyMode: 'digest' });
  const diff = compareResponses(text('<p>hi</p>'), text('<p>ho</p>'), {});
  t.equal(diff.differences.length, 1);
  t.match(diff.differences[0], { path: 'body', kind: 'changed', a: /^sha256:[0-9a-f]{64} \(9 bytes\)$/ });
  t.equal(compareResponses(text('x'), text('y'), { ignore: ['body'] }).match, true);
});

t.test('keys that are not identifiers are quoted in paths', async (t) => {
  const r = compareResponses(json({ 'a b': 1 }), json({ 'a b': 2 }), { ignore: [] });
  t.same(r.differences, [{ path: 'body["a b"]', kind: 'changed', a: 1, b: 2 }]);
  t.equal(compareResponses(json({ 'a b': 1 }), json({ 'a b': 2 }), { ignore: ['body["a b"]'] }).match, true);
});

t.test('a malformed path is refused with a stable code', async (t) => {
  const err = t.throws(() => compareResponses(json({}), json({}), { ignore: ['body.items[x', 'body.ok'] }));
  t.ok(err instanceof ProxyError);
  t.match(err, { code: 'FICUS_PROXY_COMPARE_BAD_PATH', message: /body\.items\[x/ });
});
