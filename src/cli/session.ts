// One run of the pipeline for a command: standard → data (+ evidence and waivers) → evaluation. Warnings go to
// stderr as they are found; bad input throws (main.ts turns it into one line and exit 2).
import fs from 'node:fs';
import { readStandard } from './io.js';
import { decode, type EncodingChoice } from '../data/encoding.js';
import type { Dataset } from '../data/dataset.js';
import { formatWarning, type DataWarning } from '../data/records.js';
import { knownNames, readAttestations, readWaivers, type Day } from '../data/audit-records.js';
import { ingest, rereadLeaves, type Ingested } from '../data/ingest.js';
import { checkInput, openSource } from '../data/open.js';
import { EncodingSwitch } from '../data/text-stream.js';
import { LeafCollector } from '../engine/leaves.js';
import { render } from '../i18n/message.js';
import { progressBar } from './progress.js';
import { evaluateStream, plan, selectIndicators, type Evaluation, type Ledger } from '../engine/evaluate.js';
import type { EvaluateOptions, Waiver } from '../engine/types.js';
import type { Standard } from '../standard/types.js';
import { parseAsOfOption, parseIndicators, parseLevels, parseOnly, parseTiers } from './options.js';
import { UsageError } from './errors.js';
import { say } from '../i18n/message.js';
import type { RunOptions } from './run-options.js';
import type { Terminal } from './terminal.js';

export interface Session {
  standard: Standard;
  dataset: Dataset;
  /** Its results are read once, by the report; the ledger's counts are complete after that. */
  evaluation: Evaluation;
  ledger: Ledger;
  options: EvaluateOptions;
  /** Every warning, formatted as file:line:col: message in the terminal's language (printed as found; unused
   *  waivers once the results are read). */
  warnings: string[];
  inputs: { file: string; encoding?: string }[];
  /** Waivers left out because they expired: an auditor still needs to see them. */
  expiredWaivers: Waiver[];
}

/** The options `evaluate` takes, checked against the standard. */
export function evaluateOptions(standard: Standard, opts: RunOptions): EvaluateOptions {
  const options: EvaluateOptions = {
    tiers: parseTiers(standard, opts.tier),
    levels: parseLevels(standard, opts.level),
    only: parseOnly(standard, opts.only),
    indicators: parseIndicators(standard, opts.indicator),
    asOf: parseAsOfOption(opts.asOf),
    ...(opts.allFailures ? { allFailures: true } : {}),
  };
  if (selectIndicators(standard, options).length === 0) {
    const [only, ids] = [options.only!.join(','), options.indicators!.join(',')];
    throw new UsageError(say(`没有指标既属于 --only ${only} 又在 --indicator ${ids} 之中`, `no indicator is both --only ${only} and --indicator ${ids}`));
  }
  return options;
}

/** The day evidence and waivers are judged on: the last day of --as-of, else today. */
export function judgementDay(options: EvaluateOptions, today: Date): Day {
  const m = options.asOf;
  if (!m) return today.toISOString().slice(0, 10);
  const last = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  return `${m.year}-${String(m.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export async function run(files: string[], opts: RunOptions, term: Terminal, given?: Standard): Promise<Session> {
  const standard = given ?? (await readStandard(opts.standard));
  const options = evaluateOptions(standard, opts);
  const openOptions = { inputFormat: opts.inputFormat, encoding: opts.encoding, sheet: opts.sheet };
  for (const f of files) checkInput(f, openOptions);
  const day = judgementDay(options, term.today());
  const evidence = (opts.evidence ?? []).map((f) => ({ file: f, text: readText(f) }));
  const waiverFiles = (opts.waivers ?? []).map((f) => ({ file: f, text: readText(f) }));
  // Read once before the data, for what they say (the bottom level is judged as it is read); once after, to
  // check the entities they name.
  options.attestations = evidence.flatMap((x) => readAttestations(x.text, x.file, standard, undefined, day).records);
  options.waivers = waiverFiles.flatMap((x) => readWaivers(x.text, x.file, standard, undefined, day).records);

  const p = plan(standard, options);
  const bottom = standard.levels[standard.levels.length - 1]!.id;
  // Bottom-level rows are counted and let go, unless they are judged themselves and cannot be read again (stdin).
  const streamLeaves = !files.includes('-') || !p.judges(bottom);
  const encodings = new Map<string, EncodingChoice>();
  const notes: string[] = [];
  const progress = await progressBar(term, files, opts.quiet);
  let ingested: Ingested;
  for (;;) {
    const openers = files.map((f) => () => openSource(f, { ...openOptions, encoding: encodings.get(f) ?? opts.encoding }));
    try {
      ingested = await ingest(standard, openers, {
        leaves: streamLeaves ? new LeafCollector(standard, options) : undefined,
        leafNames: evidence.length + waiverFiles.length > 0,
        onProgress: progress?.update,
      });
      break;
    } catch (e) {
      // A file that began as UTF-8 and broke it later is read again, from the start, as GB18030.
      if (!(e instanceof EncodingSwitch) || e.file === '-' || encodings.has(e.file)) throw e;
      encodings.set(e.file, 'gb18030');
      notes.push(
        render(
          say(`${e.file}: 第 ${e.byte} 字节起不是有效的 UTF-8，按 GB18030 重新读取`, `${e.file}: not valid UTF-8 from byte ${e.byte}; read again as GB18030`),
          term.lang,
        ),
      );
    } finally {
      progress?.stop();
    }
  }
  const { dataset } = ingested;
  const found: DataWarning[] = [...dataset.warnings];
  const names = knownNames(dataset, ingested.leafNames);
  const attestations = evidence.map((x) => readAttestations(x.text, x.file, standard, names, day));
  const waivers = waiverFiles.map((x) => readWaivers(x.text, x.file, standard, names, day));
  for (const x of [...attestations, ...waivers]) found.push(...x.warnings);
  const warnings = [...notes, ...found.map((w) => formatWarning(w, term.lang))];
  const warn = (w: string) => opts.quiet || term.stderr(term.lang === 'en' ? `warning: ${w}` : `警告：${w}`);
  warnings.forEach(warn);
  const judged = dataset.entities.some((e) => p.judges(e.level)) || (ingested.leafRows > 0 && p.judges(bottom));
  if (!judged) {
    throw new UsageError(
      options.levels
        ? say(
            `没有可检查的内容：所选指标不评判数据中任何${opts.level!.join('、')}一级的单位`,
            `nothing to check: no entity at ${opts.level!.join(', ')} in the data is judged by the selected indicators`,
          )
        : say('没有可检查的内容：数据中没有单位处在这些指标所评判的层级（见 --level）', 'nothing to check: no entity in the data is at a level these indicators judge (see --level)'),
    );
  }
  const leaves = ingested.leafRows > 0 && p.judges(bottom) ? () => rereadLeaves(standard, files.map((f) => () => openSource(f, { ...openOptions, encoding: encodings.get(f) ?? opts.encoding })), ingested.parentOf) : undefined;
  const stream = evaluateStream(standard, dataset, options, leaves);
  // A waiver that waived nothing is worth a warning, known only once every result has been seen.
  async function* results() {
    yield* stream.results;
    for (const use of stream.waivers) {
      if (use.used > 0) continue;
      const { indicator, entity } = use.waiver;
      const message = say(`${indicator}${entity ? `（${entity}）` : ' '}的豁免没有用上：它所涵盖的都没有不达标`, `waiver for ${indicator}${entity ? ` (${entity})` : ''} is unused: nothing it covers falls short`);
      const w = formatWarning({ file: use.waiver.file, line: use.waiver.line, message }, term.lang);
      warnings.push(w);
      warn(w);
    }
  }
  return {
    standard,
    dataset,
    evaluation: { ...stream, results: results() },
    ledger: stream.ledger,
    options,
    warnings,
    inputs: ingested.inputs,
    expiredWaivers: waivers.flatMap((w) => w.expired),
  };
}

function readText(file: string): string {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(say(`${file}: 是文件夹，不是文件`, `${file}: is a folder, not a file`));
  // Auditors keep these in Excel too: GBK as well as UTF-8.
  return decode(fs.readFileSync(file)).text;
}
