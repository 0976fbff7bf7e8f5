// Copies a streamed request body for the shadow request while it flows to the monolith, keeping at most a cap.
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';

export interface TeedBody {
  /** What the monolith reads instead of the original stream. */
  readonly stream: Readable;
  /** The whole body once it has passed, or null when it was larger than the cap or failed. */
  readonly copy: Promise<Buffer | null>;
}

export function teeBody(source: Readable, maxBytes: number): TeedBody {
  let chunks: Buffer[] | null = [];
  let bytes = 0;
  let settle: (copy: Buffer | null) => void = () => {};
  const copy = new Promise<Buffer | null>((resolve) => {
    settle = resolve;
  });
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (chunks !== null) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          chunks = null;
          settle(null);
        } else chunks.push(chunk);
      }
      // The client's bytes pass on unchanged and at the client's pace; the copy never holds them back.
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      settle(chunks === null ? null : Buffer.concat(chunks));
      chunks = null;
      callback();
    },
  });
  const fail = (): void => {
    chunks = null;
    settle(null);
  };
  source.on('error', (error) => {
    fail();
    tee.destroy(error);
  });
  tee.on('close', fail);
  source.pipe(tee);
  return { stream: tee, copy };
}
