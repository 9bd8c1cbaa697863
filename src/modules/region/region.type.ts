import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ListBound } from '../../graphql/list-bound';
import { Node } from '../../graphql/node';
import { RegionLevel } from './region.entity';

/**
 * How many regions data/regions.csv (loaded by a migration, read-only since)
 * holds per level, and the most children any one region has (130600 Baoding
 * and 500100 Chongqing's districts: 26). The cost estimate counts region
 * lists by these; a test checks them against the file.
 */
export const REGIONS_PER_LEVEL = { PROVINCE: 31, PREFECTURE: 342, COUNTY: 2975, ALL: 3348 } as const;
export const MAX_CHILDREN = 26;

/** Regions `regions(parentCode, level)` can return. */
export function regionsBound(args: { parentCode?: unknown; level?: unknown }): number {
  if (args.parentCode != null) return MAX_CHILDREN;
  const level = args.level as RegionLevel | null | undefined;
  return level != null ? REGIONS_PER_LEVEL[level] : REGIONS_PER_LEVEL.ALL;
}

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
  @ListBound(MAX_CHILDREN)
  children: Region[];
}
