// Rendering a report to stdout or to -o FILE (written whole, or not at all).
import type { Report } from '../report/types.js';
import { BINARY, formatters, stringSink, type Format } from '../report/index.js';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './io.js';
import type { Terminal } from './terminal.js';

export interface OutputOptions {
  format: Format;
  output?: string;
  color?: boolean;
}

/** A binary format (an Excel workbook) goes to -o FILE, or to stdout only when stdout is a file or a pipe. */
export function refuseBinaryToTerminal(format: Format, output: string | undefined, stdoutIsTTY: boolean): void {
  if (BINARY.has(format) && !output && stdoutIsTTY) {
    throw new UsageError(`--format ${format} writes a binary file, not text for the terminal: add -o FILE.${format} (or redirect stdout to a file)`);
  }
}

export async function writeReport(report: Report, opts: OutputOptions, term: Terminal): Promise<void> {
  const render = formatters[opts.format][report.kind] as ((r: Report, o: object, s: object) => void | Promise<void>) | undefined;
  if (!render) throw new UsageError(`--format ${opts.format} cannot render a ${report.kind} report`);
  refuseBinaryToTerminal(opts.format, opts.output, term.stdoutIsTTY ?? false);
  const options = { lang: term.lang, color: opts.output ? false : (opts.color ?? true) && term.color, width: term.width };
  if (BINARY.has(opts.format)) {
    const chunks: Uint8Array[] = [];
    await render(report, options, { write: (c: string | Uint8Array) => void chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c)) });
    const bytes = Buffer.concat(chunks);
    if (opts.output) writeFileAtomic(opts.output, bytes);
    else term.stdout(bytes);
    return;
  }
  const sink = stringSink();
  await render(report, options, sink);
  if (opts.output) writeFileAtomic(opts.output, sink.text());
  else term.stdout(sink.text());
}
