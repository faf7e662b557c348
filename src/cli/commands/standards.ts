// dabiao standards list | show <id> [indicator]
import { Command, Option } from 'commander';
import type { Terminal } from '../terminal.js';
import { say } from '../../i18n/message.js';
import { builtinIndex, summaryOf, type BuiltinSummary } from '../../standard/builtins.js';

export function standardsCommand(term: Terminal): Command {
  const cmd = new Command('standards').description('list the built-in standards, or show one');
  cmd
    .command('list')
    .description('list the built-in standards')
    .addOption(new Option('-f, --format <format>').choices(['table', 'json']).default('table'))
    .action(async (opts: { format: 'table' | 'json' }) => {
      // The build writes an index of the built-ins; reading them whole is the fallback when a rule file is newer.
      const all = builtinIndex() ?? (await summaries());
      if (opts.format === 'json') {
        const rows = all.map((s) => ({ id: s.id, title: s.title, issuer: s.issuer, date: s.date, indicators: s.indicators, levels: s.levels.map((l) => l.name), tiers: s.tiers.map((t) => t.id) }));
        term.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const en = term.lang === 'en';
      const line = (s: BuiltinSummary) =>
        en
          ? `${s.id.padEnd(12)} ${s.titleEn ?? s.title} (${s.issuer}, ${s.date}) — ${s.indicators} indicators; levels ${s.levels.map((l) => l.nameEn ?? l.name).join(' → ')}; tiers ${s.tiers.map((t) => t.nameEn ?? t.name).join(' / ')}`
          : `${s.id.padEnd(12)} ${s.title}（${s.issuer}，${s.date}）— ${s.indicators} 项；层级 ${s.levels.map((l) => l.name).join(' → ')}；目标 ${s.tiers.map((t) => t.name).join(' / ')}`;
      term.stdout(all.map(line).join('\n') + '\n');
    });
  cmd
    .command('show')
    .description('show a standard (or one indicator): source text, targets, metrics, responsible units')
    .argument('<standard>', 'built-in id or rule file')
    .argument('[indicator]', 'indicator id')
    .addOption(new Option('-f, --format <format>').choices(['text', 'json']).default('text'))
    .action(async (ref: string, indicatorId: string | undefined, opts: { format: 'text' | 'json' }) => {
      const [{ readStandard }, { parseIndicators }, { showIndicator, showStandard, standardJson }] = await Promise.all([
        import('../io.js'),
        import('../options.js'),
        import('../../report/standard-text.js'),
      ]);
      const std = await readStandard(ref);
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

async function summaries(): Promise<BuiltinSummary[]> {
  const { builtinIds, readStandard } = await import('../io.js');
  const all = await Promise.all(builtinIds().map((id) => readStandard(id)));
  return all.map(summaryOf);
}
