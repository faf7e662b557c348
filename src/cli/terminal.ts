// What the commands may know about where they run; main.ts fills it from the process.
import type { Lang } from '../i18n/lang.js';

export interface Terminal {
  /** The language of everything dabiao writes: --lang, else DABIAO_LANG, else Chinese. */
  lang: Lang;
  stdout(chunk: string | Uint8Array): void;
  /** Whether stdout is a terminal (a binary format is refused there). */
  stdoutIsTTY?: boolean;
  stderr(line: string): void;
  /** Whether a progress bar may be drawn on stderr: it is a terminal, and not a CI job's. */
  progress?: boolean;
  color: boolean;
  width: number;
  exitCode: number;
  /** Today's date (the day evidence and waivers are judged on, without --as-of). */
  today(): Date;
}
