import { Limit, TEXT_LIMITS } from '../../graphql/input-limits';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { ProductField, SizeClass, Tier } from './enterprise.enums';

@InputType({ description: 'Narrows an enterprise list. All given conditions must hold.' })
export class EnterpriseFilter {
  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'A region code: enterprises registered in it or any region below it.' })
  regionCode?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Only enterprises whose highest current tier is this.' })
  tier?: Tier | null;

  @Limit({ maxLength: TEXT_LIMITS.search })
  @Field(() => String, { nullable: true, description: 'Text in the name, or the start of the credit code.' })
  search?: string | null;

  @Field(() => ProductField, { nullable: true, description: 'Only this product field.' })
  productField?: ProductField | null;

  @Field(() => SizeClass, { nullable: true, description: 'Only this size class (not for the public).' })
  sizeClass?: SizeClass | null;
}

export enum EnterpriseOrderField {
  NAME = 'NAME',
  CREDIT_CODE = 'CREDIT_CODE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  description: 'Sort keys for enterprise lists; the ID breaks ties.',
  valuesConfig: {
    NAME: { description: 'By name.' },
    CREDIT_CODE: { description: 'By unified social credit code.' },
    CREATED_AT: { description: 'By registration in this system (not for the public).' },
  },
});

export const EnterpriseOrder = orderInputType<EnterpriseOrderField>(EnterpriseOrderField, 'Enterprise');

@InputType({ description: 'A new enterprise, registered by the local government of its region.' })
export class RegisterEnterpriseInput {
  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'Unified social credit code, 18 characters, upper case.' })
  creditCode: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Admit a real registered code that fails the GB 32100 check character; recorded in the audit trail.',
  })
  creditCodeOverride: boolean;

  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field({ description: 'Registered name.' })
  name: string;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field({ description: 'Six-digit code of the region of registration; must be within the caller’s region.' })
  regionCode: string;

  @Field({ description: 'GB/T 4754 industry, e.g. "C34 通用设备制造业".' })
  industry: string;

  @Field(() => ProductField, { description: 'Field of the main product.' })
  productField: ProductField;

  @Field(() => SizeClass, { description: 'SME size class.' })
  sizeClass: SizeClass;
}

@InputType({ description: 'Changes to an enterprise; only the given fields change.' })
export class UpdateEnterpriseInput {
  @Field(() => ID, { description: 'The enterprise’s global ID.' })
  id: string;

  @Limit({ maxLength: TEXT_LIMITS.name })
  @Field(() => String, { nullable: true, description: 'New registered name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New industry.' })
  industry?: string | null;

  @Field(() => ProductField, { nullable: true, description: 'New product field.' })
  productField?: ProductField | null;

  @Field(() => SizeClass, { nullable: true, description: 'New size class.' })
  sizeClass?: SizeClass | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'New region of registration (a move); local governments only.' })
  regionCode?: string | null;

  @Limit({ maxLength: TEXT_LIMITS.code })
  @Field(() => String, { nullable: true, description: 'Date of founding, YYYY-MM-DD; not after today (China Standard Time).' })
  foundedOn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year the enterprise entered its niche market: from 1949, not after this year nor before the year it was founded.',
  })
  nicheSinceYear?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Holds a quality-management or product certification.' })
  hasQualityCertification?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Has an R&D institution.' })
  hasRdInstitution?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Has its own brand.' })
  hasOwnBrand?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Sits at a key link of an industrial chain.' })
  atKeyChainLink?: boolean | null;
}
