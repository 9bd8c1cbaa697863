import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';
import { Region } from '../region/region.type';
import { PlatformKind, PlatformLevel } from './platform.enums';

registerEnumType(PlatformKind, {
  name: 'PlatformKind',
  description: 'What kind of carrier of SME services a platform is.',
  valuesConfig: {
    PUBLIC_SERVICE_DEMONSTRATION_PLATFORM: { description: '中小企业公共服务示范平台: a demonstration platform of public services to SMEs.' },
    DEVELOPMENT_ZONE: { description: 'A development zone supported as a carrier of SRDI growth.' },
  },
});
registerEnumType(PlatformLevel, {
  name: 'PlatformLevel',
  description: 'Who recognised the platform.',
  valuesConfig: {
    NATIONAL: { description: 'Recognised nationally, by MIIT.' },
    PROVINCIAL: { description: 'Recognised by a province.' },
  },
});

@ObjectType('Platform', {
  implements: Node,
  description:
    'A service platform or development zone that receives awards to spend on services to SMEs. Platforms are published: anyone may read them; their awards only the platform, its local government and the ministries.',
})
export class Platform implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field({ description: 'Name of the platform.' })
  name: string;

  @Field(() => PlatformKind, { description: 'Demonstration platform or development zone.' })
  kind: PlatformKind;

  @Field(() => PlatformLevel, { description: 'National or provincial recognition.' })
  level: PlatformLevel;

  @Field(() => Region, { description: 'Region where the platform is registered.' })
  region: Region;

  @Field({ description: 'The organisation that runs the platform.' })
  operator: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code of the operator, if recorded.' })
  operatorCreditCode: string | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const PlatformConnection = connectionType(Platform, 'Platform');

@ObjectType({ description: 'The result of registerPlatform or updatePlatform.' })
export class PlatformPayload {
  @Field(() => Platform, { description: 'The platform as it is now.' })
  platform: object;
}
