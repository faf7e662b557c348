// What the data options offer (--input-format, --encoding), as plain data: the command line reads these without
// loading any reader.
export const INPUT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export const ENCODINGS = ['auto', 'utf8', 'gbk', 'gb18030', 'utf16le'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
