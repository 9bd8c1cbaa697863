import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { APPROVED_KEY_SUPPORT } from '../../../data/relations';
import { visibleById, visibleLatestChild } from '../../../data/scoped-reader';
import { OrderDirection } from '../../../graphql/connection';
import { RequestContext } from '../../../core/context';
import { ListFilter } from '../../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../../graphql/list';
import { KeyLittleGiantEntity } from './key-little-giant.entity';
import { KeySupportProposalEntity } from './key-support-proposal.entity';
import { KeyLittleGiantFilter, KeyLittleGiantOrderField, KeySupportProposalFilter, KeySupportProposalOrderField } from './key-support.input';

const PROPOSALS: ListSpec<KeySupportProposalEntity, KeySupportProposalFilter, KeySupportProposalOrderField> = {
  subject: 'KeySupportProposal',
  sortKeys: {
    PROPOSED_AT: { property: 'proposedAt', field: 'proposedAt' },
  },
  defaultOrder: [{ field: KeySupportProposalOrderField.PROPOSED_AT, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<KeySupportProposalEntity>, f) {
    new ListFilter(ctx, qb, 'KeySupportProposal')
      .globalId('batchId', f.batchId, 'FundingBatch', 'batchId', 'batch')
      .globalId('enterpriseId', f.enterpriseId, 'Enterprise', 'enterpriseId', 'enterprise')
      .equals('status', f.status, 'status');
  },
};

const KEY_LITTLE_GIANTS: ListSpec<KeyLittleGiantEntity, KeyLittleGiantFilter, KeyLittleGiantOrderField> = {
  subject: 'KeyLittleGiant',
  sortKeys: {
    APPROVED_AT: { property: 'approvedAt', field: 'approvedAt' },
  },
  defaultOrder: [{ field: KeyLittleGiantOrderField.APPROVED_AT, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<KeyLittleGiantEntity>, f) {
    new ListFilter(ctx, qb, 'KeyLittleGiant')
      .globalId('batchId', f.batchId, 'FundingBatch', 'batchId', 'batch')
      .regionSubtree('regionCode', f.regionCode, 'region');
  },
};

export class KeySupportService {
  list(ctx: RequestContext, args: ListArgs<KeySupportProposalFilter, KeySupportProposalOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, PROPOSALS, args, info);
  }

  byId(ctx: RequestContext, id: string): Promise<KeySupportProposalEntity | null> {
    return visibleById<KeySupportProposalEntity>(ctx, 'KeySupportProposal').load(id);
  }

  /** The enterprise's latest approved proposal, where the caller may see it (as it may the enterprise's awards). */
  approvedFor(ctx: RequestContext, enterpriseId: string): Promise<KeySupportProposalEntity | null> {
    return visibleLatestChild<KeySupportProposalEntity>(ctx, APPROVED_KEY_SUPPORT).load(enterpriseId);
  }

  /** The published list of key little giants. */
  keyLittleGiants(ctx: RequestContext, args: ListArgs<KeyLittleGiantFilter, KeyLittleGiantOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, KEY_LITTLE_GIANTS, args, info);
  }

  keyLittleGiantById(ctx: RequestContext, id: string): Promise<KeyLittleGiantEntity | null> {
    return visibleById<KeyLittleGiantEntity>(ctx, 'KeyLittleGiant').load(id);
  }
}

export const keySupportService = new KeySupportService();
