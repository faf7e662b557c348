// Options shared by check, gaps and compare: what to evaluate, and the auditor's files that go with the data.
import { Option, type Command } from 'commander';
import { ENCODINGS, INPUT_FORMATS, type EncodingChoice, type InputFormat } from '../data/choices.js';

export interface RunOptions {
  standard: string;
  only?: string[];
  indicator?: string[];
  level?: string[];
  tier?: string;
  asOf?: string;
  inputFormat?: InputFormat;
  encoding: EncodingChoice;
  /** The sheet of an .xlsx input: a name or a 1-based position. */
  sheet?: string;
  /** No progress bar and no warnings on stderr (they stay in the report). */
  quiet?: boolean;
  /** Name every member that falls short, not only the first 50. */
  allFailures?: boolean;
  evidence?: string[];
  waivers?: string[];
}

// Repeatable, comma-separated list options. (Variadic options would swallow the data files after them.)
export function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(/[,，]/).map((s) => s.trim()).filter(Boolean)];
}

function repeat(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function withRunOptions(cmd: Command): Command {
  return cmd
    .requiredOption('-s, --standard <id|file>', 'built-in standard id or path to a rule file')
    .option('--only <class>', 'only indicators of this class (e.g. key, general); repeat or use commas', collect, [])
    .option('-i, --indicator <id>', 'only these indicators; repeat or use commas (-i GS-01,GS-13)', collect, [])
    .option('-l, --level <level>', 'judge the entities at these levels; repeat or use commas (--level 区,街道)', collect, [])
    .option('-t, --tier <tier>', 'target tier: an id from the standard, or "both"')
    .option('--as-of <YYYY[-MM]>', 'judge as of this month: year stages in force, deadlines passed or ahead (a year alone means its end)')
    .option('--evidence <file>', 'evidence file (YAML or CSV): attestations that settle items a person judges; repeatable', repeat, [])
    .option('--waivers <file>', 'waivers file (YAML or CSV): approved exceptions; repeatable', repeat, [])
    .addOption(new Option('--input-format <format>', 'data format when it cannot be told from the extension').choices(INPUT_FORMATS))
    .addOption(new Option('--encoding <encoding>', 'text encoding of CSV data (auto: a BOM, else UTF-8, else GB18030)').choices(ENCODINGS).default('auto'))
    .option('--sheet <name|n>', 'the sheet of an .xlsx file to read: its name or position (default: the first)')
    .option('--all-failures', 'roll-ups name every member that falls short, not only the first 50 (JSON lists them; CSV adds a column)')
    .option('-q, --quiet', 'no progress bar and no warnings on stderr (reports still carry the warnings)');
}
