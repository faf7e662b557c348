#!/usr/bin/env node
// Runs the compiled CLI (npm ci builds it through the `prepare` script).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('dabiao: not built yet — run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
// `dabiao check … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// A province's townships are a live set of hundreds of MB. V8 by default lets the heap grow to about three times
// what survived the last full collection before collecting again; growing by half instead took peak memory at a
// million villages from 2.4 GB to 1.6 GB at the same speed (bench/RESULTS.md). NODE_OPTIONS can still say otherwise.
if (!/--heap[-_]growing[-_]percent/.test(process.env.NODE_OPTIONS ?? '')) setFlagsFromString('--heap-growing-percent=50');
const { main } = await import(entry.href);
// exitCode, not exit(): piped output is flushed before the process ends.
process.exitCode = await main(process.argv);
