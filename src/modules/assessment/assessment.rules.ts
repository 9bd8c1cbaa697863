import { IndicatorKind } from '../rule-set/rule-set.enums';
import { allIndicators, RuleSet, RULE_SETS } from '../rule-set';
import { parseScore } from '../../core/score';
import { AssessmentStatus, AssessmentValueKind } from './assessment.enums';

/**
 * Which indicators are recorded as assessments, what value each takes, and
 * how recorded assessments become the values and notes an evaluation reads.
 * Pure: the service applies these, tests exercise them without a database.
 */

/** An indicator key some rule set reads as an assessment, with the kind of value every such set expects. */
export interface AssessedIndicator {
  key: string;
  valueKind: AssessmentValueKind;
  /** Codes of the rule sets that read it. */
  ruleSets: string[];
}

const VALUE_KIND: Partial<Record<IndicatorKind, AssessmentValueKind>> = {
  [IndicatorKind.ASSESSED_FLAG]: AssessmentValueKind.FLAG,
  [IndicatorKind.ASSESSED_SCORE_MIN]: AssessmentValueKind.SCORE,
};

/**
 * The assessed indicators of `ruleSets`, by key. One record serves every
 * rule set naming the key, so a key read as a flag by one set and as a
 * score by another could not be recorded once for both: that is a mistake
 * in the rule-set data, and throws.
 */
export function assessedIndicators(ruleSets: readonly RuleSet[]): Map<string, AssessedIndicator> {
  const byKey = new Map<string, AssessedIndicator>();
  for (const ruleSet of ruleSets) {
    for (const indicator of allIndicators(ruleSet)) {
      const valueKind = VALUE_KIND[indicator.kind];
      if (!valueKind) continue;
      const known = byKey.get(indicator.key);
      if (!known) {
        byKey.set(indicator.key, { key: indicator.key, valueKind, ruleSets: [ruleSet.code] });
      } else if (known.valueKind !== valueKind) {
        throw new Error(
          `assessed indicator "${indicator.key}" is a ${known.valueKind} in ${known.ruleSets.join(', ')} but a ${valueKind} in ${ruleSet.code}`,
        );
      } else if (!known.ruleSets.includes(ruleSet.code)) {
        known.ruleSets.push(ruleSet.code);
      }
    }
  }
  return byKey;
}

export const ASSESSED_INDICATORS: ReadonlyMap<string, AssessedIndicator> = assessedIndicators(RULE_SETS);

/** The years of assessment accepted, as evaluateEligibility's `year` (and the table's CHECK). */
export const FIRST_ASSESSMENT_YEAR = 2000;

export interface AssessmentProblem {
  field: string;
  message: string;
}

/**
 * The problem with naming `key` for a value of `valueKind` in `year`, or
 * null. `currentYear` is the programme's: an assessment may be for the year
 * of assessment under way or the next one (an enterprise preparing an
 * application), never further ahead.
 */
export function indicatorProblem(key: string, valueKind: AssessmentValueKind, year: number, currentYear: number): AssessmentProblem | null {
  const indicator = ASSESSED_INDICATORS.get(key);
  const ofKind = [...ASSESSED_INDICATORS.values()].filter((i) => i.valueKind === valueKind).map((i) => i.key);
  if (!indicator) {
    return {
      field: 'indicatorKey',
      message: `indicatorKey: "${key}" is not an assessed indicator of any rule set; ${valueKind === AssessmentValueKind.FLAG ? 'yes/no' : 'scored'} ones: ${ofKind.join(', ')}`,
    };
  }
  if (indicator.valueKind !== valueKind) {
    return valueKind === AssessmentValueKind.FLAG
      ? { field: 'indicatorKey', message: `indicatorKey: "${key}" is a score, given by MIIT’s experts (scoreAssessment), not declared` }
      : {
          field: 'indicatorKey',
          message: `indicatorKey: "${key}" is a yes/no condition, declared by the enterprise and confirmed by its local government, not scored`,
        };
  }
  if (!Number.isInteger(year) || year < FIRST_ASSESSMENT_YEAR || year > currentYear + 1) {
    return { field: 'year', message: `year must be a year of assessment from ${FIRST_ASSESSMENT_YEAR} to ${currentYear + 1}` };
  }
  return null;
}

/** A score 0–100 with at most two decimals, canonical ("72.5" → "72.50"), or null. */
export function parseAssessmentScore(score: string): string | null {
  return parseScore(score);
}

/** Trimmed free text, or a problem naming `field` when there is none. */
export function requiredText(value: string | null | undefined, field: string): string | AssessmentProblem {
  const text = (value ?? '').trim();
  return text ? text : { field, message: `${field} must not be empty` };
}

/** What an evaluation needs of a recorded assessment. */
export interface RecordedAssessment {
  indicatorKey: string;
  status: AssessmentStatus;
  flag: boolean | null;
  score: string | null;
  assertedAt: Date;
  decidedAt: Date | null;
  decidedByRegionCode: string | null;
  rejectionReason: string | null;
}

/** The values an evaluation reads, by indicator key, and why each assessed indicator reads as it does. */
export interface AssessmentFacts {
  values: Record<string, string>;
  notes: Record<string, string>;
}

const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The recorded assessments of one year of assessment as an evaluation's
 * input. Only what someone other than the enterprise stands behind counts:
 * a confirmed declaration and an expert score. A declaration still awaiting
 * its local government, or one it rejected, gives no value, so the indicator
 * stays UNKNOWN (never a pass, and not a failure either: the enterprise may
 * still have it confirmed, or declare again with better evidence), with a
 * note saying which.
 *
 * `overrides` are the per-query what-if values: they win, and the note says
 * what they stand in for.
 */
export function assessmentFacts(recorded: RecordedAssessment[], overrides: Record<string, string> = {}): AssessmentFacts {
  const values: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const a of recorded) {
    const key = a.indicatorKey;
    switch (a.status) {
      case AssessmentStatus.CONFIRMED:
        values[key] = String(a.flag);
        notes[key] = `declared by the enterprise, confirmed by the local government ${a.decidedByRegionCode} on ${day(a.decidedAt!)}`;
        break;
      case AssessmentStatus.SCORED:
        values[key] = a.score!;
        notes[key] = `scored by MIIT’s experts on ${day(a.assertedAt)}`;
        break;
      case AssessmentStatus.DECLARED:
        notes[key] =
          `declared "${a.flag ? 'yes' : 'no'}" by the enterprise on ${day(a.assertedAt)}, awaiting its local government’s confirmation: not counted until confirmed`;
        break;
      case AssessmentStatus.REJECTED:
        notes[key] =
          `declared by the enterprise, rejected by the local government ${a.decidedByRegionCode} on ${day(a.decidedAt!)}: ${a.rejectionReason}`;
        break;
    }
  }
  for (const [key, value] of Object.entries(overrides)) {
    values[key] = value;
    notes[key] = notes[key]
      ? `supplied with the query (what-if), in place of the record: ${notes[key]}`
      : 'supplied with the query (what-if), not recorded';
  }
  return { values, notes };
}
