// dabiao validate-standard: lint a rule file; every problem as file:line:col.
import { Command } from 'commander';
import { readStandard } from '../io.js';
import type { Terminal } from '../terminal.js';

export function validateStandardCommand(term: Terminal): Command {
  return new Command('validate-standard')
    .description('check a rule file and report every problem as file:line:col')
    .argument('<file>', 'rule file (.yaml) or built-in id')
    .action((file: string) => {
      const std = readStandard(file);
      const checks = std.indicators.length;
      term.stdout(`ok: ${file} — ${std.id}《${std.title}》: ${checks} indicators, ${std.metrics.length} metrics, ${std.levels.length} levels, tiers ${std.tiers.map((t) => t.id).join('/')}\n`);
    });
}
