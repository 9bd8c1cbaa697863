import { ClassType } from 'type-graphql';
import { SubjectName } from '../authz/policy';
import { ViewerResolver } from './viewer/viewer.resolver';
import { EnterpriseResolver, FinancialReportResolver } from './enterprise/enterprise.resolver';
import { ApplicationResolver, EnterpriseApplicationsResolver, ReviewResolver } from './application/application.resolver';
import { PublicObjectionResolver } from './application/public-objection.resolver';
import { CertificationResolver, EnterpriseCertificationsResolver } from './certification/certification.resolver';
import { RegionResolver } from './region/region.resolver';
import { PlatformResolver } from './platform/platform.resolver';
import { FundingBatchResolver, FundingProgramResolver } from './funding/programme/funding.resolver';
import {
  AwardResolver,
  ClawBackResolver,
  DisbursementResolver,
  EnterpriseAwardsResolver,
  ExpenditureResolver,
  FundingBatchAwardsResolver,
  PlatformAwardsResolver,
} from './funding/award/award.resolver';
import { EnterpriseKeySupportResolver, KeyLittleGiantResolver, KeySupportProposalResolver } from './funding/key-support/key-support.resolver';
import { AwardFigureResolver, CertifiedEnterpriseFigureResolver, DashboardResolver } from './dashboard/dashboard.resolver';
import { AuditEventResolver } from './audit/audit-event.resolver';
import { EligibilityResolver, RuleIndicatorResolver, ScoreItemResolver } from './eligibility/eligibility.resolver';
import { AssessmentResolver, EnterpriseAssessmentsResolver } from './assessment/assessment.resolver';
import { Application } from './application/application.type';
import { PublicObjection } from './application/public-objection.type';
import { Review } from './application/review.type';
import { Assessment } from './assessment/assessment.type';
import { AuditEvent } from './audit/audit-event.type';
import { Certification } from './certification/certification.type';
import { Enterprise } from './enterprise/enterprise.type';
import { FinancialReport } from './enterprise/financial-report.type';
import { Award } from './funding/award/award.type';
import { ClawBack } from './funding/award/claw-back.type';
import { Disbursement } from './funding/award/disbursement.type';
import { Expenditure } from './funding/award/expenditure.type';
import { FundingBatch } from './funding/programme/funding-batch.type';
import { FundingProgram } from './funding/programme/funding-program.type';
import { KeyLittleGiant } from './funding/key-support/key-little-giant.type';
import { KeySupportProposal } from './funding/key-support/key-support-proposal.type';
import { Platform } from './platform/platform.type';
import { Region } from './region/region.type';

/**
 * What the modules bring to the schema: every resolver class, and the GraphQL
 * type of each policy subject (for `viewerCan` and `node`). The schema
 * assembly (src/server/schema.ts) spreads them in; a module adds its own here.
 */
export const MODULE_RESOLVERS = [
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
] as const;

/** The GraphQL type class of each policy subject. */
export const NODE_TYPES: Record<SubjectName, ClassType> = {
  Region,
  Enterprise,
  FinancialReport,
  Assessment,
  Certification,
  Application,
  Review,
  Platform,
  FundingProgram,
  FundingBatch,
  Award,
  Disbursement,
  Expenditure,
  ClawBack,
  KeySupportProposal,
  KeyLittleGiant,
  PublicObjection,
  AuditEvent,
};
