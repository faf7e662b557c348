// dabiao template: a blank data sheet for one level, header plus one row per known (or example) entity.
import { Command, Option } from 'commander';
import { readStandard, writeFileAtomic } from '../io.js';
import { parseLevel } from '../options.js';
import type { Terminal } from '../terminal.js';
import { templateCsv, templateJson } from '../../report/template.js';

export function templateCommand(term: Terminal): Command {
  return new Command('template')
    .description('print a blank data file an analyst can fill in')
    .requiredOption('-s, --standard <id|file>', 'built-in standard id or rule file')
    .option('-l, --level <level>', 'level of the sheet (default: the top level)')
    .addOption(new Option('-f, --format <format>').choices(['csv', 'json']).default('csv'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((opts: { standard: string; level?: string; format: 'csv' | 'json'; output?: string }) => {
      const std = readStandard(opts.standard);
      const level = parseLevel(std, opts.level) ?? std.levels[0]!.id;
      const text = opts.format === 'json' ? templateJson(std, level) : templateCsv(std, level);
      if (opts.output) writeFileAtomic(opts.output, text);
      else term.stdout(text);
    });
}
