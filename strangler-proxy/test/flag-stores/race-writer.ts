// Child process for the file store's race test: increments one route's flag `count` times, retrying on conflict,
// and prints how many writes it won. Not a test file itself (no `.test`), tap does not run it.
import { FileFlagStore } from '../../src/flag-stores/file-flag-store.js';

const [path, routeId, countText, name] = process.argv.slice(2);
if (path === undefined || routeId === undefined || countText === undefined || name === undefined) {
  throw new Error('usage: race-writer PATH ROUTE COUNT NAME');
}
const store = new FileFlagStore({ path, pollIntervalMs: 0, watch: false, lock: { timeoutMs: 20_000 } });
let won = 0;
let conflicts = 0;
while (won < Number(countText)) {
  const current = await store.get(routeId);
  const version = current?.version ?? 0;
  const result = await store.set(
    routeId,
    { stage: 'canary', percent: (version % 100) + 1, reason: `${name} ${won}` },
    version,
    name,
  );
  if (result.ok) won++;
  else conflicts++;
}
await store.close();
process.stdout.write(JSON.stringify({ won, conflicts }));
