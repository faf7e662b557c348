// "Did you mean …?" for names people mistype: headers, metric keys, entity names.
import { distance } from 'fastest-levenshtein';

export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.normalize('NFKC').toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(needle, c.normalize('NFKC').toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  // Chinese labels are short: one wrong character in three is a plausible typo; in one or two, a different word.
  const limit = needle.length <= 2 ? 0 : Math.max(1, Math.floor(needle.length / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  return s ? ` (did you mean "${s}"?)` : '';
}
