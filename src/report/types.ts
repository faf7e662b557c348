// What every output format renders: a check, a gap list or a comparison, plus how to render it (language,
// colour, width). A formatter writes to a sink as it goes, so a report larger than one string can be written.
import type { Evaluation } from '../engine/evaluate.js';
import type { GapList } from '../engine/gaps.js';
import type { Comparison } from '../engine/compare.js';
import type { Lang } from '../i18n/lang.js';
import type { FailOn } from '../engine/exit-code.js';

export interface RunInfo {
  evaluation: Evaluation;
  /** Data warnings, already formatted as file:line:col: message. */
  warnings: string[];
  inputs: { file: string; encoding?: string }[];
}

export type Report =
  | ({ kind: 'check' } & RunInfo)
  | ({ kind: 'gaps'; gaps: GapList } & RunInfo)
  | { kind: 'compare'; comparison: Comparison; warnings: string[] };

export type ReportKind = Report['kind'];

export interface RenderOptions {
  lang: Lang;
  color: boolean;
  /** Terminal width for table layout. */
  width: number;
  /** What the run fails on (--fail-on): CI formats mark those results as errors. */
  failOn?: FailOn;
  /** --all-failures: roll-ups name every member that falls short (CSV gives them a column). */
  allFailures?: boolean;
}

/** Where a report goes: a file, stdout, or a string in tests. */
export interface Sink {
  write(chunk: string | Uint8Array): void;
}

type Render<K extends ReportKind> = (report: Extract<Report, { kind: K }>, options: RenderOptions, sink: Sink) => void | Promise<void>;

/** One format: how it renders each kind of report it supports. */
export type Formatter = { [K in ReportKind]?: Render<K> };

/** Collects what a formatter writes (for tests and small reports). */
export function stringSink(): Sink & { text(): string } {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  return {
    write: (c) => void parts.push(typeof c === 'string' ? c : decoder.decode(c)),
    text: () => parts.join(''),
  };
}
