// The dabiao command line: the only place that touches argv, the process and exit codes.
import { Command, CommanderError } from 'commander';
import { checkCommand } from './commands/check.js';
import { gapsCommand } from './commands/gaps.js';
import { compareCommand } from './commands/compare.js';
import { standardsCommand } from './commands/standards.js';
import { templateCommand } from './commands/template.js';
import { validateStandardCommand } from './commands/validate-standard.js';
import { VERSION } from '../version.js';
import type { Terminal } from './terminal.js';
import { isLang, LANGS } from '../i18n/lang.js';
import { Option } from 'commander';
import { OutputClosed, writeStdout } from './stdout.js';

export async function main(argv: string[]): Promise<number> {
  const envLang = process.env.DABIAO_LANG;
  if (envLang && !isLang(envLang)) {
    // The language is what is wrong, so this one line says it in both.
    process.stderr.write(`dabiao: DABIAO_LANG="${envLang}": 语言只能是 ${LANGS.join('、')}; languages are ${LANGS.join(', ')}\n`);
    return 2;
  }
  const term: Terminal = {
    lang: isLang(envLang) ? envLang : 'zh',
    stdout: writeStdout,
    stderr: (l) => process.stderr.write(`${l}\n`),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    progress: Boolean(process.stderr.isTTY) && !process.env.CI,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== ''),
    width: process.stdout.columns || Number(process.env.COLUMNS) || 140,
    exitCode: 0,
    today: () => new Date(),
  };
  const program = new Command('dabiao')
    .description('dabiao (达标) — check district data against public-culture service standards')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError();
  for (const make of [checkCommand, gapsCommand, compareCommand, standardsCommand, templateCommand, validateStandardCommand]) {
    program.addCommand(make(term).exitOverride());
  }
  // --lang on every command (dabiao check --lang en …), overriding DABIAO_LANG.
  const withLang = (c: Command) => c.addOption(new Option('--lang <lang>', 'language of the output: zh (default) or en; or set DABIAO_LANG').choices(LANGS));
  program.commands.forEach((c) => {
    if (c.commands.length) c.commands.forEach((s) => withLang(s.exitOverride()));
    else withLang(c);
  });
  program.hook('preAction', (_, action) => {
    const lang = action.opts().lang as string | undefined;
    if (isLang(lang)) term.lang = lang;
  });
  try {
    await program.parseAsync(argv);
    return term.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is bad usage.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof OutputClosed) return term.exitCode;
    // The program's name starts every line in both languages: scripts look for it.
    const { describeError } = await import('./describe-error.js');
    const lines = describeError(e, term.lang);
    if (lines) {
      for (const l of lines) process.stderr.write(`dabiao: ${l}\n`);
      return 2;
    }
    const what = (e as Error)?.message ?? String(e);
    process.stderr.write(`dabiao: ${term.lang === 'en' ? `internal error: ${what}` : `内部错误：${what}`}\n`);
    if (process.env.DABIAO_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    return 70;
  }
}
