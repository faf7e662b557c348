// dabiao standards list | show <id> [indicator]
import { Command, Option } from 'commander';
import { builtinIds, readStandard } from '../io.js';
import type { Terminal } from '../terminal.js';
import { parseIndicators } from '../options.js';
import { say } from '../../i18n/message.js';
import { showIndicator, showStandard, standardJson } from '../../report/standard-text.js';

export function standardsCommand(term: Terminal): Command {
  const cmd = new Command('standards').description('list the built-in standards, or show one');
  cmd
    .command('list')
    .description('list the built-in standards')
    .addOption(new Option('-f, --format <format>').choices(['table', 'json']).default('table'))
    .action((opts: { format: 'table' | 'json' }) => {
      const all = builtinIds().map((id) => readStandard(id));
      if (opts.format === 'json') {
        term.stdout(`${JSON.stringify(all.map((s) => ({ id: s.id, title: s.title, issuer: s.issuer, date: s.document.date, indicators: s.indicators.length, levels: s.levels.map((l) => l.name), tiers: s.tiers.map((t) => t.id) })), null, 2)}\n`);
        return;
      }
      term.stdout(all.map((s) => `${s.id.padEnd(12)} ${s.title}（${s.issuer}，${s.document.date}）— ${s.indicators.length} 项；层级 ${s.levels.map((l) => l.name).join(' → ')}；目标 ${s.tiers.map((t) => t.name).join(' / ')}`).join('\n') + '\n');
    });
  cmd
    .command('show')
    .description('show a standard (or one indicator): source text, targets, metrics, responsible units')
    .argument('<standard>', 'built-in id or rule file')
    .argument('[indicator]', 'indicator id')
    .addOption(new Option('-f, --format <format>').choices(['text', 'json']).default('text'))
    .action((ref: string, indicatorId: string | undefined, opts: { format: 'text' | 'json' }) => {
      const std = readStandard(ref);
      const id = indicatorId ? parseIndicators(std, [indicatorId], say('指标', 'indicator'))![0] : undefined;
      if (opts.format === 'json') {
        const full = standardJson(std);
        term.stdout(`${JSON.stringify(id ? full.indicators.find((i) => i.id === id) : full, null, 2)}\n`);
      } else {
        term.stdout(id ? showIndicator(std, std.indicators.find((i) => i.id === id)!, term.lang) : showStandard(std, term.lang));
      }
    });
  return cmd;
}
