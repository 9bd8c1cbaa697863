import { AssessmentEntity } from '../modules/assessment/assessment.entity';
import { ApplicationEntity } from '../modules/application/application.entity';
import { PublicObjectionEntity } from '../modules/application/public-objection.entity';
import { ReviewEntity } from '../modules/application/review.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { CertificationEntity } from '../modules/certification/certification.entity';
import { EnterpriseEntity } from '../modules/enterprise/enterprise.entity';
import { FinancialReportEntity } from '../modules/enterprise/financial-report.entity';
import { AwardEntity } from '../modules/funding/award/award.entity';
import { ClawBackEntity } from '../modules/funding/award/claw-back.entity';
import { DisbursementEntity } from '../modules/funding/award/disbursement.entity';
import { ExpenditureEntity } from '../modules/funding/award/expenditure.entity';
import { FundingBatchEntity } from '../modules/funding/programme/funding-batch.entity';
import { FundingProgramEntity } from '../modules/funding/programme/funding-program.entity';
import { KeyLittleGiantEntity } from '../modules/funding/key-support/key-little-giant.entity';
import { KeySupportProposalEntity } from '../modules/funding/key-support/key-support-proposal.entity';
import { PlatformEntity } from '../modules/platform/platform.entity';
import { RegionEntity } from '../modules/region/region.entity';

export const ENTITIES = [
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
