// Counts a streamed request body's bytes and cuts it off past the route's limit (for bodies with no Content-Length).
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';

export interface LimitedBody {
  readonly stream: Readable;
  exceeded(): boolean;
}

export function limitBody(source: Readable, limitBytes: number): LimitedBody {
  let seen = 0;
  let exceeded = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limitBytes) {
        exceeded = true;
        callback(new Error('request body exceeds the route limit'));
        return;
      }
      callback(null, chunk);
    },
  });
  source.on('error', (error) => counter.destroy(error));
  source.pipe(counter);
  return { stream: counter, exceeded: () => exceeded };
}
