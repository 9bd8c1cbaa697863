import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { ProductField, SizeClass, Tier } from './enterprise.enums';

@InputType({ description: 'Narrows an enterprise list. All given conditions must hold.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'A region code: enterprises registered in it or any region below it.' })
  regionCode?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Only enterprises whose highest current tier is this.' })
  tier?: Tier | null;

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
