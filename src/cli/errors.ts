// Bad usage: a one-line message and exit code 2 (describe-error.ts says how every known error is printed).
import type { Message } from '../i18n/message.js';

/** Bad usage. `message` is the English (for stack traces and tests); `detail` has both languages. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(readonly detail: Message) {
    super(detail.en);
  }
}
