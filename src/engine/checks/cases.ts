import type { CasesCheck } from '../../standard/types.js';
import type { Actual, Evaluator } from '../types.js';
import { evaluateCheck } from '../evaluate-check.js';

// The first case whose condition holds decides. A condition that cannot be decided (its input is missing)
// leaves the whole result missing: picking a band without the data would be a guess.
export const cases: Evaluator<CasesCheck> = (check, entity, ctx) => {
  const whole = { kind: 'check', check } as const;
  for (const [i, c] of check.cases.entries()) {
    const when = evaluateCheck(c.when, entity, ctx);
    if (when.status === 'pass') {
      const then = evaluateCheck(c.then, entity, ctx);
      // The figure that picked the band (a population) is shown; a level or a yes/no condition adds nothing.
      const figure = when.check.kind === 'compare' ? when.actual : undefined;
      return { ...then, target: { kind: 'band', label: c.label, labelEn: c.labelEn, condition: when.target, then: then.target }, actual: banded(figure, then.actual), parts: [when, then], check: c.then };
    }
    // An exclusion ("a township without a station is not counted") needs its condition shown to hold; when it
    // is unknown, the entity is judged by the cases that follow.
    if ((when.status === 'missing' || when.status === 'manual') && c.then.kind === 'na') continue;
    if (when.status === 'missing' || when.status === 'manual') {
      // The band is unknown, but if every band still possible gives the same verdict, that is the verdict
      // (a 400 ㎡ station fails every floor-area band, whatever its population).
      const possible = [...check.cases.slice(i).map((x) => x.then), ...(check.otherwise ? [check.otherwise] : [])].map((t) => evaluateCheck(t, entity, ctx));
      const verdicts = new Set(possible.map((p) => p.status));
      if (verdicts.size === 1 && (verdicts.has('pass') || verdicts.has('fail'))) {
        const decided = possible[0]!;
        return { ...decided, target: whole, reasons: [{ code: 'band-unknown', condition: when.target }], check };
      }
      return { status: 'missing', target: whole, reasons: [...when.reasons, { code: 'band-unknown', condition: when.target }], check };
    }
  }
  if (check.otherwise) {
    const other = evaluateCheck(check.otherwise, entity, ctx);
    const whens = check.cases.map((c) => evaluateCheck(c.when, entity, ctx));
    // The figure that picked this band (a population, say); a yes/no that merely did not exclude it adds nothing.
    const shown = whens.filter((w) => w.check.kind === 'compare').map((w) => w.actual).find((a) => a !== undefined);
    return { ...other, actual: banded(shown, other.actual), check: check.otherwise };
  }
  return { status: 'na', target: whole, reasons: [{ code: 'no-band' }], check };
};

function banded(condition: Actual | undefined, value: Actual | undefined): Actual | undefined {
  if (condition === undefined) return value;
  return { kind: 'banded', value, condition };
}
