// The words for what changed between two submissions, shared by every format.
import type { Change } from '../engine/compare.js';

export const CHANGE_WORDS: Record<'zh' | 'en', Record<Change, string>> = {
  zh: { 'newly-passing': '新达标', improved: '改善', unchanged: '无变化', regressed: '退步', 'newly-failing': '新未达标', added: '新增', removed: '移除' },
  en: { 'newly-passing': 'newly passing', improved: 'improved', unchanged: 'unchanged', regressed: 'regressed', 'newly-failing': 'newly failing', added: 'added', removed: 'removed' },
};
