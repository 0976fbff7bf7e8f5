// A shadow worker that dies on its first batch of jobs, for the test of what the proxy does when its worker is lost.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (message: { type: string }) => {
  if (message.type === 'jobs') process.exit(3);
});
