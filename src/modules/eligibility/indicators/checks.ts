/** What the kinds' checks of rule-set entries share: the forms of figures, the metrics and windows by unit. */
import { EvaluationWindow, Metric } from '../eligibility.enums';
import type { Indicator } from '../rule-sets';

const M = Metric;
const W = EvaluationWindow;

export const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const INTEGER = /^(0|[1-9][0-9]*)$/;
export const SIGNED_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

export const RATIO_METRICS = new Set<Metric>([M.MAIN_BUSINESS_SHARE, M.DEBT_RATIO, M.RD_INTENSITY, M.RD_STAFF_SHARE, M.NICHE_MARKET_SHARE]);
export const MONEY_METRICS = new Set<Metric>([M.REVENUE, M.MAIN_BUSINESS_REVENUE, M.RD_EXPENSE, M.NEW_EQUITY_FINANCING]);
export const COUNT_METRICS = new Set<Metric>([M.CLASS1_IP_COUNT]);
const LEVEL_WINDOWS = new Set<EvaluationWindow>([W.LAST_YEAR, W.EACH_OF_2_YEARS, W.TWO_YEAR_TOTAL, W.THREE_YEAR_TOTAL]);
export const GROWTH_WINDOWS = new Set<EvaluationWindow>([W.TWO_YEAR_AVERAGE_GROWTH, W.TWO_YEAR_CAGR]);

/** One thing an entry's kind needs, and whether the entry has it. */
export type Need = [what: string, ok: boolean];

/** "<at>: <KIND> needs <what>" for each need the entry does not meet, in the order given. */
export function needs(i: Indicator, at: string, ...list: Need[]): string[] {
  return list.filter(([, ok]) => !ok).map(([what]) => `${at}: ${i.kind} needs ${what}`);
}

export const decimalThreshold = (i: Indicator): Need => ['a decimal threshold', DECIMAL.test(i.threshold ?? '')];
export const integerThreshold = (i: Indicator): Need => ['an integer threshold', INTEGER.test(i.threshold ?? '')];

/** A level kind (RATIO_MIN, RATIO_MAX, MONEY_MIN, COUNT_MIN): a metric of its unit over a level window. */
export function levelNeeds(i: Indicator, metrics: Set<Metric>): Need[] {
  return [
    ['a metric of the right unit', !!i.metric && metrics.has(i.metric)],
    ['a LAST_YEAR, EACH_OF_2_YEARS, TWO_YEAR_TOTAL or THREE_YEAR_TOTAL window', !!i.window && LEVEL_WINDOWS.has(i.window)],
  ];
}
