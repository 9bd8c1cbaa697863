import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
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

@InputType({
  description: 'A new platform: a provincial one, registered by the local government of its region, or a national one, registered by MIIT.',
})
export class RegisterPlatformInput {
  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field({ description: 'Name of the platform.' })
  name: string;

  @Field(() => PlatformKind, { description: 'Demonstration platform or development zone.' })
  kind: PlatformKind;

  @Field(() => PlatformLevel, { description: 'National (MIIT) or provincial (local government) recognition.' })
  level: PlatformLevel;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'Six-digit code of the region of registration; for a local government, within its region.' })
  regionCode: string;

  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field({ description: 'The organisation that runs the platform.' })
  operator: string;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'Unified social credit code of the operator, 18 characters, upper case.' })
  operatorCreditCode?: string | null;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Admit a real registered operator code that fails the GB 32100 check character; recorded in the audit trail.',
  })
  operatorCreditCodeOverride: boolean;
}

@InputType({ description: 'Changes to a platform; only the given fields change.' })
export class UpdatePlatformInput {
  @Field(() => ID, { description: 'The platform’s global ID.' })
  id: string;

  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => PlatformKind, { nullable: true, description: 'New kind; the authorities only.' })
  kind?: PlatformKind | null;

  @Field(() => PlatformLevel, { nullable: true, description: 'New level of recognition; the authorities only, within their own rules.' })
  level?: PlatformLevel | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'New region of registration (a move); the authorities only.' })
  regionCode?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field(() => String, { nullable: true, description: 'New operator.' })
  operator?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'New unified social credit code of the operator.' })
  operatorCreditCode?: string | null;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Admit a real registered operator code that fails the GB 32100 check character; recorded in the audit trail.',
  })
  operatorCreditCodeOverride: boolean;
}
