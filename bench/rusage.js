// Preloaded with `node --import` when GNU time is missing: on exit, writes this process's peak RSS (KiB)
// to the file named by BENCH_RUSAGE_FILE. A process that crashes (e.g. out of memory) writes nothing.
import fs from 'node:fs';

const out = process.env.BENCH_RUSAGE_FILE;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
