// What the commands may know about where they run; main.ts fills it from the process.
export interface Terminal {
  stdout(text: string): void;
  stderr(line: string): void;
  color: boolean;
  width: number;
  exitCode: number;
}
