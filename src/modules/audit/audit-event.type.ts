import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';

@ObjectType('AuditEvent', {
  implements: Node,
  description:
    'One entry of the append-only audit trail: who did what to which record, and what changed. An enterprise or a platform sees the trail of its own records, a local government that of its region, the ministries all.',
})
export class AuditEvent implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The `sub` claim of the actor’s token; null (with FORBIDDEN) where the caller may not know who acted, as an applicant in the steps of its review and objections, which are blind.',
  })
  actorSubject: string | null;

  @Field({ description: 'The actor’s role (ENTERPRISE, PLATFORM, LOCAL_GOV, MIIT, MOF).' })
  actorRole: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The actor’s tenant: an enterprise or platform key, or a region code; null for the ministries, and (with FORBIDDEN) where the caller may not know who acted.',
  })
  tenant: string | null;

  @Field({ description: 'What was done, e.g. a mutation’s name.' })
  action: string;

  @Field({ description: 'Type of the record acted on, e.g. "Award".' })
  subjectType: string;

  @Field({ description: 'Key of the record acted on, as stored (not a global ID).' })
  subjectId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The enterprise whose trail this is (the global ID of an Enterprise), if any: what `viewer.permissions` conditions test.',
  })
  enterpriseId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The platform whose trail this is (the global ID of a Platform), if any: what `viewer.permissions` conditions test.',
  })
  platformId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The GB/T 2260 code of the region the record belongs to (its enterprise’s or platform’s): what `viewer.permissions` conditions of a local government test.',
  })
  regionCode: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record’s relevant fields before the change; null for a creation.' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record’s relevant fields after the change.' })
  after: unknown;

  @Field(() => String, { nullable: true, description: 'ID of the HTTP request that made the change (the x-request-id header).' })
  requestId: string | null;
}

export const AuditEventConnection = connectionType(AuditEvent, 'AuditEvent');
