// Hop-by-hop headers and those named in Connection never cross the proxy, in either direction.
import t from 'tap';
import { requestHeadersForUpstream, responseHeaderPairs } from '../../src/forwarding/hop-by-hop.js';

t.test('request headers lose hop-by-hop ones, Connection-listed ones and the dropped names', async (t) => {
  const out = requestHeadersForUpstream(
    {
      connection: 'close, X-Private',
      'x-private': '1',
      'keep-alive': 'timeout=5',
      'proxy-connection': 'keep-alive',
      te: 'trailers',
      'transfer-encoding': 'chunked',
      upgrade: 'websocket',
      'proxy-authorization': 'Basic x',
      trailer: 'x-sum',
      accept: 'application/json',
      'x-forwarded-for': '6.6.6.6',
    },
    new Set(['x-forwarded-for']),
  );
  t.same(out, { accept: 'application/json' });
});

t.test('response headers lose hop-by-hop ones and keep repeated ones in order', async (t) => {
  const raw = [
    'Connection',
    'keep-alive, X-Hop',
    'X-Hop',
    'a',
    'Keep-Alive',
    'timeout=5',
    'Set-Cookie',
    'a=1',
    'Set-Cookie',
    'b=2',
    'Transfer-Encoding',
    'chunked',
    'Proxy-Authenticate',
    'Basic',
    'Content-Type',
    'text/plain',
  ].map((s) => Buffer.from(s, 'latin1'));
  t.same(responseHeaderPairs(raw), ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Content-Type', 'text/plain']);
});
