// Run after `tsc` (npm run build): validates every built-in standard and writes its normalised form as JSON, with
// an index for `standards list`. At run time dabiao reads the JSON, not the YAML: start-up is not spent parsing
// and re-validating 4,000 lines of rule files on every command. A built-in with any error or warning fails the build.
import fs from 'node:fs';
import path from 'node:path';
import { loadStandardText, formatProblem, RuleFileError } from './load.js';
import { BUILT_DIR, STANDARDS_DIR, isBuiltinFileName, summaryOf, type BuiltinSummary } from './builtins.js';

function main(): number {
  fs.mkdirSync(BUILT_DIR, { recursive: true });
  const index: BuiltinSummary[] = [];
  let failed = false;
  for (const name of fs.readdirSync(STANDARDS_DIR).filter(isBuiltinFileName).sort()) {
    const id = name.replace(/\.yaml$/, '');
    const file = path.join('standards', name);
    try {
      const std = loadStandardText(fs.readFileSync(path.join(STANDARDS_DIR, name), 'utf8'), file, `built-in:${id}`);
      for (const w of std.warnings ?? []) {
        console.error(`warning: ${formatProblem(w, 'en')}`);
        failed = true;
      }
      fs.writeFileSync(path.join(BUILT_DIR, `${id}.json`), JSON.stringify(std));
      index.push(summaryOf(std));
    } catch (e) {
      if (!(e instanceof RuleFileError)) throw e;
      for (const p of e.problems) console.error(formatProblem(p, 'en'));
      failed = true;
    }
  }
  fs.writeFileSync(path.join(BUILT_DIR, 'index.json'), JSON.stringify(index));
  return failed ? 1 : 0;
}

process.exitCode = main();
