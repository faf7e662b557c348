// dabiao gaps, the work: what falls short, grouped as asked; returns the exit code.
import { exitCodeFor } from '../../engine/exit-code.js';
import type { Result } from '../../engine/types.js';
import { gapList } from '../../engine/gaps.js';
import { run } from '../session.js';
import { inputsOf, refuseBinaryToTerminal, writeReport } from '../output.js';
import { outputTarget } from '../write-target.js';
import type { Terminal } from '../terminal.js';
import type { GapsOptions } from '../commands/gaps.js';

export async function runGaps(files: string[], opts: GapsOptions, term: Terminal): Promise<number> {
  const inputs = inputsOf(files, opts);
  outputTarget(opts.output, inputs);
  refuseBinaryToTerminal(opts.format, opts.output, term.stdoutIsTTY ?? false);
  const session = await run(files, opts, term);
  const { evaluation } = session;
  // Only what is short (or pending, or waived) is kept for the list; a pass is counted and let go.
  const kept: Result[] = [];
  for await (const r of evaluation.results) if (r.status !== 'pass' && r.status !== 'na') kept.push(r);
  const gaps = gapList(session.standard, kept, opts.by, evaluation.waivers, session.expiredWaivers);
  await writeReport({ kind: 'gaps', gaps, evaluation: { ...evaluation, results: kept }, warnings: session.warnings, inputs: session.inputs }, opts, term, inputs);
  return exitCodeFor(session.ledger.totals, opts.failOn);
}
