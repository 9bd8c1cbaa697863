import { EntityManager, ObjectLiteral } from 'typeorm';
import { subjectOf } from '../../authz/ability';
import { SubjectName } from '../../authz/policy';
import { visibleById, visibleChildren } from '../../data/scoped-reader';
import { scopedRead, visibleRow } from '../../data/visible-row';
import { RequestContext } from '../../core/context';
import { BadUserInputError } from '../../core/errors';
import { isUuid } from '../../core/global-id';
import { programmeToday } from '../../core/calendar';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { assessmentFacts } from '../assessment/assessment.rules';
import { CertificationEntity } from '../certification/certification.entity';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { FinancialReportEntity } from '../enterprise/financial-report.entity';
import { EvaluationPurpose } from './eligibility.enums';
import { assessmentProblems, defaultAsOfYear, EligibilityEvaluation, evaluate } from './evaluate';
import { RULE_SETS, ruleSetByCode, RuleSet } from './rule-sets';

export type { EligibilityEvaluation } from './evaluate';

/**
 * The enterprise fields (GraphQL names, as the policy lists them) the rules
 * read. A caller who may see the enterprise but not these (the public, or
 * another enterprise, seeing a certified firm's published fields) gets no
 * evaluation: it would disclose them.
 */
const FACT_FIELDS = [
  'industry',
  'sizeClass',
  'nicheSinceYear',
  'productField',
  'hasQualityCertification',
  'hasRdInstitution',
  'hasOwnBrand',
  'atKeyChainLink',
  'certifications',
  'financials',
];

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
 * @param assessments what-if values for assessed indicators, by key (e.g. { developmentScore: "72.5" }), on top of the
 *   assessments recorded for the year of assessment (only confirmed declarations and expert scores count; see assessment.rules.ts)
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
  if (!enterprise || !maySeeFacts(ctx, enterprise)) return null;
  // One at a time: the request's connection runs one query at a time anyway.
  const reports = await visibleChildren<FinancialReportEntity>(ctx, 'FinancialReport', 'enterpriseId', 'year').load(enterprise.id);
  const certifications = await visibleChildren<CertificationEntity>(ctx, 'Certification', 'enterpriseId', 'createdAt').load(enterprise.id);
  const asOfYear = year ?? defaultAsOfYear(reports, programmeToday());
  const recorded = (await visibleChildren<AssessmentEntity>(ctx, 'Assessment', 'enterpriseId', 'year').load(enterprise.id)).filter(
    (a) => a.year === asOfYear,
  );
  return judge(ruleSet, { enterprise, reports, certifications, recorded, asOfYear, overrides: assessments, purpose });
}

/**
 * Whether the caller may read everything the rules read about `enterprise`:
 * its fact fields, its reports and all of its certifications (not only the
 * published ones). Assessments are read as visible; they share the reports'
 * visibility in the policy.
 */
function maySeeFacts(ctx: RequestContext, enterprise: EnterpriseEntity): boolean {
  if (!FACT_FIELDS.every((f) => ctx.authz.can('read', enterprise, f))) return false;
  // subjectOf tags the object it is given, so each check gets its own.
  const scope = () => ({ enterpriseId: enterprise.id, regionCode: enterprise.regionCode });
  return ctx.authz.can('read', subjectOf('FinancialReport', scope())) && ctx.authz.can('read', subjectOf('Certification', scope()));
}

interface StoredFacts {
  enterprise: EnterpriseEntity;
  reports: FinancialReportEntity[];
  certifications: CertificationEntity[];
  /** The recorded assessments of the year of assessment. */
  recorded: AssessmentEntity[];
  asOfYear: number;
  overrides?: Record<string, string>;
  purpose?: EvaluationPurpose;
}

function judge(ruleSet: RuleSet, f: StoredFacts): EligibilityEvaluation {
  const { values, notes } = assessmentFacts(f.recorded, f.overrides);
  return evaluate(ruleSet, {
    enterprise: f.enterprise,
    reports: f.reports,
    certifications: f.certifications,
    asOfYear: f.asOfYear,
    today: programmeToday(),
    assessments: values,
    assessmentNotes: notes,
    purpose: f.purpose,
  });
}

/**
 * The evaluation a mutation relies on (the self-assessment at submission):
 * read through the mutation's own handle, so it sees the savepoint's writes
 * and takes part in its transaction, with the recorded assessments of
 * `asOfYear` and no what-if values. Null when the rule set is not one this
 * module knows (an application from before it) or the caller may not read
 * the facts.
 */
export async function evaluateInMutation(
  ctx: RequestContext,
  db: EntityManager,
  enterpriseId: string,
  ruleSetCode: string,
  asOfYear: number,
): Promise<EligibilityEvaluation | null> {
  const ruleSet = ruleSetByCode(ruleSetCode);
  if (!ruleSet) return null;
  const enterprise = await visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', enterpriseId);
  if (!enterprise || !maySeeFacts(ctx, enterprise)) return null;
  /** The enterprise's rows of `subject` the caller may read, in the order the query path reads them; of one year if given. */
  const rows = async <T extends ObjectLiteral>(subject: SubjectName, orderBy: string, year?: number): Promise<T[]> => {
    const qb = scopedRead<T>(ctx, db, subject);
    if (!qb) return [];
    qb.andWhere(`${qb.alias}.enterpriseId = :enterpriseId`, { enterpriseId });
    if (year != null) qb.andWhere(`${qb.alias}.year = :year`, { year });
    return qb.orderBy(`${qb.alias}.${orderBy}`, 'ASC').addOrderBy(`${qb.alias}.id`, 'ASC').getMany();
  };
  return judge(ruleSet, {
    enterprise,
    reports: await rows<FinancialReportEntity>('FinancialReport', 'year'),
    certifications: await rows<CertificationEntity>('Certification', 'createdAt'),
    recorded: await rows<AssessmentEntity>('Assessment', 'indicatorKey', asOfYear),
    asOfYear,
  });
}
