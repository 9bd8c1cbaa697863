import { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs } from '../../graphql/connection-args';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { OrderInput } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { uuidFromGlobalId } from '../../core/global-id';
import { NodeIdResolver, registerNode } from '../../graphql/node';
import { EnterpriseEntity } from '../enterprise/enterprise.entity';
import { enterpriseService } from '../enterprise/enterprise.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { CertificationEntity } from './certification.entity';
import { CertificationStatus } from './certification.enums';
import {
  CertificationFilter,
  CertificationOrder,
  CertificationOrderField,
  CertificationStepInput,
  RenewCertificationInput,
  RevokeCertificationInput,
} from './certification.input';
import { certificationService } from './certification.service';
import { Certification, CertificationConnection, CertificationPayload, RevokeCertificationPayload } from './certification.type';
import { certificationMutations } from './certification-mutations.service';

const certId = (id: string) => uuidFromGlobalId(id, 'Certification', 'input.certificationId');

registerNode('Certification', CertificationEntity, (ctx, key) => certificationService.byId(ctx, key));

@ArgsType()
class CertificationsArgs extends ConnectionArgs {
  @Field(() => CertificationFilter, { nullable: true, description: 'Conditions the certifications must meet.' })
  filter?: CertificationFilter | null;

  @Field(() => [CertificationOrder], {
    nullable: true,
    description: 'Sort keys, most significant first; if omitted, newest first for callers who may sort by createdAt, else by ID.',
  })
  orderBy?: OrderInput<CertificationOrderField>[] | null;
}

@Resolver(() => Certification)
export class CertificationResolver extends NodeIdResolver(Certification) {
  @Query(() => CertificationConnection, { description: 'Certifications the caller may see, a page at a time.' })
  certifications(@Args() args: CertificationsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return certificationService.list(ctx, args, info);
  }

  @Mutation(() => RevokeCertificationPayload, {
    description:
      'Revokes a title in force on one of the listed grounds: REVOKED; the enterprise’s open awards are frozen and its tier recomputed (MIIT).',
  })
  revokeCertification(
    @Arg('input', () => RevokeCertificationInput, { description: 'The certification, grounds and date.' }) input: RevokeCertificationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RevokeCertificationPayload> {
    return certificationMutations.revoke(ctx, certId(input.certificationId), input);
  }

  @Mutation(() => CertificationPayload, {
    description: 'Starts the re-review (复核) of a CERTIFIED or RENEWED title in the third year of its cycle: UNDER_REVIEW (MIIT).',
  })
  async startReReview(
    @Arg('input', () => CertificationStepInput, { description: 'The certification.' }) input: CertificationStepInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationPayload> {
    return { certification: await certificationMutations.startReReview(ctx, certId(input.certificationId)) };
  }

  @Mutation(() => CertificationPayload, {
    description: 'Ends a re-review: RENEWED for a new 3-year cycle, or EXPIRED; the enterprise’s tier follows (MIIT).',
  })
  async renewCertification(
    @Arg('input', () => RenewCertificationInput, { description: 'The certification and the outcome.' }) input: RenewCertificationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificationPayload> {
    return { certification: await certificationMutations.renew(ctx, certId(input.certificationId), input) };
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() c: CertificationEntity, @Ctx() ctx: RequestContext): Promise<EnterpriseEntity | null> {
    return enterpriseService.byId(ctx, c.enterpriseId);
  }

  @FieldResolver(() => CertificationStatus)
  status(@Root() c: CertificationEntity, @Ctx() ctx: RequestContext): CertificationStatus {
    return certificationService.status(ctx, c);
  }
}

/** Enterprise.certifications lives here, beside the certifications it reads. */
@Resolver(() => Enterprise)
export class EnterpriseCertificationsResolver {
  @FieldResolver(() => [Certification], {
    nullable: true,
    description: 'Certifications held now or before that the caller may see, oldest first.',
  })
  // An estimate, not a cap: one live title per tier (three tiers), re-reviewed every three years, for decades.
  @ListBound(30)
  certifications(@Root() e: EnterpriseEntity, @Ctx() ctx: RequestContext): Promise<CertificationEntity[]> {
    return certificationService.ofEnterprise(ctx, e.id);
  }
}
