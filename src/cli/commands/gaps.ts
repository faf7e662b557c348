// dabiao gaps: what needs action before an inspection, by responsible unit, indicator or entity.
import { Command, Option } from 'commander';
import { exitCodeFor, FAIL_ON, type FailOn } from '../../engine/exit-code.js';
import type { Result } from '../../engine/types.js';
import { GAP_GROUPS, gapList, type GapGroupBy } from '../../engine/gaps.js';
import { formatsFor, type Format } from '../../report/index.js';
import { withRunOptions, type RunOptions } from '../run-options.js';
import { run } from '../session.js';
import { inputsOf, writeReport } from '../output.js';
import { outputTarget } from '../write-target.js';
import type { Terminal } from '../terminal.js';

interface GapsOptions extends RunOptions {
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
      const inputs = inputsOf(files, opts);
      outputTarget(opts.output, inputs);
      const session = await run(files, opts, term);
      const { evaluation } = session;
      // Only what is short (or pending, or waived) is kept for the list; a pass is counted and let go.
      const kept: Result[] = [];
      for await (const r of evaluation.results) if (r.status !== 'pass' && r.status !== 'na') kept.push(r);
      const gaps = gapList(session.standard, kept, opts.by, evaluation.waivers, session.expiredWaivers);
      await writeReport({ kind: 'gaps', gaps, evaluation: { ...evaluation, results: kept }, warnings: session.warnings, inputs: session.inputs }, opts, term, inputs);
      term.exitCode = exitCodeFor(session.ledger.totals, opts.failOn);
    });
}
