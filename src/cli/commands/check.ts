// dabiao check: load a standard and data, evaluate, print a report, return the exit code.
import { Command, Option } from 'commander';
import { FAIL_ON, type FailOn } from '../../engine/exit-code.js';
import { STATUSES } from '../../engine/types.js';
import { formatsFor, type Format } from '../../report/formats.js';
import { collect, withRunOptions, type RunOptions } from '../run-options.js';
import type { Terminal } from '../terminal.js';

export interface CheckOptions extends RunOptions {
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
      const { runCheck } = await import('../actions/check.js');
      term.exitCode = await runCheck(files, opts, term);
    });
}
