import { AssessmentEntity } from './assessment/assessment.entity';
import { ApplicationEntity } from './application/application.entity';
import { PublicObjectionEntity } from './application/public-objection.entity';
import { ReviewEntity } from './application/review.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { CertificationEntity } from './certification/certification.entity';
import { EnterpriseEntity } from './enterprise/enterprise.entity';
import { FinancialReportEntity } from './enterprise/financial-report.entity';
import { AwardEntity } from './funding/award/award.entity';
import { ClawBackEntity } from './funding/award/claw-back.entity';
import { DisbursementEntity } from './funding/award/disbursement.entity';
import { ExpenditureEntity } from './funding/award/expenditure.entity';
import { FundingBatchEntity } from './funding/programme/funding-batch.entity';
import { FundingProgramEntity } from './funding/programme/funding-program.entity';
import { KeyLittleGiantEntity } from './funding/key-support/key-little-giant.entity';
import { KeySupportProposalEntity } from './funding/key-support/key-support-proposal.entity';
import { PlatformEntity } from './platform/platform.entity';
import { RegionEntity } from './region/region.entity';
// Every path that opens a database takes this list, so loading the wiring here means none runs a mutation unwired.
import './hooks';

/**
 * Every table's entity, as the modules declare them: the composition root
 * hands this list to the db layer (createDataSource), which imports no module.
 */
export const ENTITIES: Function[] = [
  RegionEntity,
  EnterpriseEntity,
  FinancialReportEntity,
  AssessmentEntity,
  CertificationEntity,
  PlatformEntity,
  FundingProgramEntity,
  FundingBatchEntity,
  AwardEntity,
  DisbursementEntity,
  ExpenditureEntity,
  ClawBackEntity,
  KeySupportProposalEntity,
  KeyLittleGiantEntity,
  ApplicationEntity,
  ReviewEntity,
  PublicObjectionEntity,
  AuditEventEntity,
];
