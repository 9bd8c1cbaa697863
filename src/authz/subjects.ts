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
import { SubjectName } from './policy';

/** Each policy subject and the entity whose rows it governs. */
export const SUBJECT_ENTITIES: Record<SubjectName, Function> = {
  Region: RegionEntity,
  Enterprise: EnterpriseEntity,
  FinancialReport: FinancialReportEntity,
  Assessment: AssessmentEntity,
  Certification: CertificationEntity,
  Application: ApplicationEntity,
  Review: ReviewEntity,
  Platform: PlatformEntity,
  FundingProgram: FundingProgramEntity,
  FundingBatch: FundingBatchEntity,
  Award: AwardEntity,
  Disbursement: DisbursementEntity,
  Expenditure: ExpenditureEntity,
  ClawBack: ClawBackEntity,
  KeySupportProposal: KeySupportProposalEntity,
  KeyLittleGiant: KeyLittleGiantEntity,
  PublicObjection: PublicObjectionEntity,
  AuditEvent: AuditEventEntity,
};

const SUBJECT_BY_ENTITY = new Map<Function, SubjectName>(
  Object.entries(SUBJECT_ENTITIES).map(([name, entity]) => [entity, name as SubjectName]),
);

/** CASL's subject type of an object: an entity by its class, a plain object by its tag. */
export function detectSubjectType(object: Record<string, unknown>): SubjectName {
  const tagged = object.__caslSubjectType__ as SubjectName | undefined;
  if (tagged) return tagged;
  const name = SUBJECT_BY_ENTITY.get(object.constructor);
  if (!name) throw new Error(`not a policy subject: ${object.constructor?.name}`);
  return name;
}

export function subjectOfEntity(entity: Function): SubjectName | undefined {
  return SUBJECT_BY_ENTITY.get(entity);
}
