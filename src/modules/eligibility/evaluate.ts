/**
 * Evaluates a rule set against an enterprise's facts: a pure function, no
 * database, no clock (the caller passes "today"). Each indicator is judged by
 * its kind (indicators/), exactly: see indicators/figures.ts and display.ts.
 *
 * Missing data makes an indicator UNKNOWN, never a pass: a group passes only
 * when its conditions do, and the verdict is ELIGIBLE only when every
 * indicator passes.
 */
import { CertificationStatus } from '../certification/certification.enums';
import type { ReportedFigures } from '../enterprise/financial-report.rules';
import { ProductField, SizeClass, Tier } from '../enterprise/enterprise.enums';
import { EligibilityVerdict, EvaluationPurpose, IndicatorKind, IndicatorResult, ValueUnit } from './eligibility.enums';
import { INDICATOR_KINDS, type Env } from './indicators';
import { parse } from './indicators/figures';
import { FAIL, NOT_APPLICABLE, outcome, UNKNOWN } from './indicators/outcome';
import { allIndicators, allScoreItems, Indicator, indicatorsFor, RuleSet } from './rule-sets';

/** One year's figures, as a FinancialReportEntity carries them and reportFinancials takes them (money and shares as decimal strings). */
export interface YearFacts extends ReportedFigures {
  year: number;
}

/** What the rules read from the enterprise record. */
export interface EnterpriseFacts {
  /** GB/T 4754 industry, e.g. "C34 通用设备制造业": its code picks the sector of the SME size lines. */
  industry?: string | null;
  /** The size class on the enterprise record: LARGE fails the SME condition whatever the figures say. */
  sizeClass?: SizeClass | null;
  nicheSinceYear?: number | null;
  productField?: ProductField | null;
  hasQualityCertification?: boolean | null;
  hasRdInstitution?: boolean | null;
  hasOwnBrand?: boolean | null;
  atKeyChainLink?: boolean | null;
}

export interface CertificationFacts {
  tier: Tier;
  status: CertificationStatus;
  validUntil: string | null;
}

export interface EligibilityFacts {
  enterprise: EnterpriseFacts;
  reports: YearFacts[];
  /** The enterprise's certifications; undefined when unknown (TIER_HELD is then UNKNOWN). */
  certifications?: CertificationFacts[];
  /**
   * The year of assessment: the windows read the complete financial years
   * before it (last year = asOfYear − 1). Default: the year after the latest
   * reported year, or today's year when there are no reports.
   */
  asOfYear?: number;
  /** The programme's calendar day, "YYYY-MM-DD": certifications are checked as valid on it. */
  today: string;
  /** A new application (the default) or a re-review (复核): some indicators read differently at re-review. */
  purpose?: EvaluationPurpose;
  /**
   * Values for indicators that have no stored data field (ASSESSED_*), by
   * indicator key: a decimal string for a score, "true" or "false" for a flag.
   */
  assessments?: Record<string, string>;
  /** Where an assessed indicator's value came from (or why there is none), by key: its note in place of the default. */
  assessmentNotes?: Record<string, string>;
}

export interface IndicatorEvaluation {
  key: string;
  description: string;
  dimension: string | null;
  kind: IndicatorKind;
  unit: ValueUnit;
  /** A decimal string in `unit`, or text; null when unknown or for a group. */
  value: string | null;
  threshold: string;
  result: IndicatorResult;
  note: string | null;
  /** The parts of a group, a band or an each-year window. */
  details: IndicatorEvaluation[];
}

/** One judged indicator of any depth, without its parts, and where it sits. */
export interface BreakdownRow extends Omit<IndicatorEvaluation, 'details'> {
  /** The key of the group, band or window it is a part of; null at the top. */
  parentKey: string | null;
  /** 0 for a top-level indicator. */
  depth: number;
}

export interface EligibilityEvaluation {
  ruleSet: RuleSet;
  purpose: EvaluationPurpose;
  asOfYear: number;
  /** asOfYear − 1: the "last year" of the windows. */
  lastFinancialYear: number;
  /** The day the evaluation was made (certifications are checked on it). */
  evaluatedOn: string;
  indicators: IndicatorEvaluation[];
  /** Every judged indicator, parents first, flat: a deep part can be read without nesting `details` to its depth. */
  breakdown: BreakdownRow[];
  verdict: EligibilityVerdict;
}

/** Not checked for this purpose: shown, counted for neither side. */
function notApplicable(i: Indicator): IndicatorEvaluation {
  return outcome(i, ValueUnit.NONE, {
    threshold: 'not checked at re-review (复核)',
    result: NOT_APPLICABLE,
    note: 'not checked at re-review (复核)',
  });
}

function evaluateList(list: Indicator[], env: Env): IndicatorEvaluation[] {
  return indicatorsFor(list, env.purpose).map((i) => evaluateIndicator(i, env));
}

function evaluateIndicator(i: Indicator, env: Env): IndicatorEvaluation {
  if (env.purpose === EvaluationPurpose.RE_REVIEW && i.notCheckedAtReReview) return notApplicable(i);
  return INDICATOR_KINDS[i.kind].evaluate(i, env);
}

// ---------------------------------------------------------------- the rule set

/** The default as-of year: the year after the latest report, or today's year without reports. */
export function defaultAsOfYear(reports: YearFacts[], today: string): number {
  return reports.length ? Math.max(...reports.map((r) => r.year)) + 1 : Number(today.slice(0, 4));
}

export function verdictOf(results: IndicatorResult[]): EligibilityVerdict {
  if (results.includes(FAIL)) return EligibilityVerdict.NOT_ELIGIBLE;
  if (results.includes(UNKNOWN)) return EligibilityVerdict.UNDETERMINED;
  return EligibilityVerdict.ELIGIBLE;
}

function flatten(list: IndicatorEvaluation[], parentKey: string | null = null, depth = 0): BreakdownRow[] {
  return list.flatMap(({ details, ...row }) => [{ ...row, parentKey, depth }, ...flatten(details, row.key, depth + 1)]);
}

export function evaluate(ruleSet: RuleSet, facts: EligibilityFacts): EligibilityEvaluation {
  const asOfYear = facts.asOfYear ?? defaultAsOfYear(facts.reports, facts.today);
  if (!Number.isInteger(asOfYear)) throw new RangeError(`asOfYear must be an integer, not ${asOfYear}`);
  const purpose = facts.purpose ?? EvaluationPurpose.NEW_APPLICATION;
  const env: Env = { asOfYear, purpose, reports: new Map(facts.reports.map((r) => [r.year, r])), facts, judgeAll: (list) => evaluateList(list, env) };
  const indicators = evaluateList(ruleSet.indicators, env);
  return {
    ruleSet,
    purpose,
    asOfYear,
    lastFinancialYear: asOfYear - 1,
    evaluatedOn: facts.today,
    indicators,
    breakdown: flatten(indicators),
    verdict: verdictOf(indicators.map((i) => i.result)),
  };
}

/**
 * Problems with assessments for a rule set: keys that name no assessed
 * indicator, values of the wrong form. Empty when they are usable.
 */
export function assessmentProblems(ruleSet: RuleSet, assessments: Record<string, string>): string[] {
  const assessed = new Map(
    allIndicators(ruleSet)
      .filter((i) => i.kind === IndicatorKind.ASSESSED_FLAG || i.kind === IndicatorKind.ASSESSED_SCORE_MIN)
      .map((i) => [i.key, i]),
  );
  const rows = new Map(
    allScoreItems(ruleSet)
      .filter((s) => s.assessed)
      .map((s) => [s.key, s]),
  );
  const problems: string[] = [];
  for (const [key, value] of Object.entries(assessments)) {
    const i = assessed.get(key);
    const row = rows.get(key);
    if (row) {
      const points = row.levels.map((l) => l.points);
      if (!row.levels.some((l) => parse(value.trim())?.eq(l.points)))
        problems.push(`"${key}" takes the points of one of its levels (${points.join(', ')}), not "${value}"`);
    } else if (!i) {
      const known = [...assessed.keys(), ...rows.keys()];
      problems.push(
        `"${key}" is not an assessed indicator of ${ruleSet.code}${known.length ? ` (assessed: ${known.join(', ')})` : ' (it has none)'}`,
      );
    } else if (i.kind === IndicatorKind.ASSESSED_SCORE_MIN && !parse(value.trim())) {
      problems.push(`"${key}" takes a decimal score such as "72.5", not "${value}"`);
    } else if (i.kind === IndicatorKind.ASSESSED_FLAG && !['true', 'false'].includes(value.trim().toLowerCase())) {
      problems.push(`"${key}" takes "true" or "false", not "${value}"`);
    }
  }
  return problems;
}
