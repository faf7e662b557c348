// dabiao check, the work: standard → data → evaluation → report; returns the exit code.
import { exitCodeFor } from '../../engine/exit-code.js';
import { STATUSES, type Status } from '../../engine/types.js';
import { inputsOf, refuseBinaryToTerminal, writeReport } from '../output.js';
import { outputTarget } from '../write-target.js';
import { UsageError } from '../errors.js';
import { say } from '../../i18n/message.js';
import { run } from '../session.js';
import type { Terminal } from '../terminal.js';
import type { CheckOptions } from '../commands/check.js';

function parseStatuses(list: string[] | undefined): Set<Status> | undefined {
  if (!list?.length) return undefined;
  for (const s of list) {
    if (!(STATUSES as readonly string[]).includes(s)) throw new UsageError(say(`--status “${s}”：状态有 ${STATUSES.join('、')}`, `--status "${s}": statuses are ${STATUSES.join(', ')}`));
  }
  return new Set(list as Status[]);
}

export async function runCheck(files: string[], opts: CheckOptions, term: Terminal): Promise<number> {
  const shown = parseStatuses(opts.status);
  const inputs = inputsOf(files, opts);
  // A bad -o is refused before any work.
  outputTarget(opts.output, inputs);
  refuseBinaryToTerminal(opts.format, opts.output, term.stdoutIsTTY ?? false);
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
