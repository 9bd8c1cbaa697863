import type { EligibilityEvaluation, IndicatorEvaluation } from '../eligibility';
import { EligibilityVerdict, IndicatorResult } from '../eligibility/eligibility.enums';

/**
 * The self-assessment at submission (自评, issue 12 item 4), as the
 * application keeps it: the evaluation of the applicant against the
 * application's rule set when it was submitted. The rule set is versioned
 * code, so it is named by code rather than copied, as a review's evidence is.
 */
export interface StoredSelfAssessment {
  ruleSetCode: string;
  /** ISO instant of the submission it was made for. */
  evaluatedAt: string;
  asOfYear: number;
  lastFinancialYear: number;
  verdict: EligibilityVerdict;
  indicators: IndicatorEvaluation[];
  /** Keys of the top-level indicators let through as UNKNOWN. */
  unknownIndicators: string[];
}

const keysWith = (e: EligibilityEvaluation, result: IndicatorResult) => e.indicators.filter((i) => i.result === result).map((i) => i.key);

/** The top-level indicators that fail: any one refuses the submission. */
export function failingIndicators(e: EligibilityEvaluation): string[] {
  return keysWith(e, IndicatorResult.FAIL);
}

export function selfAssessmentOf(e: EligibilityEvaluation, at: Date): StoredSelfAssessment {
  return {
    ruleSetCode: e.ruleSet.code,
    evaluatedAt: at.toISOString(),
    asOfYear: e.asOfYear,
    lastFinancialYear: e.lastFinancialYear,
    verdict: e.verdict,
    indicators: e.indicators,
    unknownIndicators: keysWith(e, IndicatorResult.UNKNOWN),
  };
}

/** What the audit trail keeps of a self-assessment: the outcome, not every indicator again. */
export function selfAssessmentSummary(s: StoredSelfAssessment | null): Record<string, unknown> | null {
  return (
    s && { ruleSetCode: s.ruleSetCode, evaluatedAt: s.evaluatedAt, asOfYear: s.asOfYear, verdict: s.verdict, unknownIndicators: s.unknownIndicators }
  );
}
