// Forwarding headers: client values survive only from trusted peers; the client address skips trusted hops.
import t from 'tap';
import {
  clientAddress,
  peerAddress,
  setForwardingHeaders,
  trustedPeers,
} from '../../src/forwarding/forwarded-headers.js';
import type { HeaderObject } from '../../src/forwarding/hop-by-hop.js';

t.test(
  'an untrusted peer gets fresh headers; IPv6 nodes and hosts with ports are quoted (RFC 7239)',
  async (t) => {
    const out: HeaderObject = {};
    setForwardingHeaders(
      out,
      { host: 'shop.test:8080', 'x-forwarded-for': '1.2.3.4', forwarded: 'for=1.2.3.4' },
      '::1',
      false,
    );
    t.same(out, {
      'x-forwarded-for': '::1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'shop.test:8080',
      forwarded: 'for="[::1]";proto=http;host="shop.test:8080"',
    });
  },
);

t.test('the client address is the right-most untrusted hop behind trusted proxies', async (t) => {
  const trusted = trustedPeers(['10.0.0.0/8', '192.168.1.1']);
  t.ok(trusted.has('10.1.2.3'));
  t.ok(trusted.has('192.168.1.1'));
  t.notOk(trusted.has('192.168.1.2'));
  t.equal(
    clientAddress('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.9' }, trusted),
    '203.0.113.7',
  );
  t.equal(clientAddress('203.0.113.8', { 'x-forwarded-for': '6.6.6.6' }, trusted), '203.0.113.8');
  t.equal(peerAddress('::ffff:127.0.0.1'), '127.0.0.1');
});
