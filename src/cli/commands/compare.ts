// dabiao compare: two submissions (data files, or saved JSON reports) — what improved and what got worse.
import { Command, Option } from 'commander';
import { formatsFor, type Format } from '../../report/formats.js';
import { withRunOptions, type RunOptions } from '../run-options.js';
import type { Terminal } from '../terminal.js';

export interface CompareOptions extends RunOptions {
  format: Format;
  failOn: 'regression' | 'never';
  output?: string;
  color?: boolean;
}

export function compareCommand(term: Terminal): Command {
  return withRunOptions(
    new Command('compare')
      .description('compare two submissions: improved, regressed, newly passing or failing, unchanged')
      .argument('<old>', 'the earlier submission: data files (comma-separated), a folder of them, or a saved JSON report')
      .argument('<new>', 'the later submission, in any of the same forms'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsFor('compare')).default('table'))
    .addOption(new Option('--fail-on <what>', 'exit 1 when anything got worse (regression)').choices(['regression', 'never']).default('never'))
    .option('-o, --output <file>', 'write the comparison to a file (whole, or not at all)')
    .option('--no-color', 'no colour in table output')
    .action(async (before: string, after: string, opts: CompareOptions) => {
      const { runCompare } = await import('../actions/compare.js');
      term.exitCode = await runCompare(before, after, opts, term);
    });
}
