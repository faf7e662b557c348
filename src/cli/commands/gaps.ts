// dabiao gaps: what needs action before an inspection, by responsible unit, indicator or entity.
import { Command, Option } from 'commander';
import { FAIL_ON, type FailOn } from '../../engine/exit-code.js';
import { GAP_GROUPS, type GapGroupBy } from '../../engine/gaps.js';
import { formatsFor, type Format } from '../../report/formats.js';
import { withRunOptions, type RunOptions } from '../run-options.js';
import type { Terminal } from '../terminal.js';

export interface GapsOptions extends RunOptions {
  by: GapGroupBy;
  format: Format;
  failOn: FailOn;
  output?: string;
  color?: boolean;
}

export function gapsCommand(term: Terminal): Command {
  return withRunOptions(
    new Command('gaps')
      .description('list what falls short — fail, missing, manual without evidence, overdue — with responsible units and deadlines')
      .argument('<data...>', 'data files (.csv, .json; "-" for stdin with --input-format)'),
  )
    .addOption(new Option('--by <group>', 'one section per responsible unit, indicator or entity').choices(GAP_GROUPS).default('owner'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsFor('gaps')).default('table'))
    .addOption(new Option('--fail-on <status>', 'exit 1 when a result is at or above this').choices(FAIL_ON).default('fail'))
    .option('-o, --output <file>', 'write the gap list to a file (whole, or not at all)')
    .option('--no-color', 'no colour in table output')
    .action(async (files: string[], opts: GapsOptions) => {
      const { runGaps } = await import('../actions/gaps.js');
      term.exitCode = await runGaps(files, opts, term);
    });
}
