// A progress bar on stderr while large inputs are read: bytes, rows per second, time left. Only for a person at
// a terminal — never when stderr is a pipe or a file, under CI, or with --quiet — and only when the inputs are
// big enough to wait for.
import fs from 'node:fs';
import type { Source } from '../data/source.js';
import type { Terminal } from './terminal.js';

/** Inputs smaller than this are read before a bar would be worth drawing. */
export const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

export interface Progress {
  update(source: Source, rows: number): void;
  stop(): void;
}

export async function progressBar(term: Terminal, files: string[], quiet = false): Promise<Progress | undefined> {
  if (quiet || !term.progress) return undefined;
  const sizes = files.map((f) => (f === '-' ? 0 : fs.statSync(f).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < PROGRESS_MIN_BYTES) return undefined;
  const { SingleBar } = await import('cli-progress');
  const en = term.lang === 'en';
  const bar = new SingleBar({
    stream: process.stderr,
    format: en
      ? ' {bar} {percentage}% | {done}/{all} MB | {rows} rows, {rate} rows/s | {eta_formatted} left'
      : ' {bar} {percentage}% | {done}/{all} MB | {rows} 行，每秒 {rate} 行 | 还需 {eta_formatted}',
    barsize: 30,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 5,
  });
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const started = Date.now();
  let before = 0; // bytes of the files already read
  let current: Source | undefined;
  let rowsBefore = 0;
  let rowsNow = 0;
  let running = false;
  return {
    update(source, rows) {
      if (source !== current) {
        if (current) {
          before += current.progress?.().total ?? 0;
          rowsBefore += rowsNow;
        }
        current = source;
      }
      rowsNow = rows;
      const done = Math.min(total, before + (source.progress?.().done ?? 0));
      const allRows = rowsBefore + rowsNow;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const payload = { done: mb(done), all: mb(total), rows: allRows.toLocaleString('en-US'), rate: Math.round(allRows / seconds).toLocaleString('en-US') };
      if (!running) {
        bar.start(total, done, payload);
        running = true;
      } else bar.update(done, payload);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
