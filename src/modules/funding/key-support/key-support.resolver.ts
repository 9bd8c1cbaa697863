import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs } from '../../../graphql/connection-args';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrderInput } from '../../../graphql/connection';
import { RequestContext } from '../../../core/context';
import { uuidFromGlobalId } from '../../../core/global-id';
import { NodeIdResolver, registerNode } from '../../../graphql/node';
import { EnterpriseEntity } from '../../enterprise/enterprise.entity';
import { enterpriseService } from '../../enterprise/enterprise.service';
import { Enterprise } from '../../enterprise/enterprise.type';
import { RegionAnswer, regionService } from '../../region/region.service';
import { Region } from '../../region/region.type';
import { FundingBatchEntity } from '../programme/funding-batch.entity';
import { FundingBatch } from '../programme/funding-batch.type';
import { fundingService } from '../programme/funding.service';
import { KeyLittleGiantEntity } from './key-little-giant.entity';
import { KeyLittleGiant, KeyLittleGiantConnection } from './key-little-giant.type';
import { KeySupportProposalEntity } from './key-support-proposal.entity';
import { KeySupportProposal, KeySupportProposalConnection, KeySupportProposalPayload } from './key-support-proposal.type';
import {
  ApproveKeySupportInput,
  KeyLittleGiantFilter,
  KeyLittleGiantOrder,
  KeyLittleGiantOrderField,
  KeySupportProposalFilter,
  KeySupportProposalOrder,
  KeySupportProposalOrderField,
  ProposeKeySupportInput,
} from './key-support.input';
import { keySupportMutations } from './key-support-mutations.service';
import { keySupportService } from './key-support.service';

registerNode('KeySupportProposal', KeySupportProposalEntity, (ctx, key) => keySupportService.byId(ctx, key));
registerNode('KeyLittleGiant', KeyLittleGiantEntity, (ctx, key) => keySupportService.keyLittleGiantById(ctx, key));

@ArgsType()
class KeySupportProposalsArgs extends ConnectionArgs {
  @Field(() => KeySupportProposalFilter, { nullable: true, description: 'Conditions the proposals must meet.' })
  filter?: KeySupportProposalFilter | null;

  @Field(() => [KeySupportProposalOrder], { nullable: true, description: 'Sort keys, most significant first; by time of the proposal if omitted.' })
  orderBy?: OrderInput<KeySupportProposalOrderField>[] | null;
}

@ArgsType()
class KeyLittleGiantsArgs extends ConnectionArgs {
  @Field(() => KeyLittleGiantFilter, { nullable: true, description: 'Conditions the key little giants must meet.' })
  filter?: KeyLittleGiantFilter | null;

  @Field(() => [KeyLittleGiantOrder], { nullable: true, description: 'Sort keys, most significant first; by time of approval if omitted.' })
  orderBy?: OrderInput<KeyLittleGiantOrderField>[] | null;
}

@Resolver(() => KeySupportProposal)
export class KeySupportProposalResolver extends NodeIdResolver(KeySupportProposal) {
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
    description:
      'Approves or rejects a key little giant proposed by MIIT (MOF); a rejection gives a reason. Only an approved enterprise can be granted an award from the batch.',
  })
  async approveKeySupport(
    @Arg('input', () => ApproveKeySupportInput, { description: 'The decision.' }) input: ApproveKeySupportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<KeySupportProposalPayload> {
    const proposalId = uuidFromGlobalId(input.proposalId, 'KeySupportProposal', 'input.proposalId');
    return { keySupportProposal: await keySupportMutations.approve(ctx, proposalId, input) };
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

@Resolver(() => KeyLittleGiant)
export class KeyLittleGiantResolver extends NodeIdResolver(KeyLittleGiant) {
  @Query(() => KeyLittleGiantConnection, {
    description:
      'The published list of key little giants (重点小巨人): the certified little giants MoF approved for a funding batch, a page at a time. Anyone may read it, without a token.',
  })
  keyLittleGiants(@Args() args: KeyLittleGiantsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return keySupportService.keyLittleGiants(ctx, args, info);
  }

  @FieldResolver(() => FundingBatch, { nullable: true })
  batch(@Root() k: KeyLittleGiantEntity, @Ctx() ctx: RequestContext): Promise<FundingBatchEntity | null> {
    return fundingService.batchById(ctx, k.batchId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() k: KeyLittleGiantEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, k.enterpriseId);
  }

  @FieldResolver(() => Region)
  region(@Root() k: KeyLittleGiantEntity, @Ctx() ctx: RequestContext): RegionAnswer {
    return regionService.byCode(ctx, k.regionCode);
  }
}

/** `Enterprise.keySupport`, kept here so the enterprise module does not depend on funding. */
@Resolver(() => Enterprise)
export class EnterpriseKeySupportResolver {
  @FieldResolver(() => KeySupportProposal, {
    nullable: true,
    description:
      'Its key-little-giant (重点小巨人) support: the latest proposal MoF approved, with its batch. Seen by whoever may see the enterprise’s awards (the enterprise itself, its local government and the ministries); null for everyone else, as when there is none.',
  })
  keySupport(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<KeySupportProposalEntity | null> {
    return keySupportService.approvedFor(ctx, e.id);
  }
}
