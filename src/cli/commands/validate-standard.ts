// dabiao validate-standard: lint a rule file; every problem as file:line:col. Errors exit 2; warnings are
// printed and, with --strict, exit 1.
import { Command } from 'commander';
import { readStandard } from '../io.js';
import { formatProblem } from '../../standard/load.js';
import { say } from '../../i18n/message.js';
import type { Terminal } from '../terminal.js';

export function validateStandardCommand(term: Terminal): Command {
  return new Command('validate-standard')
    .description('check a rule file and report every problem as file:line:col')
    .argument('<file>', 'rule file (.yaml) or built-in id')
    .option('--strict', 'exit 1 when there are warnings')
    .action((file: string, opts: { strict?: boolean }) => {
      const std = readStandard(file);
      const warnings = std.warnings ?? [];
      for (const w of warnings) term.stderr(formatProblem({ ...w, message: say(`警告：${w.message.zh}`, `warning: ${w.message.en}`) }, 'en'));
      const checks = std.indicators.length;
      term.stdout(`ok: ${file} — ${std.id}《${std.title}》: ${checks} indicators, ${std.metrics.length} metrics, ${std.levels.length} levels, tiers ${std.tiers.map((t) => t.id).join('/')}${warnings.length ? `; ${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : ''}\n`);
      if (opts.strict && warnings.length) term.exitCode = 1;
    });
}
