// Display width, measured once per text. string-width strips ANSI codes and walks graphemes on every call; a
// table of 300,000 results asks for the same few thousand texts millions of times. Printable ASCII is one column
// a character, so its width is its length and it is not measured at all.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LIMIT = 50_000;

export function memoisedWidth(measure: (text: string) => number): (text: string) => number {
  const widths = new Map<string, number>();
  return (text: string) => {
    if (typeof text !== 'string') return measure(text);
    if (PRINTABLE_ASCII.test(text)) return text.length;
    let w = widths.get(text);
    if (w === undefined) {
      if (widths.size >= LIMIT) widths.clear();
      widths.set(text, (w = measure(text)));
    }
    return w;
  };
}
