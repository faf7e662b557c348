// How the data layer reports problems: errors stop the run, warnings do not. Both name file, line, column.
export type ErrFn = (file: string, line: number | undefined, col: number | undefined, message: string) => void;

export interface Report {
  err: ErrFn;
  warn(w: { file: string; line?: number; col?: number; message: string }): void;
}
