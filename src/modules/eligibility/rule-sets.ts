/**
 * The rule sets as eligibility judges them: the catalogue (the rule-set
 * module, beneath the modules that read it) offered to eligibility's own
 * files, and the check that keeps its data well-formed, which needs each
 * indicator kind's check (indicators/) and so lives here, above the
 * catalogue. The check runs on every set when this module loads.
 */
import { INDICATOR_KINDS } from './indicators';
import { EvaluationPurpose } from './eligibility.enums';
import { allIndicators, GENERAL_CONDITION_KEYS, indicatorsJudged, RULE_SETS, RuleSet } from '../rule-set';

export * from '../rule-set';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkPeriods(ruleSet: RuleSet, problems: string[]): void {
  const at = ruleSet.code;
  if (!ISO_DATE.test(ruleSet.effectiveFrom)) problems.push(`${at}: effectiveFrom is not an ISO date`);
  if (ruleSet.effectiveUntil != null && !ISO_DATE.test(ruleSet.effectiveUntil)) problems.push(`${at}: effectiveUntil is not an ISO date`);
  if (!ruleSet.appliesTo.length) problems.push(`${at}: applies to nothing`);
  const purposes = ruleSet.appliesTo.map((a) => a.purpose);
  if (new Set(purposes).size !== purposes.length) problems.push(`${at}: a purpose is listed twice in appliesTo`);
  for (const a of ruleSet.appliesTo) {
    if (!ISO_DATE.test(a.effectiveFrom) || (a.effectiveUntil != null && !ISO_DATE.test(a.effectiveUntil))) {
      problems.push(`${at}: the ${a.purpose} period's dates are not ISO dates`);
    } else if (a.effectiveUntil != null && a.effectiveUntil < a.effectiveFrom) {
      problems.push(`${at}: the ${a.purpose} period ends before it starts`);
    }
  }
  // The rule set's own dates are the span of its periods, so a client reading only them is not misled.
  const from = ruleSet.appliesTo.map((a) => a.effectiveFrom).sort()[0];
  const untils = ruleSet.appliesTo.map((a) => a.effectiveUntil);
  const until = untils.some((u) => u == null) ? undefined : (untils as string[]).sort().at(-1);
  if (ruleSet.appliesTo.length && (from !== ruleSet.effectiveFrom || until !== ruleSet.effectiveUntil)) {
    problems.push(`${at}: effectiveFrom and effectiveUntil must span the periods of appliesTo`);
  }
}

/** The problems with a rule set's data; empty when it is well-formed. */
export function checkRuleSet(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  checkPeriods(ruleSet, problems);
  if (!ruleSet.indicators.length) problems.push(`${ruleSet.code}: no indicators`);
  const top = new Set(ruleSet.indicators.map((i) => i.key));
  for (const key of GENERAL_CONDITION_KEYS) {
    if (!top.has(key)) problems.push(`${ruleSet.code}: lacks the general condition ${key}`);
  }
  // Keys are unique among what one evaluation judges; a re-review replacement may reuse a key it replaces.
  for (const purpose of Object.values(EvaluationPurpose)) {
    const seen = new Set<string>();
    const judged = indicatorsJudged(ruleSet, purpose);
    for (const key of [...judged.map((i) => i.key), ...judged.flatMap((i) => (i.scoreItems ?? []).map((s) => s.key))]) {
      if (seen.has(key)) problems.push(`${ruleSet.code}.${key}: duplicate key`);
      seen.add(key);
    }
  }
  for (const i of allIndicators(ruleSet)) {
    const at = `${ruleSet.code}.${i.key}`;
    if (i.atReReview && i.notCheckedAtReReview) problems.push(`${at}: either replaced or not checked at re-review, not both`);
    // Optional only for data cast past the type with a kind that does not exist, which was never reported here.
    problems.push(...(INDICATOR_KINDS[i.kind]?.check(i, at) ?? []));
  }
  // Each purpose's walk meets the indicators the two share again.
  return [...new Set(problems)];
}

const codes = new Set<string>();
for (const r of RULE_SETS) {
  const problems = checkRuleSet(r);
  if (codes.has(r.code)) problems.push(`${r.code}: duplicate rule set code`);
  codes.add(r.code);
  // Rule sets are code-reviewed data: a malformed one is a bug, so fail at start-up rather than judge with it.
  if (problems.length) throw new Error(`malformed rule sets:\n${problems.join('\n')}`);
}
