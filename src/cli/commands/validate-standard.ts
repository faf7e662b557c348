// dabiao validate-standard: lint a rule file; every problem as file:line:col. Errors exit 2; warnings are
// printed and, with --strict, exit 1.
import { Command } from 'commander';
import { say } from '../../i18n/message.js';
import type { Terminal } from '../terminal.js';

export function validateStandardCommand(term: Terminal): Command {
  return new Command('validate-standard')
    .description('check a rule file and report every problem as file:line:col')
    .argument('<file>', 'rule file (.yaml) or built-in id')
    .option('--strict', 'exit 1 when there are warnings')
    .action(async (file: string, opts: { strict?: boolean }) => {
      const [{ readStandard }, { formatProblem }] = await Promise.all([import('../io.js'), import('../../standard/load.js')]);
      const std = await readStandard(file, { compiled: false });
      const warnings = std.warnings ?? [];
      for (const w of warnings) term.stderr(formatProblem({ ...w, message: say(`警告：${w.message.zh}`, `warning: ${w.message.en}`) }, term.lang));
      const [checks, metrics, levels, tiers, n] = [std.indicators.length, std.metrics.length, std.levels.length, std.tiers.map((t) => t.id).join('/'), warnings.length];
      const ok = say(
        `通过：${file} — ${std.id}《${std.title}》：${checks} 项指标，${metrics} 个数据项，${levels} 个层级，目标层级 ${tiers}${n ? `；${n} 条警告` : ''}`,
        `ok: ${file} — ${std.id}《${std.title}》: ${checks} indicators, ${metrics} metrics, ${levels} levels, tiers ${tiers}${n ? `; ${n} warning${n > 1 ? 's' : ''}` : ''}`,
      );
      term.stdout(`${ok[term.lang]}\n`);
      if (opts.strict && warnings.length) term.exitCode = 1;
    });
}
