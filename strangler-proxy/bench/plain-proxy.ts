// Benchmark baseline: plain @fastify/http-proxy with its default options in front of the upstream.
import fastifyHttpProxy from '@fastify/http-proxy';
import fastify from 'fastify';
import type { AddressInfo } from 'node:net';

const upstream = process.argv[2] ?? '';
const app = fastify();
await app.register(fastifyHttpProxy, { upstream });
await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('SIGTERM', () => process.exit(0));
