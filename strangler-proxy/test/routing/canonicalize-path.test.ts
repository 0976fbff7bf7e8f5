// The tricky path table: what is rejected, and the one canonical form every accepted target is routed and forwarded as.
import t from 'tap';
import { canonicalizePath } from '../../src/routing/canonicalize-path.js';

const merge = { mergeSlashes: true };
const keep = { mergeSlashes: false };

const accepted: [string, string, string, typeof merge?][] = [
  ['/api/products/1/reviews', '/api/products/1/reviews', ''],
  ['/api/x?b=2&a=%2F', '/api/x', '?b=2&a=%2F'],
  ['/a/./b', '/a/b', ''],
  ['/./admin', '/admin', ''],
  ['/a/b/../c', '/a/c', ''],
  ['/a/%2e%2e/c', '/c', ''],
  ['/a/%2E/c', '/a/c', ''],
  ['/a/b/..', '/a/', ''],
  ['/a//b///c', '/a/b/c', ''],
  ['/a//b', '/a//b', '', keep],
  ['/a;jsessionid=1/b', '/a;jsessionid=1/b', ''],
  ['/API/Products', '/API/Products', ''],
  ['/%7Euser/%41%62c', '/~user/Abc', ''],
  ['/a%2db%5fc', '/a-b_c', ''],
  ['/caf%c3%a9', '/caf%C3%A9', ''],
  ['/a%20b', '/a%20b', ''],
  ['/a"b{c}', '/a%22b%7Bc%7D', ''],
  ['/', '/', ''],
  ['/a/', '/a/', ''],
  ['http://example.test/a/../b?x=1', '/b', '?x=1'],
  ['HTTP://example.test', '/', ''],
];

for (const [raw, path, query, options] of accepted) {
  t.test(`${raw} is canonical as ${path}${query}`, async (t) => {
    t.same(canonicalizePath(raw, options ?? merge), { ok: true, path, query });
  });
}

const rejected: string[] = [
  '/a/%2f/b',
  '/a%2Fb',
  '/a%5cb',
  '/a\\b',
  '/a%00b',
  '/a%0d%0ab',
  '/%zz',
  '/a%2',
  '/..',
  '/../etc/passwd',
  '/%2e%2e/etc/passwd',
  '/a/../../b',
  '*',
  'example.test:443',
  'http://user@example.test/a',
  '/a#frag',
  '/a?b#frag',
  '/a\u0001b',
];

for (const raw of rejected) {
  t.test(`${JSON.stringify(raw)} is rejected`, async (t) => {
    const result = canonicalizePath(raw, merge);
    t.equal(result.ok, false);
  });
}

t.test('canonical form is a fixed point', async (t) => {
  for (const [raw, , , options] of accepted) {
    const once = canonicalizePath(raw, options ?? merge);
    t.ok(once.ok, `${raw} is accepted`);
    if (!once.ok) continue;
    t.same(canonicalizePath(once.path + once.query, options ?? merge), once, raw);
  }
});
