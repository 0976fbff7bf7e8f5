// The binary batch the proxy hands its shadow worker: one transferred buffer per batch (`BATCH_MS`, `BATCH_JOBS`),
// no structured clone per request.
import type { HeaderObject } from '../forwarding/hop-by-hop.js';

/** One shadowed request and the monolith's answer to it, as the worker needs them to send copies and compare. */
export interface ShadowJob {
  readonly id: number;
  /** Also send a second copy to the monolith, to learn its noise. */
  readonly noise: boolean;
  readonly reqId: string;
  /** How long the monolith took, from the client's request to the end of its answer. */
  readonly monolithMs: number;
  readonly method: string;
  /** Canonical path plus query. */
  readonly path: string;
  /** The headers the monolith received. */
  readonly headers: HeaderObject;
  readonly body: Buffer | null;
  readonly monolith: {
    readonly status: number;
    /** undici's raw `[name, value, …]` list. */
    readonly rawHeaders: readonly Buffer[];
    /** The body as it streamed, chunk by chunk. */
    readonly chunks: readonly Buffer[];
  };
}

const EMPTY = Buffer.alloc(0);

/** A job as the worker reads it back, with the key of its route. */
export type BatchedJob = ShadowJob & { readonly routeKey: number };

/** Appends jobs to one growing buffer; `take()` hands the filled buffer over and starts a new one. */
export class JobBatchWriter {
  #buffer: Buffer;
  #offset = 0;
  #count = 0;

  /** `initialBytes`: a guess of the batch size; the buffer doubles when the guess was short. */
  constructor(private readonly initialBytes = 16 * 1024) {
    this.#buffer = Buffer.allocUnsafeSlow(initialBytes);
  }

  get count(): number {
    return this.#count;
  }

  /** `routeKey` is the route's key in the worker, registered before its first job. */
  add(job: ShadowJob, routeKey: number): void {
    this.#u32(job.id);
    this.#u32(routeKey);
    this.#u8((job.noise ? 1 : 0) | (job.body === null ? 0 : 2));
    this.#utf8(job.reqId);
    this.#f64(job.monolithMs);
    this.#latin1(job.method);
    this.#utf8(job.path);
    let pairs = 0;
    for (const value of Object.values(job.headers)) {
      if (value === undefined) continue;
      pairs += typeof value === 'string' ? 1 : value.length;
    }
    this.#u32(pairs);
    for (const [name, value] of Object.entries(job.headers)) {
      if (value === undefined) continue;
      for (const one of typeof value === 'string' ? [value] : value) {
        this.#latin1(name);
        this.#latin1(one);
      }
    }
    if (job.body !== null) this.#bytes([job.body]);
    this.#u32(job.monolith.status);
    this.#u32(job.monolith.rawHeaders.length);
    for (const raw of job.monolith.rawHeaders) this.#bytes([raw]);
    this.#bytes(job.monolith.chunks);
    this.#count += 1;
  }

  /** The filled bytes, in a buffer of their own to transfer; the writer starts over empty. */
  take(): { readonly buffer: ArrayBuffer; readonly length: number; readonly count: number } {
    const taken = { buffer: this.#buffer.buffer as ArrayBuffer, length: this.#offset, count: this.#count };
    // A batch is taken once; a writer used again grows a new buffer on its next job, not before.
    this.#buffer = EMPTY;
    this.#offset = 0;
    this.#count = 0;
    return taken;
  }

  #room(bytes: number): void {
    if (this.#offset + bytes <= this.#buffer.length) return;
    let size = Math.max(this.#buffer.length * 2, this.initialBytes, 64);
    while (size < this.#offset + bytes) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.#buffer.copy(grown, 0, 0, this.#offset);
    this.#buffer = grown;
  }

  #u8(value: number): void {
    this.#room(1);
    this.#buffer[this.#offset++] = value;
  }

  #u32(value: number): void {
    this.#room(4);
    this.#buffer.writeUInt32LE(value, this.#offset);
    this.#offset += 4;
  }

  #f64(value: number): void {
    this.#room(8);
    this.#buffer.writeDoubleLE(value, this.#offset);
    this.#offset += 8;
  }

  /** Header names and values are bytes in Node (latin1 strings), so they travel byte for byte. */
  #latin1(text: string): void {
    this.#u32(text.length);
    this.#room(text.length);
    this.#offset += this.#buffer.write(text, this.#offset, 'latin1');
  }

  #utf8(text: string): void {
    const length = Buffer.byteLength(text);
    this.#u32(length);
    this.#room(length);
    this.#offset += this.#buffer.write(text, this.#offset, 'utf8');
  }

  #bytes(parts: readonly Uint8Array[]): void {
    let length = 0;
    for (const part of parts) length += part.length;
    this.#u32(length);
    this.#room(length);
    for (const part of parts) {
      this.#buffer.set(part, this.#offset);
      this.#offset += part.length;
    }
  }
}

/** Reads the jobs of one batch back; the byte fields are views into the batch, not copies. */
export function readJobBatch(buffer: ArrayBuffer, length: number): BatchedJob[] {
  const bytes = Buffer.from(buffer, 0, length);
  let offset = 0;
  const u32 = (): number => {
    const value = bytes.readUInt32LE(offset);
    offset += 4;
    return value;
  };
  const slice = (): Buffer => {
    const size = u32();
    const view = bytes.subarray(offset, offset + size);
    offset += size;
    return view;
  };
  const jobs: BatchedJob[] = [];
  while (offset < length) {
    const id = u32();
    const routeKey = u32();
    const flags = bytes[offset++]!;
    const reqId = slice().toString('utf8');
    const monolithMs = bytes.readDoubleLE(offset);
    offset += 8;
    const method = slice().toString('latin1');
    const path = slice().toString('utf8');
    const headers: HeaderObject = {};
    for (let pairs = u32(); pairs > 0; pairs--) {
      const name = slice().toString('latin1');
      const value = slice().toString('latin1');
      const seen = headers[name];
      headers[name] =
        seen === undefined ? value : typeof seen === 'string' ? [seen, value] : [...seen, value];
    }
    const body = (flags & 2) === 0 ? null : slice();
    const status = u32();
    const rawHeaders: Buffer[] = [];
    for (let n = u32(); n > 0; n--) rawHeaders.push(slice());
    const chunks = [slice()];
    jobs.push({
      id,
      routeKey,
      noise: (flags & 1) === 1,
      reqId,
      monolithMs,
      method,
      path,
      headers,
      body,
      monolith: { status, rawHeaders, chunks },
    });
  }
  return jobs;
}
