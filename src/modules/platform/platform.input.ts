import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { PlatformKind, PlatformLevel } from './platform.enums';

@InputType({ description: 'Narrows a platform list. All given conditions must hold.' })
export class PlatformFilter {
  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'A region code: platforms registered in it or any region below it.' })
  regionCode?: string | null;

  @Field(() => PlatformKind, { nullable: true, description: 'Only platforms of this kind.' })
  kind?: PlatformKind | null;

  @Field(() => PlatformLevel, { nullable: true, description: 'Only platforms of this level.' })
  level?: PlatformLevel | null;

  @Limit({ maxLength: TEXT_LIMITS.search })
  @Field(() => String, { nullable: true, description: 'Text in the name or in the operator’s name.' })
  search?: string | null;
}

export enum PlatformOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(PlatformOrderField, {
  name: 'PlatformOrderField',
  description: 'Sort keys for platform lists; the ID breaks ties.',
  valuesConfig: {
    NAME: { description: 'By name.' },
    CREATED_AT: { description: 'By registration in this system.' },
  },
});

export const PlatformOrder = orderInputType<PlatformOrderField>(PlatformOrderField, 'Platform');
