#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `prepare`).
import('../dist/main/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main/cli.js')) {
    process.stderr.write('tactful: not built yet; run `npm run build` first\n');
  } else {
    process.stderr.write(`tactful: ${error && error.message ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
});
