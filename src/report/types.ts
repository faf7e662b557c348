import type { Evaluation } from '../engine/evaluate.js';
import type { Lang } from '../i18n/lang.js';

export interface ReportInput {
  evaluation: Evaluation;
  /** Data warnings, already formatted as file:line:col: message. */
  warnings: string[];
  inputs: { file: string; encoding?: string }[];
  color: boolean;
  /** Terminal width for table layout. */
  width: number;
  lang: Lang;
}

export type Formatter = (input: ReportInput) => string;
