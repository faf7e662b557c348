// JUnit XML, as Jenkins and GitLab read it: one testsuite per entity, one testcase per indicator (and tier).
// fail → <failure> with target, actual and gap; missing → <error> when --fail-on missing, else <skipped>;
// manual, pending, waived and na → <skipped> with the reason. Written one entity at a time.
import type { Formatter, RenderOptions, Report, Sink } from '../types.js';
import type { Result } from '../../engine/types.js';
import { words, type Words } from '../../i18n/words.js';

/** Text for an XML attribute or element: escaped, and without the control characters XML 1.0 forbids. */
export function xml(text: unknown): string {
  return String(text ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const LABELS = {
  zh: { target: '目标', actual: '实际', gap: '差距', reason: '原因', waived: (why: string, by: string, until: string) => `已豁免：${why}（批准：${by}，有效期至 ${until}）` },
  en: { target: 'target', actual: 'actual', gap: 'gap', reason: 'reason', waived: (why: string, by: string, until: string) => `waived: ${why} (approved by ${by}, until ${until})` },
};

function testcase(r: Result, w: Words, failOn: RenderOptions['failOn'], tiers: number): string {
  const l = LABELS[w.lang];
  const name = `${r.indicator.id} ${w.title(r.indicator)}${tiers > 1 ? ` [${w.tier(r.tier)}]` : ''}`;
  const classname = `${w.standard.id}.${r.indicator.category.join('.')}`;
  const detail = [`${l.target}: ${w.target(r.target)}`, `${l.actual}: ${w.actual(r.actual)}`, ...(w.gap(r) ? [`${l.gap}: ${w.gap(r)}`] : [])].join('\n');
  const open = `    <testcase classname="${xml(classname)}" name="${xml(name)}"`;
  const reason = w.reasons(r.reasons).join(w.lang === 'en' ? '; ' : '；');
  switch (r.status) {
    case 'pass':
      return `${open}/>\n`;
    case 'fail':
      return `${open}>\n      <failure type="fail" message="${xml(w.gap(r) || w.status('fail'))}">${xml(detail)}</failure>\n    </testcase>\n`;
    case 'missing':
      return failOn === 'missing'
        ? `${open}>\n      <error type="missing" message="${xml(reason || w.status('missing'))}">${xml(detail)}</error>\n    </testcase>\n`
        : `${open}>\n      <skipped type="missing" message="${xml(reason || w.status('missing'))}"/>\n    </testcase>\n`;
    case 'waived': {
      const x = r.waived!.waiver;
      return `${open}>\n      <skipped type="waived" message="${xml(l.waived(x.reason, x.by, x.expires))}"/>\n    </testcase>\n`;
    }
    default:
      return `${open}>\n      <skipped type="${r.status}" message="${xml(reason || w.status(r.status))}"/>\n    </testcase>\n`;
  }
}

async function suites(results: Iterable<Result> | AsyncIterable<Result>, w: Words, options: RenderOptions, tiers: number, sink: Sink): Promise<void> {
  sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`dabiao ${w.standard.id}`)}">\n`);
  let current: string | undefined;
  let cases: string[] = [];
  const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let suiteName = '';
  const flush = () => {
    if (current === undefined) return;
    sink.write(`  <testsuite name="${xml(suiteName)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">\n${cases.join('')}  </testsuite>\n`);
    cases = [];
    Object.assign(counts, { tests: 0, failures: 0, errors: 0, skipped: 0 });
  };
  for await (const r of results) {
    const key = r.path.join('/');
    if (key !== current) {
      flush();
      current = key;
      suiteName = `${r.path.join(' › ')} (${w.level(r.level)})`;
    }
    const c = testcase(r, w, options.failOn, tiers);
    counts.tests++;
    if (r.status === 'fail') counts.failures++;
    else if (r.status === 'missing' && options.failOn === 'missing') counts.errors++;
    else if (r.status !== 'pass') counts.skipped++;
    cases.push(c);
  }
  flush();
  sink.write('</testsuites>\n');
}

async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const w = words(report.evaluation.standard, options.lang);
  await suites(report.evaluation.results, w, options, report.evaluation.tiers.length, sink);
}

async function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const w = words(report.evaluation.standard, options.lang);
  await suites(report.gaps.items.map((i) => i.result), w, options, report.evaluation.tiers.length, sink);
}

export const junit: Formatter = { check, gaps };
