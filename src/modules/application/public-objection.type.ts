import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';
import { PublicObjectionStatus } from './application.enums';
import { Application } from './application.type';

registerEnumType(PublicObjectionStatus, {
  name: 'PublicObjectionStatus',
  description: 'Where an objection raised during public notice stands.',
  valuesConfig: {
    OPEN: { description: 'Raised; MIIT has not ruled. The application cannot be certified while one is open.' },
    UPHELD: { description: 'MIIT upheld it: an application still on notice was rejected.' },
    DISMISSED: { description: 'MIIT dismissed it.' },
  },
});

@ObjectType('PublicObjection', {
  implements: Node,
  description:
    'An objection (异议) raised during public notice (公示) by anyone, the public included. MIIT and the local governments of the enterprise’s region see all of it; the enterprise concerned sees the grounds and the ruling, never who objected or how to reach them; no one else sees it.',
})
export class PublicObjection implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Application, { nullable: true, description: 'The application objected to.' })
  application: Application | null;

  @Field({ description: 'What is objected to and why.' })
  grounds: string;

  @Field(() => PublicObjectionStatus, { description: 'Open, upheld or dismissed.' })
  status: PublicObjectionStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'The objector’s role when it objected: PUBLIC without a token. Null (with FORBIDDEN) for the enterprise concerned, as every field naming the objector.',
  })
  objectorRole: string | null;

  @Field(() => String, { nullable: true, description: 'The objector’s token subject; "anonymous" for the public.' })
  objectorSubject: string | null;

  @Field(() => String, { nullable: true, description: 'The name the objector gave.' })
  objectorName: string | null;

  @Field(() => String, { nullable: true, description: 'The phone number or e-mail address the objector gave.' })
  objectorContact: string | null;

  @Field(() => String, { nullable: true, description: 'MIIT’s reason for its ruling; null while open.' })
  resolutionReason: string | null;

  @Field(() => String, { nullable: true, description: 'Who at MIIT ruled (the token subject); null while open.' })
  resolvedBy: string | null;

  @Field(() => Date, { description: 'When the objection was raised.' })
  raisedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When MIIT ruled; null while open.' })
  resolvedAt: Date | null;
}

export const PublicObjectionConnection = connectionType(PublicObjection, 'PublicObjection');

@ObjectType({
  description:
    'The receipt of raisePublicObjection: what the objector may quote when following it up. The objection itself is read only by those who handle it.',
})
export class PublicObjectionReceipt {
  @Field(() => ID, { description: 'The objection’s global ID.' })
  objectionId: string;

  @Field(() => Date, { description: 'When it was raised.' })
  raisedAt: Date;
}

@ObjectType({ description: 'The result of resolvePublicObjection.' })
export class PublicObjectionPayload {
  @Field(() => PublicObjection, { description: 'The objection as it is now.' })
  publicObjection: object;

  @Field(() => Application, {
    nullable: true,
    description: 'The application objected to, as it is now (REJECTED when an objection to it on notice was upheld).',
  })
  application: object | null;
}
