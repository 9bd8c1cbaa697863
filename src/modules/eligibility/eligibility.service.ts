import { subjectOf } from '../../authz/ability';
import { visibleById, visibleChildren } from '../../data/scoped-reader';
import { RequestContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { isUuid } from '../../graphql/global-id';
import { programmeToday } from '../certification/certification-status';
import { CertificationEntity } from '../certification/certification.entity';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { FinancialReportEntity } from '../enterprise/financial-report.entity';
import { EvaluationPurpose } from './eligibility.enums';
import { assessmentProblems, EligibilityEvaluation, evaluate } from './evaluate';
import { RULE_SETS, ruleSetByCode, RuleSet } from './rule-sets';

export type { EligibilityEvaluation } from './evaluate';

/**
 * The enterprise fields (GraphQL names, as the policy lists them) the rules
 * read. A caller who may see the enterprise but not these (the public, or
 * another enterprise, seeing a certified firm's published fields) gets no
 * evaluation: it would disclose them.
 */
const FACT_FIELDS = ['nicheSinceYear', 'productField', 'hasQualityCertification', 'hasRdInstitution', 'hasOwnBrand', 'atKeyChainLink', 'certifications', 'financials'];

/** The assessment years accepted: the programme started in 2011; anything outside is a typo. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export function listRuleSets(): readonly RuleSet[] {
  return RULE_SETS;
}

/** The rule set of `code`, or BAD_USER_INPUT naming `field`. */
export function requireRuleSet(code: string, field = 'ruleSet'): RuleSet {
  const ruleSet = ruleSetByCode(code);
  if (!ruleSet) {
    throw new BadUserInputError(`${field}: unknown rule set "${code}"; known: ${RULE_SETS.map((r) => r.code).join(', ')}`, field);
  }
  return ruleSet;
}

/**
 * Evaluates an enterprise against a rule set, reading only what the caller
 * may read. Returns null when the caller may not see the enterprise and its
 * facts (indistinguishable from a missing enterprise). Throws BAD_USER_INPUT
 * for an unknown rule set (field `ruleSet`), a bad year (`year`) or bad
 * assessments (`assessments`), before looking at the enterprise, so the
 * error does not depend on who asks.
 *
 * @param enterpriseId the enterprise's uuid (not its global ID)
 * @param year the year of assessment: the windows read the financial years before it; default the year after the latest report
 * @param assessments values for indicators without a stored data field, by indicator key (e.g. { developmentScore: "72.5" })
 * @param purpose a new application (default) or a re-review, which reads some indicators differently
 */
export async function evaluateEnterprise(
  ctx: RequestContext,
  enterpriseId: string,
  ruleSetCode: string,
  year?: number,
  assessments?: Record<string, string>,
  purpose?: EvaluationPurpose,
): Promise<EligibilityEvaluation | null> {
  const ruleSet = requireRuleSet(ruleSetCode);
  if (year != null && (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)) {
    throw new BadUserInputError(`year must be a year between ${MIN_YEAR} and ${MAX_YEAR}`, 'year');
  }
  if (assessments) {
    const problems = assessmentProblems(ruleSet, assessments);
    if (problems.length) throw new BadUserInputError(`assessments: ${problems.join('; ')}`, 'assessments');
  }
  if (!isUuid(enterpriseId)) return null;

  const enterprise = await visibleById<EnterpriseEntity>(ctx, 'Enterprise').load(enterpriseId);
  if (!enterprise || !FACT_FIELDS.every((f) => ctx.authz.can('read', enterprise, f))) return null;
  // The facts are the enterprise's reports and all of its certifications, not only the published ones.
  // (subjectOf tags the object it is given, so each check gets its own.)
  const scope = () => ({ enterpriseId: enterprise.id, regionCode: enterprise.regionCode });
  if (!ctx.authz.can('read', subjectOf('FinancialReport', scope())) || !ctx.authz.can('read', subjectOf('Certification', scope()))) {
    return null;
  }

  // One at a time: the request's connection runs one query at a time anyway.
  const reports = await visibleChildren<FinancialReportEntity>(ctx, 'FinancialReport', 'enterpriseId', 'year').load(enterprise.id);
  const certifications = await visibleChildren<CertificationEntity>(ctx, 'Certification', 'enterpriseId', 'createdAt').load(enterprise.id);
  return evaluate(ruleSet, {
    enterprise,
    reports,
    certifications,
    asOfYear: year ?? undefined,
    today: programmeToday(),
    assessments,
    purpose,
  });
}
