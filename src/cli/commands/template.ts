// dabiao template: a blank data sheet for one level, header plus one row per known (or example) entity.
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { say } from '../../i18n/message.js';
import { UsageError } from '../errors.js';
import type { Terminal } from '../terminal.js';

export function templateCommand(term: Terminal): Command {
  return new Command('template')
    .description('print a blank data file an analyst can fill in')
    .requiredOption('-s, --standard <id|file>', 'built-in standard id or rule file')
    .option('-l, --level <level>', 'level of the sheet (default: the top level)')
    .addOption(new Option('-f, --format <format>').choices(['csv', 'json']).default('csv'))
    .option('-o, --output <file>', 'write to a file instead of stdout (an existing file only with --force)')
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { standard: string; level?: string; format: 'csv' | 'json'; output?: string; force?: boolean }) => {
      const [{ readStandard }, { parseLevel }, { writeText }, { templateCsv, templateJson }] = await Promise.all([
        import('../io.js'),
        import('../options.js'),
        import('../write-target.js'),
        import('../../report/template.js'),
      ]);
      const std = await readStandard(opts.standard);
      const level = parseLevel(std, opts.level) ?? std.levels[0]!.id;
      const text = opts.format === 'json' ? templateJson(std, level) : templateCsv(std, level);
      // A filled-in sheet is hours of an analyst's work: never overwritten by a blank one unless asked.
      if (opts.output && opts.output !== '-' && !opts.force && fs.existsSync(opts.output) && fs.statSync(opts.output).isFile()) {
        throw new UsageError(say(`${opts.output} 已存在；dabiao 不会用空白表覆盖它（要替换请加 --force）`, `${opts.output} already exists; dabiao will not overwrite it with a blank sheet (use --force to replace it)`));
      }
      if (opts.output) writeText(opts.output, text, /[\\/]|\.ya?ml$/i.test(opts.standard) ? [opts.standard] : [], term.stdout);
      else term.stdout(text);
    });
}
