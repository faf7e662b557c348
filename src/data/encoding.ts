// Text encodings of data files: UTF-8 (with or without BOM) or GBK/GB18030, as Excel on Chinese Windows writes.
import iconv from 'iconv-lite';

import type { EncodingChoice } from './choices.js';
export { ENCODINGS, type EncodingChoice } from './choices.js';

/** Decodes a whole file. With `auto`, a file that is valid UTF-8 throughout is UTF-8, anything else GB18030. */
export function decode(bytes: Uint8Array, choice: EncodingChoice = 'auto'): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const enc = choice === 'auto' ? detect(buf) : choice;
  // iconv-lite strips a BOM by default.
  return { text: iconv.decode(buf, enc === 'utf8' ? 'utf8' : enc), encoding: enc };
}

function detect(buf: Buffer): Exclude<EncodingChoice, 'auto'> {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}
