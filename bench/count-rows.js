#!/usr/bin/env node
// The benchmark's floor: stream a CSV file through csv-parse and count its data rows, doing nothing else.
//   node bench/count-rows.js FILE   → prints the number of rows after the header
import fs from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
// The same parser options dabiao's CSV reader uses (line info is what error messages need), so the only
// difference from a check is the checking.
const parser = fs.createReadStream(file).pipe(parse({ relax_column_count: true, skip_empty_lines: true, info: true }));
let records = 0;
parser.on('readable', () => {
  while (parser.read() !== null) records++;
});
parser.on('error', (e) => {
  process.stderr.write(`${file}: ${e.message}\n`);
  process.exitCode = 1;
});
parser.on('end', () => process.stdout.write(`${Math.max(0, records - 1)}\n`));
