// dabiao check: load a standard and data, evaluate, print a report, return the exit code.
import { Command, Option } from 'commander';
import { exitCodeFor, FAIL_ON, type FailOn } from '../../engine/exit-code.js';
import { STATUSES, type Status } from '../../engine/types.js';
import { formatsFor, type Format } from '../../report/index.js';
import { inputsOf, writeReport } from '../output.js';
import { outputTarget } from '../write-target.js';
import { UsageError } from '../errors.js';
import { say } from '../../i18n/message.js';
import { collect, withRunOptions, type RunOptions } from '../run-options.js';
import { run } from '../session.js';
import type { Terminal } from '../terminal.js';

interface CheckOptions extends RunOptions {
  format: Format;
  failOn: FailOn;
  status?: string[];
  output?: string;
  color?: boolean;
}

export function checkCommand(term: Terminal): Command {
  return withRunOptions(new Command('check').description('check data files against a standard').argument('<data...>', 'data files (.csv, .json; "-" for stdin with --input-format)'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsFor('check')).default('table'))
    .option('--status <status>', `show only results with these statuses (${STATUSES.join(', ')}); repeat or use commas`, collect, [])
    .addOption(new Option('--fail-on <status>', 'exit 1 when a result is at or above this (pending, waived, manual and na never do)').choices(FAIL_ON).default('fail'))
    .option('-o, --output <file>', 'write the report to a file (whole, or not at all)')
    .option('--no-color', 'no colour in table output')
    .action(async (files: string[], opts: CheckOptions) => {
      term.exitCode = await runCheck(files, opts, term);
    });
}

function parseStatuses(list: string[] | undefined): Set<Status> | undefined {
  if (!list?.length) return undefined;
  for (const s of list) {
    if (!(STATUSES as readonly string[]).includes(s)) throw new UsageError(say(`--status “${s}”：状态有 ${STATUSES.join('、')}`, `--status "${s}": statuses are ${STATUSES.join(', ')}`));
  }
  return new Set(list as Status[]);
}

async function runCheck(files: string[], opts: CheckOptions, term: Terminal): Promise<number> {
  const shown = parseStatuses(opts.status);
  const inputs = inputsOf(files, opts);
  outputTarget(opts.output, inputs); // refuse a bad -o before any work
  const session = await run(files, opts, term);
  const { evaluation } = session;
  // The summary counts every result; --status only chooses the rows shown.
  const view = shown ? { ...evaluation, results: only(evaluation.results, (r) => shown.has(r.status)) } : evaluation;
  await writeReport({ kind: 'check', evaluation: view, warnings: session.warnings, inputs: session.inputs }, opts, term, inputs);
  return exitCodeFor(session.ledger.totals, opts.failOn);
}

async function* only<T>(items: Iterable<T> | AsyncIterable<T>, keep: (x: T) => boolean): AsyncGenerator<T> {
  for await (const x of items) if (keep(x)) yield x;
}
