import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../auth/viewer.resolver';
import { guardSubjectFields } from '../authz/field-guard';
import { EnterpriseResolver, FinancialReportResolver } from '../modules/enterprise/enterprise.resolver';
import {
  ApplicationResolver,
  EnterpriseApplicationsResolver,
  ReviewResolver,
} from '../modules/application/application.resolver';
import { PublicObjectionResolver } from '../modules/application/public-objection.resolver';
import { CertificationResolver, EnterpriseCertificationsResolver } from '../modules/certification/certification.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { PlatformResolver } from '../modules/platform/platform.resolver';
import { FundingBatchResolver, FundingProgramResolver } from '../modules/funding/programme/funding.resolver';
import {
  AwardResolver,
  ClawBackResolver,
  DisbursementResolver,
  EnterpriseAwardsResolver,
  FundingBatchAwardsResolver,
  ExpenditureResolver,
  PlatformAwardsResolver,
} from '../modules/funding/award/award.resolver';
import {
  EnterpriseKeySupportResolver,
  KeyLittleGiantResolver,
  KeySupportProposalResolver,
} from '../modules/funding/key-support/key-support.resolver';
import {
  AwardFigureResolver,
  CertifiedEnterpriseFigureResolver,
  DashboardResolver,
} from '../modules/dashboard/dashboard.resolver';
import { AuditEventResolver } from '../modules/audit/audit-event.resolver';
import { EligibilityResolver, RuleIndicatorResolver, ScoreItemResolver } from '../modules/eligibility/eligibility.resolver';
import { AssessmentResolver, EnterpriseAssessmentsResolver } from '../modules/assessment/assessment.resolver';
import { applyInputLimits } from './input-validation';
import { limitListFields } from './list-bound';
import { NodeResolver } from './node.resolver';
import { readPlainFieldsDirectly } from './plain-fields';
import { servePreloaded } from '../data/relations';
import { countNodeFields, VIEWER_CAN_RESOLVERS } from './viewer-can';

/** Every resolver class of the API; a module adds its own here. */
export const RESOLVERS = [
  NodeResolver,
  ViewerResolver,
  RegionResolver,
  EnterpriseResolver,
  FinancialReportResolver,
  CertificationResolver,
  EnterpriseCertificationsResolver,
  ApplicationResolver,
  ReviewResolver,
  EnterpriseApplicationsResolver,
  PublicObjectionResolver,
  PlatformResolver,
  FundingProgramResolver,
  FundingBatchResolver,
  AwardResolver,
  DisbursementResolver,
  ExpenditureResolver,
  ClawBackResolver,
  EnterpriseAwardsResolver,
  FundingBatchAwardsResolver,
  PlatformAwardsResolver,
  KeySupportProposalResolver,
  KeyLittleGiantResolver,
  EnterpriseKeySupportResolver,
  DashboardResolver,
  CertifiedEnterpriseFigureResolver,
  AwardFigureResolver,
  AuditEventResolver,
  EligibilityResolver,
  AssessmentResolver,
  EnterpriseAssessmentsResolver,
  RuleIndicatorResolver,
  ScoreItemResolver,
  ...VIEWER_CAN_RESOLVERS,
] as const;

/**
 * Builds the executable schema from the decorated classes. Every list
 * field must declare its bound, and counts its items against the request's
 * response-size limit; masked fields are guarded; the shape of inputs
 * (lengths, characters, list sizes) is checked once for all fields by
 * applyInputLimits, their meaning by the services (domain rules need the
 * database anyway), so class-validator stays off. Each step wraps the
 * resolvers the one before left, so inputs are checked first.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = countNodeFields(readPlainFieldsDirectly(await buildSchema({ resolvers: [...RESOLVERS], validate: false })));
  limitListFields(servePreloaded(schema));
  return applyInputLimits(guardSubjectFields(schema));
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs are stable. */
export function sortedSchema(schema: GraphQLSchema): GraphQLSchema {
  return lexicographicSortSchema(schema);
}
