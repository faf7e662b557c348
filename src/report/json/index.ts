import type { Formatter } from '../types.js';
import { check } from './check.js';
import { gaps } from './gaps.js';
import { compare } from './compare.js';

export const json: Formatter = { check, gaps, compare };
