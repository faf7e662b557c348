// A file (or stdin) as a stream of text, decoded as it is read: UTF-8 (with or without BOM), UTF-16LE with its BOM,
// or GB18030 as Excel on Chinese Windows writes. With `auto` the first chunk decides: a BOM names the encoding,
// else valid UTF-8 is UTF-8 and anything else GB18030. A file that starts as UTF-8 and breaks it later cannot be
// decoded as it goes: `EncodingSwitch` then asks the caller to read it again as GB18030.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { EncodingChoice } from './encoding.js';

export class EncodingSwitch extends Error {
  constructor(
    readonly file: string,
    readonly byte: number,
  ) {
    super(`${file}: not valid UTF-8 at byte ${byte}`);
    this.name = 'EncodingSwitch';
  }
}

export interface TextStream {
  encoding: Exclude<EncodingChoice, 'auto'>;
  chunks: AsyncIterable<string>;
  /** Bytes read so far, and in all (0 when unknown, as for stdin). */
  progress(): { done: number; total: number };
}

const FIRST = 1 << 20;
const CHUNK = 1 << 16;

/** The bytes of a file (or "-" for stdin) in chunks of about 64 KB. */
async function* bytes(file: string, counter: { done: number }): AsyncGenerator<Buffer> {
  const stream = file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: CHUNK });
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    counter.done += b.length;
    yield b;
  }
}

function detect(head: Buffer): Exclude<EncodingChoice, 'auto'> {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

export async function openText(file: string, choice: EncodingChoice): Promise<TextStream> {
  const counter = { done: 0 };
  const total = file === '-' ? 0 : fs.statSync(file).size;
  const source = bytes(file, counter);
  // Gather a first chunk big enough to judge the encoding by.
  const head: Buffer[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < FIRST) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headSize += next.value.length;
  }
  const first = Buffer.concat(head, headSize);
  const encoding = choice === 'auto' ? detect(first) : choice;
  async function* all(): AsyncGenerator<Buffer> {
    yield first;
    if (!ended) yield* source;
  }
  return { encoding, chunks: decodeChunks(all(), encoding, file, choice === 'auto'), progress: () => ({ done: counter.done, total }) };
}

async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: Exclude<EncodingChoice, 'auto'>, file: string, detected: boolean): AsyncGenerator<string> {
  if (encoding === 'utf8') {
    // Strict, so that a file that turns out not to be UTF-8 is read again rather than garbled.
    const decoder = new TextDecoder('utf-8', { fatal: detected, ignoreBOM: false });
    let offset = 0;
    for await (const b of chunks) {
      try {
        yield decoder.decode(b, { stream: true });
      } catch {
        throw new EncodingSwitch(file, offset);
      }
      offset += b.length;
    }
    yield decoder.decode();
    return;
  }
  // iconv-lite strips a BOM by default.
  const decoder = iconv.getDecoder(encoding);
  for await (const b of chunks) yield decoder.write(b);
  const rest = decoder.end();
  if (rest) yield rest;
}
