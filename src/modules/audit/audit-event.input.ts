import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';

@InputType({ description: 'Narrows an audit trail. All given conditions must hold.' })
export class AuditEventFilter {
  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'Only events on records of this type, e.g. "Award".' })
  subjectType?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'Only events on the record with this key (as in AuditEvent.subjectId).' })
  subjectId?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'Only events of this action.' })
  action?: string | null;
}

export enum AuditEventOrderField {
  OCCURRED_AT = 'OCCURRED_AT',
  ID = 'ID',
}
registerEnumType(AuditEventOrderField, {
  name: 'AuditEventOrderField',
  description: 'Sort keys for audit trails.',
  valuesConfig: {
    OCCURRED_AT: { description: 'By time of the event; the ID breaks ties.' },
    ID: { description: 'By order of recording.' },
  },
});

export const AuditEventOrder = orderInputType<AuditEventOrderField>(AuditEventOrderField, 'AuditEvent');
