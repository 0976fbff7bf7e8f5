#!/usr/bin/env node
// The `ficus` bin as npm links it: a committed file, so the link exists right after `npm install`, before the first
// build. It loads the compiled CLI.
import('../dist/src/bin/ficus.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('FICUS_CLI_FAILED: the CLI is not built yet; run `npm run build` first.\n');
    process.exitCode = 1;
    return;
  }
  throw error;
});
