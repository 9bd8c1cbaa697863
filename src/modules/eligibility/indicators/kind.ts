import type { EligibilityFacts, IndicatorEvaluation, YearFacts } from '../evaluate';
import type { EvaluationPurpose, IndicatorKind } from '../eligibility.enums';
import type { Indicator } from '../rule-sets';

/** What an evaluation reads, built once per rule set judged. */
export interface Env {
  asOfYear: number;
  purpose: EvaluationPurpose;
  reports: Map<number, YearFacts>;
  facts: EligibilityFacts;
  /** Judges nested conditions (a group's, a band's) the way the rule set's own are judged, so a kind never dispatches by itself. */
  judgeAll(list: Indicator[]): IndicatorEvaluation[];
}

/**
 * Everything one kind of indicator means, in one place: rule-sets.ts checks
 * entries with `check`, evaluate.ts judges them with `evaluate`, and the
 * GraphQL enum IndicatorKind describes them with `description`.
 */
export interface IndicatorKindDefinition<K extends IndicatorKind = IndicatorKind> {
  kind: K;
  /** The IndicatorKind value's description in the schema. */
  description: string;
  /** The problems with a rule-set entry of this kind (`at` names it in messages); empty when well-formed. */
  check(i: Indicator, at: string): string[];
  evaluate(i: Indicator, env: Env): IndicatorEvaluation;
}
