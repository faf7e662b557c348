// "Did you mean …?" for names people mistype: headers, metric keys, entity names.
import { distance } from 'fastest-levenshtein';
import { say, type Message } from '../i18n/message.js';

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

/** A hint to append to a message: （是否应为“X”？） / (did you mean "X"?); empty in both when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): Message {
  return hintFor(suggest(input, candidates));
}

/** The same hint for a name already suggested (or none). */
export function hintFor(suggested: string | undefined): Message {
  return suggested ? say(`（是否应为“${suggested}”？）`, ` (did you mean "${suggested}"?)`) : say('', '');
}
