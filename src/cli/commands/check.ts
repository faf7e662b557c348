// dabiao check: load a standard and data, evaluate, print a report, return the exit code.
import path from 'node:path';
import { Command, Option } from 'commander';
import { readStandard, readTable, writeFileAtomic, type InputFormat } from '../io.js';
import { buildDataset } from '../../data/dataset.js';
import { formatWarning } from '../../data/records.js';
import { evaluate, selectIndicators } from '../../engine/evaluate.js';
import { exitCodeFor, FAIL_ON, type FailOn } from '../../engine/exit-code.js';
import { FORMATS, formatters, type Format } from '../../report/index.js';
import { ENCODINGS, type EncodingChoice } from '../../data/encoding.js';
import { parseIndicators, parseLevels, parseOnly, parseTiers, parseAsOfOption } from '../options.js';
import { UsageError } from '../errors.js';
import type { Terminal } from '../terminal.js';

interface CheckOptions {
  standard: string;
  format: Format;
  only?: string[];
  indicator?: string[];
  level?: string[];
  tier?: string;
  asOf?: string;
  failOn: FailOn;
  inputFormat?: InputFormat;
  encoding: EncodingChoice;
  output?: string;
  color?: boolean;
}

// Repeatable, comma-separated list options. (Variadic options would swallow the data files after them.)
function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(/[,，]/).map((s) => s.trim()).filter(Boolean)];
}

export function checkCommand(term: Terminal): Command {
  return new Command('check')
    .description('check data files against a standard')
    .argument('<data...>', 'data files (.csv, .json; "-" for stdin with --input-format)')
    .requiredOption('-s, --standard <id|file>', 'built-in standard id or path to a rule file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--only <class>', 'only indicators of this class (e.g. key, general); repeat or use commas', collect, [])
    .option('-i, --indicator <id>', 'only these indicators; repeat or use commas (-i GS-01,GS-13)', collect, [])
    .option('-l, --level <level>', 'judge the entities at these levels; repeat or use commas (--level 区,街道)', collect, [])
    .option('-t, --tier <tier>', 'target tier: an id from the standard, or "both"')
    .option('--as-of <YYYY[-MM]>', 'judge as of this month: year stages in force, deadlines passed or ahead (a year alone means its end)')
    .addOption(new Option('--fail-on <status>', 'exit 1 when a result is at or above this').choices(FAIL_ON).default('fail'))
    .addOption(new Option('--input-format <format>', 'data format when it cannot be told from the extension').choices(['csv', 'json']))
    .addOption(new Option('--encoding <encoding>', 'data encoding').choices(ENCODINGS).default('auto'))
    .option('-o, --output <file>', 'write the report to a file (whole, or not at all)')
    .option('--no-color', 'no colour in table output')
    .action((files: string[], opts: CheckOptions) => {
      term.exitCode = runCheck(files, opts, term);
    });
}

function runCheck(files: string[], opts: CheckOptions, term: Terminal): number {
  const standard = readStandard(opts.standard);
  const options = {
    tiers: parseTiers(standard, opts.tier),
    levels: parseLevels(standard, opts.level),
    only: parseOnly(standard, opts.only),
    indicators: parseIndicators(standard, opts.indicator),
    asOf: parseAsOfOption(opts.asOf),
  };
  if (selectIndicators(standard, options).length === 0) {
    throw new UsageError(`no indicator is both --only ${options.only!.join(',')} and --indicator ${options.indicators!.join(',')}`);
  }
  if (opts.output && files.some((f) => f !== '-' && path.resolve(f) === path.resolve(opts.output!))) {
    throw new UsageError(`--output ${opts.output} is one of the input files; dabiao never overwrites its input`);
  }
  const tables = files.map((f) => readTable(f, { inputFormat: opts.inputFormat, encoding: opts.encoding }));
  const dataset = buildDataset(standard, tables);
  const warnings = dataset.warnings.map(formatWarning);
  for (const w of warnings) term.stderr(`warning: ${w}`);

  const evaluation = evaluate(standard, dataset, options);
  if (evaluation.results.length === 0) {
    throw new UsageError(
      options.levels
        ? `nothing to check: no entity at ${opts.level!.join(', ')} in the data is judged by the selected indicators`
        : 'nothing to check: no entity in the data is at a level these indicators judge (see --level)',
    );
  }
  const report = formatters[opts.format]({
    evaluation,
    warnings,
    inputs: tables.map((t) => ({ file: t.file, encoding: t.encoding })),
    color: opts.output ? false : (opts.color ?? true) && term.color,
    width: term.width,
    lang: term.lang,
  });
  if (opts.output) writeFileAtomic(opts.output, report);
  else term.stdout(report);
  return exitCodeFor(evaluation.results.map((r) => r.status), opts.failOn);
}
