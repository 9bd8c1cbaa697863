import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { PublicObjectionStatus } from './application.enums';
import { ObjectionRuling } from './application.input';

/** A person's name as the public gives it, and a phone number or an e-mail address. */
export const OBJECTOR_NAME_LIMIT = 100;
export const OBJECTOR_CONTACT_LIMIT = 100;

@InputType({ description: 'An objection (异议) to an application on public notice, as the notice invites.' })
export class RaisePublicObjectionInput {
  @Field(() => ID, { description: 'The application on public notice (its global ID).' })
  applicationId: string;

  @Limit({ maxLength: TEXT_LIMITS.comment, multiline: true })
  @Field({ description: 'What is objected to and why; must not be empty.' })
  grounds: string;

  @Limit({ maxLength: OBJECTOR_NAME_LIMIT })
  @Field(() => String, {
    nullable: true,
    description: 'Who objects: required without a token (the public); a signed-in caller may name a person to contact.',
  })
  objectorName?: string | null;

  @Limit({ maxLength: OBJECTOR_CONTACT_LIMIT })
  @Field(() => String, {
    nullable: true,
    description:
      'How MIIT reaches the objector: a phone number or an e-mail address; required without a token. Seen only by MIIT and the local governments of the enterprise’s region, never by the enterprise.',
  })
  objectorContact?: string | null;
}

@InputType({ description: 'MIIT’s ruling on one objection raised during public notice.' })
export class ResolvePublicObjectionInput {
  @Field(() => ID, { description: 'The objection (its global ID).' })
  objectionId: string;

  @Field(() => ObjectionRuling, { description: 'Upheld (an application still on notice is rejected) or dismissed.' })
  ruling: ObjectionRuling;

  @Limit({ maxLength: TEXT_LIMITS.reason, multiline: true })
  @Field({ description: 'Why; must not be empty. Shown to the enterprise concerned.' })
  reason: string;
}

@InputType({ description: 'Narrows a list of objections. All given conditions must hold.' })
export class PublicObjectionFilter {
  @Field(() => ID, { nullable: true, description: 'Only objections to this application.' })
  applicationId?: string | null;

  @Field(() => PublicObjectionStatus, { nullable: true, description: 'Only objections in this status.' })
  status?: PublicObjectionStatus | null;
}

export enum PublicObjectionOrderField {
  RAISED_AT = 'RAISED_AT',
}
registerEnumType(PublicObjectionOrderField, {
  name: 'PublicObjectionOrderField',
  description: 'Sort keys for lists of objections; the ID breaks ties.',
  valuesConfig: {
    RAISED_AT: { description: 'By time the objection was raised.' },
  },
});
export const PublicObjectionOrder = orderInputType<PublicObjectionOrderField>(PublicObjectionOrderField, 'PublicObjection');
