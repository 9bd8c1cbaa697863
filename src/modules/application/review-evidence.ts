import { RequestContext } from '../../core/context';
import { evaluateEnterprise } from '../eligibility/eligibility.service';
import { ruleSetByCode } from '../rule-set';

/**
 * The rule-set evaluation an expert review keeps as evidence: the verdict and
 * each indicator's value, threshold and result for the applicant, judged by
 * the application's rule set on the day of the review. The rule set itself
 * is versioned code, so the evidence names it by code rather than copying it.
 * Null when the eligibility module does not know the rule set (an application
 * from before it) or the caller may not read the facts.
 */
export async function ruleSetEvidence(ctx: RequestContext, enterpriseId: string, ruleSetCode: string): Promise<unknown> {
  if (!ruleSetByCode(ruleSetCode)) return null;
  const evaluation = await evaluateEnterprise(ctx, enterpriseId, ruleSetCode);
  if (!evaluation) return null;
  // The breakdown repeats the indicators flat: the evidence keeps them once.
  const { ruleSet, breakdown: _flat, ...rest } = evaluation;
  return { ruleSetCode: ruleSet.code, ...rest };
}
