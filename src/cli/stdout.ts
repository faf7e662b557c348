// Writing to stdout as a file descriptor, synchronously. process.stdout on a pipe is asynchronous: what the reader
// has not taken yet queues in memory, and a report of a million villages piped to a slow reader grew to gigabytes
// and died with ENOBUFS. A blocking write makes the report wait for its reader instead. When the pipe is
// non-blocking (Node opens it so), a full pipe answers EAGAIN: wait a moment and write again.
import fs from 'node:fs';

const FD = 1;
const PAUSE_MS = 1;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** The reader went away (`dabiao check … | head`): not an error, the run just stops. */
export class OutputClosed extends Error {
  constructor() {
    super('stdout closed');
    this.name = 'OutputClosed';
  }
}

export function writeStdout(chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  let done = 0;
  while (done < bytes.byteLength) {
    try {
      done += fs.writeSync(FD, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, PAUSE_MS);
      else if (code === 'EPIPE') throw new OutputClosed();
      else throw e;
    }
  }
}
