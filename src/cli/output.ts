// Rendering a report to stdout or to -o FILE (written whole, or not at all).
import type { Report } from '../report/types.js';
import { formatters, stringSink, type Format } from '../report/index.js';
import { UsageError } from './errors.js';
import { say } from '../i18n/message.js';
import { writeFileAtomic } from './io.js';
import type { Terminal } from './terminal.js';

export interface OutputOptions {
  format: Format;
  output?: string;
  color?: boolean;
}

export async function writeReport(report: Report, opts: OutputOptions, term: Terminal): Promise<void> {
  const render = formatters[opts.format][report.kind] as ((r: Report, o: object, s: object) => void | Promise<void>) | undefined;
  if (!render) throw new UsageError(say(`--format ${opts.format} 不能输出 ${report.kind} 报告`, `--format ${opts.format} cannot render a ${report.kind} report`));
  const sink = stringSink();
  await render(report, { lang: term.lang, color: opts.output ? false : (opts.color ?? true) && term.color, width: term.width }, sink);
  if (opts.output) writeFileAtomic(opts.output, sink.text());
  else term.stdout(sink.text());
}
