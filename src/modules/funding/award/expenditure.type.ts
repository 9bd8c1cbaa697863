import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../graphql/connection';
import { Node } from '../../../graphql/node';
import { MoneyScalar } from '../../../graphql/scalars/money';
import { Award } from './award.type';
import { ExpenditureCategory } from './award.enums';

registerEnumType(ExpenditureCategory, {
  name: 'ExpenditureCategory',
  description: 'What award money was spent on. Platform awards may only use the *_SERVICE categories (services to SMEs); enterprise awards any.',
  valuesConfig: {
    TECHNOLOGY_INNOVATION_SERVICE: { description: 'Service to SMEs: technology innovation.' },
    LISTING_COACHING_SERVICE: { description: 'Service to SMEs: coaching towards a stock-exchange listing.' },
    COMMERCIALISATION_SERVICE: { description: 'Service to SMEs: commercialisation of research results.' },
    DIGITAL_TRANSFORMATION_SERVICE: { description: 'Service to SMEs: digital transformation.' },
    INTELLECTUAL_PROPERTY_SERVICE: { description: 'Service to SMEs: intellectual property.' },
    CLOUD_ADOPTION_SERVICE: { description: 'Service to SMEs: moving to the cloud.' },
    INDUSTRIAL_DESIGN_SERVICE: { description: 'Service to SMEs: industrial design.' },
    TRAINING_SERVICE: { description: 'Service to SMEs: training.' },
    RESEARCH_AND_DEVELOPMENT: { description: 'The recipient’s own research and development.' },
    EQUIPMENT: { description: 'Equipment.' },
    TALENT: { description: 'Recruiting and keeping skilled staff.' },
    WORKING_CAPITAL: { description: 'Working capital.' },
    PLATFORM_CONSTRUCTION: {
      description: 'A platform’s own construction: never allowed for platform awards; named so a refusal can say what it refused.',
    },
    PLATFORM_OPERATING_COSTS: {
      description: 'A platform’s own running costs: never allowed for platform awards; named so a refusal can say what it refused.',
    },
    OTHER: { description: 'Anything else (enterprise awards only).' },
  },
});

@ObjectType('Expenditure', {
  implements: Node,
  description: 'Spending recorded by the recipient against its award.',
})
export class Expenditure implements Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID.' })
  id: string;

  @Field(() => Award, { nullable: true, description: 'The award spent from.' })
  award: Award | null;

  @Field(() => ExpenditureCategory, { description: 'What the money was spent on.' })
  category: ExpenditureCategory;

  @Field(() => MoneyScalar, { description: 'Amount spent, yuan.' })
  amount: string;

  @Field({ description: 'Date of the spending (YYYY-MM-DD).' })
  spentOn: string;

  @Field(() => String, { nullable: true, description: 'Free-text note by the recipient.' })
  description: string | null;

  @Field(() => Date, { nullable: true, description: 'When the record was created.' })
  createdAt: Date | null;
}

export const ExpenditureConnection = connectionType(Expenditure, 'Expenditure');

@ObjectType({ description: 'The result of recordExpenditure.' })
export class ExpenditurePayload {
  @Field(() => Expenditure, { description: 'The expenditure recorded.' })
  expenditure: object;

  @Field(() => Award, { description: 'The award as it is now.' })
  award: object;
}
