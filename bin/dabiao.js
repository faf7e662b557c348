#!/usr/bin/env node
// Runs the compiled CLI (npm ci builds it through the `prepare` script).
import { existsSync } from 'node:fs';

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
const { main } = await import(entry.href);
// exitCode, not exit(): piped output is flushed before the process ends.
process.exitCode = await main(process.argv);
