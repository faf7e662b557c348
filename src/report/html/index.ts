// HTML: one self-contained page per report (inline CSS and SVG, no scripts, no network), readable on A4.
import type { Formatter } from '../types.js';
import { check } from './check.js';
import { gaps } from './gaps.js';
import { compare } from './compare.js';

export const html: Formatter = { check, gaps, compare };
