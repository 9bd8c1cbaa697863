import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/connection';
import { Node } from '../../graphql/node';
import { Region } from '../region/region.type';
import { ProductField, SizeClass, Tier } from './enterprise.enums';

registerEnumType(Tier, {
  name: 'Tier',
  description: 'Certification tiers of the SRDI programme, lowest first. Key-little-giant support is an Award, not a tier.',
  valuesConfig: {
    INNOVATIVE_SME: { description: '创新型中小企业: innovative SME, certified by the province.' },
    SRDI_SME: { description: '专精特新中小企业: provincial SRDI SME.' },
    LITTLE_GIANT: { description: '专精特新"小巨人": national little giant, certified by MIIT.' },
  },
});
registerEnumType(ProductField, {
  name: 'ProductField',
  description:
    'The field of an enterprise’s main product: one of the six industrial basics, of the ten key sectors of Made in China 2025, ' +
    'or of the network-power (网络强国) fields: information infrastructure, key core technologies, cyber security, data security.',
  valuesConfig: {
    CORE_BASIC_COMPONENTS: { description: 'Basics: core basic components and parts.' },
    KEY_BASIC_ELECTRONIC_COMPONENTS: { description: 'Basics: key basic electronic components.' },
    KEY_BASIC_SOFTWARE: { description: 'Basics: key basic software.' },
    KEY_BASIC_MATERIALS: { description: 'Basics: key basic materials.' },
    ADVANCED_BASIC_PROCESSES: { description: 'Basics: advanced basic processes.' },
    INDUSTRIAL_TECHNOLOGY_BASE: { description: 'Basics: industrial technology base.' },
    NEXT_GENERATION_IT: { description: 'Key sector: next-generation information technology.' },
    HIGH_END_CNC_AND_ROBOTS: { description: 'Key sector: high-end CNC machine tools and robots.' },
    AEROSPACE_EQUIPMENT: { description: 'Key sector: aerospace equipment.' },
    OCEAN_ENGINEERING_AND_SHIPS: { description: 'Key sector: ocean engineering equipment and high-tech ships.' },
    ADVANCED_RAIL_TRANSIT: { description: 'Key sector: advanced rail transit equipment.' },
    NEW_ENERGY_VEHICLES: { description: 'Key sector: energy-saving and new-energy vehicles.' },
    POWER_EQUIPMENT: { description: 'Key sector: power equipment.' },
    AGRICULTURAL_MACHINERY: { description: 'Key sector: agricultural machinery.' },
    NEW_MATERIALS: { description: 'Key sector: new materials.' },
    BIOMEDICINE_AND_MEDICAL_DEVICES: { description: 'Key sector: biomedicine and high-performance medical devices.' },
    INFORMATION_INFRASTRUCTURE: { description: 'Network power: information infrastructure.' },
    KEY_CORE_TECHNOLOGIES: { description: 'Network power: key core technologies.' },
    CYBER_SECURITY: { description: 'Network power: cyber security.' },
    DATA_SECURITY: { description: 'Network power: data security.' },
    OTHER: { description: 'Outside the basics, the key sectors and the network-power fields.' },
  },
});
registerEnumType(SizeClass, {
  name: 'SizeClass',
  description: 'Size class under 工信部联企业〔2011〕300号.',
  valuesConfig: {
    MICRO: { description: 'Micro enterprise.' },
    SMALL: { description: 'Small enterprise.' },
    MEDIUM: { description: 'Medium-sized enterprise.' },
    LARGE: { description: 'Large enterprise (not an SME).' },
  },
});

@ObjectType('Enterprise', {
  implements: Node,
  description:
    'A small or medium enterprise in the programme. The public sees certified enterprises’ published fields; an enterprise sees all of its own record; a local government, those of its region; the ministries, all.',
})
export class Enterprise implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters.' })
  creditCode: string;

  @Field(() => Boolean, { nullable: true, description: 'True when a code failing the GB 32100 check was admitted by an authorised override.' })
  creditCodeOverride: boolean | null;

  @Field({ description: 'Registered name.' })
  name: string;

  @Field(() => Region, { description: 'Region of registration.' })
  region: Region;

  @Field({ description: 'GB/T 4754 industry, e.g. "C34 通用设备制造业".' })
  industry: string;

  @Field(() => ProductField, { description: 'Field of the main product.' })
  productField: ProductField;

  @Field(() => SizeClass, { nullable: true, description: 'SME size class.' })
  sizeClass: SizeClass | null;

  @Field(() => String, { nullable: true, description: 'Date of incorporation (YYYY-MM-DD).' })
  foundedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Year the enterprise entered its niche market.' })
  nicheSinceYear: number | null;

  @Field(() => Tier, { nullable: true, description: 'Highest tier currently held; null if none.' })
  tier: Tier | null;

  @Field(() => Boolean, { nullable: true, description: 'Holds a quality-management or product certification.' })
  hasQualityCertification: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Runs an R&D institution.' })
  hasRdInstitution: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Sells under its own brand.' })
  hasOwnBrand: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Sits at a key link of an industrial chain.' })
  atKeyChainLink: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the record last changed.' })
  updatedAt: Date | null;
}

export const EnterpriseConnection = connectionType(Enterprise, 'Enterprise');

@ObjectType({ description: 'The result of registerEnterprise or updateEnterprise.' })
export class EnterprisePayload {
  @Field(() => Enterprise, { description: 'The enterprise as it is now.' })
  enterprise: object;
}
