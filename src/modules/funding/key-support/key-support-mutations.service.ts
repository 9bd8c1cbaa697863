import { assertMayCreate } from '../../../data/checked-write';
import { loadForAction } from '../../../data/load-for-action';
import { visibleRow } from '../../../data/visible-row';
import { mutation } from '../../../db/mutation';
import { pgCode, UNIQUE_VIOLATION } from '../../../db/pg-errors';
import { RequestContext } from '../../../core/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../core/errors';
import { recordAudit, snapshot } from '../../audit/audit-trail.service';
import { validLittleGiantTitle } from '../../certification/titles.service';
import { EnterpriseEntity } from '../../enterprise/enterprise.entity';
import { FundingBatchEntity } from '../programme/funding-batch.entity';
import { KeySupportProposalEntity } from './key-support-proposal.entity';
import { KeySupportStatus } from './key-support.enums';
import { ApproveKeySupportInput } from './key-support.input';

export const NO_TITLE =
  'the enterprise holds no certified, unexpired LITTLE_GIANT title (CERTIFIED or RENEWED and valid today): only certified little giants can be key little giants';

export class KeySupportMutations {
  /** MIIT proposes a certified little giant as a key little giant of a batch. */
  async propose(ctx: RequestContext, batchId: string, enterpriseId: string): Promise<KeySupportProposalEntity> {
    assertMayCreate(ctx, 'KeySupportProposal', { batchId, enterpriseId }, 'a key little giant', 'propose');
    return mutation(ctx, async (db) => {
      if (!(await visibleRow<FundingBatchEntity>(ctx, db, 'FundingBatch', batchId))) throw new NotFoundError('funding batch');
      const enterprise = await visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', enterpriseId);
      if (!enterprise) throw new NotFoundError('enterprise');
      if (!(await validLittleGiantTitle(ctx, db, enterpriseId))) throw new ConflictError(NO_TITLE, { field: 'enterpriseId' });
      const repo = db.getRepository(KeySupportProposalEntity);
      const existing = await repo.findOneBy({ batchId, enterpriseId });
      const already = (status: string) =>
        new ConflictError(`the enterprise was already proposed for this batch (${status})`, { field: 'enterpriseId' });
      if (existing) throw already(existing.status);
      let id: string;
      try {
        const result = await repo.insert({
          batchId,
          enterpriseId,
          status: KeySupportStatus.PROPOSED,
          proposedBy: ctx.viewer.subject,
          proposedAt: new Date(),
        });
        id = result.identifiers[0].id as string;
      } catch (err) {
        // A concurrent proposal of the same enterprise for the same batch won.
        if (pgCode(err).code === UNIQUE_VIOLATION) throw already(KeySupportStatus.PROPOSED);
        throw err;
      }
      const saved = await repo.findOneByOrFail({ id });
      await recordAudit(ctx, db, {
        action: 'proposeKeySupport',
        subjectType: 'KeySupportProposal',
        subjectId: saved.id,
        enterpriseId: saved.enterpriseId,
        regionCode: saved.regionCode,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /** MoF approves or rejects MIIT's proposal. */
  async approve(ctx: RequestContext, proposalId: string, input: ApproveKeySupportInput): Promise<KeySupportProposalEntity> {
    return mutation(ctx, async (db) => {
      const current = await loadForAction<KeySupportProposalEntity>(ctx, db, 'KeySupportProposal', proposalId, 'approve', 'key support proposal');
      if (current.status !== KeySupportStatus.PROPOSED) {
        throw new ConflictError(`the proposal was already decided: it is ${current.status}`);
      }
      const reason = input.reason?.trim() || null;
      if (!input.approve && !reason) throw new BadUserInputError('a rejection needs a reason', 'reason');
      // The title may have lapsed or been revoked since MIIT proposed.
      if (input.approve && !(await validLittleGiantTitle(ctx, db, current.enterpriseId))) {
        throw new ConflictError(`cannot approve: ${NO_TITLE}`);
      }
      const before = snapshot(current);
      current.status = input.approve ? KeySupportStatus.APPROVED : KeySupportStatus.REJECTED;
      current.decidedBy = ctx.viewer.subject;
      current.decidedAt = new Date();
      current.reason = reason;
      const saved = await db.getRepository(KeySupportProposalEntity).save(current);
      await recordAudit(ctx, db, {
        action: 'approveKeySupport',
        subjectType: 'KeySupportProposal',
        subjectId: saved.id,
        enterpriseId: saved.enterpriseId,
        regionCode: saved.regionCode,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
  }
}

export const keySupportMutations = new KeySupportMutations();
