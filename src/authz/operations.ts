import { Action, SubjectName } from './policy';

/**
 * Which mutation exercises which grant of the policy: for each mutation, the
 * subject it writes and the policy actions it checks. test/authz/
 * policy-operations.test.ts holds it to the schema (no mutation missing, none
 * extra) and to the policy (every grant has an operation, every operation a
 * grant); the rules a client gets (client-rules.ts) and `viewerCan` name only
 * actions found here.
 */
export interface Operation {
  subject: SubjectName;
  actions: Action[];
  /**
   * Whether its input names an existing row of its subject (`id`,
   * `applicationId`…): such an action can be asked of a row (`viewerCan`);
   * the others make a new row, or act on a row of another subject.
   */
  onRow: boolean;
  /** Input arguments that are not fields of the record (its key, overrides, reasons); every other input field is a written field. */
  writes?: { parameters: string[] };
}

export const OPERATIONS: Record<string, Operation> = {
  registerEnterprise: { subject: 'Enterprise', actions: ['create'], onRow: false, writes: { parameters: ['creditCodeOverride'] } },
  updateEnterprise: { subject: 'Enterprise', actions: ['update'], onRow: true, writes: { parameters: ['id'] } },
  reportFinancials: { subject: 'FinancialReport', actions: ['create', 'update', 'correct'], onRow: false, writes: { parameters: ['reason'] } },
  declareAssessment: { subject: 'Assessment', actions: ['declare'], onRow: false },
  confirmAssessment: { subject: 'Assessment', actions: ['confirm'], onRow: true },
  rejectAssessment: { subject: 'Assessment', actions: ['confirm'], onRow: true },
  scoreAssessment: { subject: 'Assessment', actions: ['score'], onRow: false },
  createApplication: { subject: 'Application', actions: ['create'], onRow: false, writes: { parameters: [] } },
  updateApplication: { subject: 'Application', actions: ['update'], onRow: true, writes: { parameters: ['applicationId'] } },
  submitApplication: { subject: 'Application', actions: ['submit'], onRow: true },
  withdrawApplication: { subject: 'Application', actions: ['withdraw'], onRow: true },
  recommendApplication: { subject: 'Application', actions: ['recommend'], onRow: true },
  returnApplication: { subject: 'Application', actions: ['return'], onRow: true },
  startReview: { subject: 'Application', actions: ['review'], onRow: true },
  reviewApplication: { subject: 'Application', actions: ['review'], onRow: true },
  openPublicNotice: { subject: 'Application', actions: ['review'], onRow: true },
  raiseObjection: { subject: 'Application', actions: ['object'], onRow: true },
  resolveObjection: { subject: 'Application', actions: ['review'], onRow: true },
  raisePublicObjection: { subject: 'PublicObjection', actions: ['create'], onRow: false },
  resolvePublicObjection: { subject: 'PublicObjection', actions: ['resolve'], onRow: true },
  certifyEnterprise: { subject: 'Certification', actions: ['certify'], onRow: false },
  revokeCertification: { subject: 'Certification', actions: ['revoke'], onRow: true },
  startReReview: { subject: 'Certification', actions: ['renew'], onRow: true },
  renewCertification: { subject: 'Certification', actions: ['renew'], onRow: true },
  registerPlatform: { subject: 'Platform', actions: ['create'], onRow: false, writes: { parameters: ['operatorCreditCodeOverride'] } },
  updatePlatform: { subject: 'Platform', actions: ['update'], onRow: true, writes: { parameters: ['id', 'operatorCreditCodeOverride'] } },
  createFundingProgram: { subject: 'FundingProgram', actions: ['create'], onRow: false },
  createFundingBatch: { subject: 'FundingBatch', actions: ['create'], onRow: false },
  proposeKeySupport: { subject: 'KeySupportProposal', actions: ['propose'], onRow: false },
  approveKeySupport: { subject: 'KeySupportProposal', actions: ['approve'], onRow: true },
  grantAward: { subject: 'Award', actions: ['grant'], onRow: false },
  disburseAward: { subject: 'Award', actions: ['disburse'], onRow: true },
  clawBackAward: { subject: 'Award', actions: ['clawBack'], onRow: true },
  recordExpenditure: { subject: 'Expenditure', actions: ['create'], onRow: false },
};

const ops = Object.values(OPERATIONS);

/** Whether some mutation exercises `action` on `subject`. */
export function hasOperation(subject: SubjectName, action: Action): boolean {
  return action === 'read' || ops.some((op) => op.subject === subject && op.actions.includes(action));
}

/** The actions a caller may be asked about on one row of `subject` (viewerCan), in the policy's order. */
export function rowActionsOf(subject: SubjectName): Action[] {
  const found = new Set(ops.filter((op) => op.onRow && op.subject === subject).flatMap((op) => op.actions));
  return [...found];
}
