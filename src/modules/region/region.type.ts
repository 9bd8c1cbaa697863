import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { RegionLevel } from './region.entity';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Level of a GB/T 2260 administrative division.',
  valuesConfig: {
    PROVINCE: { description: 'Province, autonomous region or municipality (省级), e.g. 320000 Jiangsu.' },
    PREFECTURE: { description: 'Prefecture-level division (地级), e.g. 320100 Nanjing.' },
    COUNTY: { description: 'County-level division (县级), e.g. 320102 Xuanwu District.' },
  },
});

@ObjectType('Region', {
  implements: Node,
  description:
    'An administrative division of China (GB/T 2260, National Bureau of Statistics 2023 edition). Local governments are scoped to a region and everything below it.',
})
export class Region implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field({ description: 'Six-digit GB/T 2260 code, e.g. "320000".' })
  code: string;

  @Field({ description: 'Official Chinese name, e.g. "江苏省".' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name; provided for provinces only.' })
  nameEn: string | null;

  @Field(() => RegionLevel, { description: 'Province, prefecture or county.' })
  level: RegionLevel;

  @Field(() => Region, { nullable: true, description: 'The region directly above; null for a province.' })
  parent: Region | null;

  @Field(() => [Region], { description: 'The regions directly below, ordered by code.' })
  children: Region[];
}
