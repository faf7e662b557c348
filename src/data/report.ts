// How the data layer reports problems: errors stop the run, warnings do not. Both name file, line, column.
import type { Message } from '../i18n/message.js';
import type { DataWarning } from './records.js';

export type ErrFn = (file: string, line: number | undefined, col: number | undefined, message: Message) => void;

export interface Report {
  err: ErrFn;
  warn(w: DataWarning): void;
}
