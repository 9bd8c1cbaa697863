import { GraphQLResolveInfo } from 'graphql';
import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { toGlobalId, uuidFromGlobalId } from '../../graphql/global-id';
import { registerNode } from '../../graphql/node';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { FundingBatchEntity } from './funding-batch.entity';
import { FundingBatch } from './funding-batch.type';
import { fundingService } from './funding.service';
import { KeySupportProposalEntity } from './key-support-proposal.entity';
import { KeySupportProposal, KeySupportProposalConnection, KeySupportProposalPayload } from './key-support-proposal.type';
import {
  ApproveKeySupportInput,
  KeySupportProposalFilter,
  KeySupportProposalOrder,
  KeySupportProposalOrderField,
  ProposeKeySupportInput,
} from './key-support.input';
import { keySupportMutations, keySupportService } from './key-support.service';

registerNode('KeySupportProposal', KeySupportProposalEntity, (ctx, key) => keySupportService.byId(ctx, key));

@ArgsType()
class KeySupportProposalsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' })
  first?: number | null;

  @Limit({ maxLength: TEXT_LIMITS.cursor })
  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => KeySupportProposalFilter, { nullable: true, description: 'Conditions the proposals must meet.' })
  filter?: KeySupportProposalFilter | null;

  @Field(() => [KeySupportProposalOrder], { nullable: true, description: 'Sort keys, most significant first; by time of the proposal if omitted.' })
  orderBy?: OrderInput<KeySupportProposalOrderField>[] | null;
}

@Resolver(() => KeySupportProposal)
export class KeySupportProposalResolver {
  @Query(() => KeySupportProposalConnection, {
    description:
      'Key little giant proposals the caller may see, a page at a time: an enterprise its own, a local government those of its region, the ministries all. Empty for the public and platforms.',
  })
  keySupportProposals(@Args() args: KeySupportProposalsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return keySupportService.list(ctx, args, info);
  }

  @Mutation(() => KeySupportProposalPayload, {
    description:
      'Proposes a certified little giant (a LITTLE_GIANT title CERTIFIED or RENEWED and valid today) as a key little giant of a funding batch (MIIT). MoF decides with approveKeySupport.',
  })
  async proposeKeySupport(
    @Arg('input', () => ProposeKeySupportInput, { description: 'The batch and the enterprise.' }) input: ProposeKeySupportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<KeySupportProposalPayload> {
    const batchId = uuidFromGlobalId(input.batchId, 'FundingBatch', 'input.batchId');
    const enterpriseId = uuidFromGlobalId(input.enterpriseId, 'Enterprise', 'input.enterpriseId');
    return { keySupportProposal: await keySupportMutations.propose(ctx, batchId, enterpriseId) };
  }

  @Mutation(() => KeySupportProposalPayload, {
    description: 'Approves or rejects a key little giant proposed by MIIT (MOF); a rejection gives a reason. Only an approved enterprise can be granted an award from the batch.',
  })
  async approveKeySupport(
    @Arg('input', () => ApproveKeySupportInput, { description: 'The decision.' }) input: ApproveKeySupportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<KeySupportProposalPayload> {
    const proposalId = uuidFromGlobalId(input.proposalId, 'KeySupportProposal', 'input.proposalId');
    return { keySupportProposal: await keySupportMutations.approve(ctx, proposalId, input) };
  }

  @FieldResolver(() => ID)
  id(@Root() p: KeySupportProposalEntity): string {
    return toGlobalId('KeySupportProposal', p.id);
  }

  @FieldResolver(() => FundingBatch, { nullable: true })
  batch(@Root() p: KeySupportProposalEntity, @Ctx() ctx: RequestContext): Promise<FundingBatchEntity | null> {
    return fundingService.batchById(ctx, p.batchId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() p: KeySupportProposalEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, p.enterpriseId);
  }
}
