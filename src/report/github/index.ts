// GitHub Actions workflow commands: one ::error per failing result (::warning for what is missing or awaits a
// person), with file= and line= of the data cell that holds the value, so the annotation lands on the submitted
// file. --fail-on missing makes missing data an error too.
import type { Formatter, RenderOptions, Report, Sink } from '../types.js';
import type { Result } from '../../engine/types.js';
import { words, type Words } from '../../i18n/words.js';

/** Escaping of workflow commands: data (%, CR, LF) and, in properties, also : and ,. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(r: Result, w: Words, failOn: RenderOptions['failOn']): string | undefined {
  const level = r.status === 'fail' || (r.status === 'missing' && failOn === 'missing') ? 'error' : r.status === 'missing' || r.status === 'manual' ? 'warning' : undefined;
  if (!level) return undefined;
  const props = [
    ...(r.at ? [`file=${escapeProperty(r.at.file)}`, `line=${r.at.line}`, ...(r.at.col !== undefined ? [`col=${r.at.col}`] : [])] : []),
    `title=${escapeProperty(`${r.indicator.id} ${w.title(r.indicator)} — ${r.path.join(' › ')}`)}`,
  ];
  const target = w.lang === 'en' ? 'target' : '目标';
  const why = w.gap(r) || w.reasons(r.reasons).join(w.lang === 'en' ? '; ' : '；') || w.status(r.status);
  const message = `${w.status(r.status)}: ${why} (${target} ${w.target(r.target)}; ${w.lang === 'en' ? 'actual' : '实际'} ${w.actual(r.actual)})`;
  return `::${level} ${props.join(',')}::${escapeData(message)}\n`;
}

async function annotate(results: Iterable<Result> | AsyncIterable<Result>, w: Words, options: RenderOptions, sink: Sink): Promise<void> {
  for await (const r of results) {
    const line = command(r, w, options.failOn);
    if (line) sink.write(line);
  }
}

async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  await annotate(report.evaluation.results, words(report.evaluation.standard, options.lang), options, sink);
}

function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): void {
  annotate(report.gaps.items.map((i) => i.result), words(report.evaluation.standard, options.lang), options, sink);
}

export const github: Formatter = { check, gaps };
