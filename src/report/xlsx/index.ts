// Excel workbooks (--format xlsx): binary, written as they go through exceljs's streaming writer.
import type { Formatter } from '../types.js';
import { check } from './check.js';
import { gaps } from './gaps.js';
import { compare } from './compare.js';

export const xlsx: Formatter = { check, gaps, compare };
