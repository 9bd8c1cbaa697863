import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { orderInputType } from '../../graphql/connection';
import { Tier } from '../enterprise/enterprise.enums';
import { ApplicationStatus } from './application.enums';

@InputType({ description: 'Narrows an application list. All given conditions must hold.' })
export class ApplicationFilter {
  @Field(() => ID, { nullable: true, description: 'Only applications of this enterprise (its global ID).' })
  enterpriseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A region code: applications of enterprises registered in it or any region below it.',
  })
  regionCode?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Only applications for this tier.' })
  tier?: Tier | null;

  @Field(() => ApplicationStatus, { nullable: true, description: 'Only applications in this status.' })
  status?: ApplicationStatus | null;
}

export enum ApplicationOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ApplicationOrderField, {
  name: 'ApplicationOrderField',
  description: 'Sort keys for application lists; the ID breaks ties.',
  valuesConfig: {
    CREATED_AT: { description: 'By creation of the application.' },
    UPDATED_AT: { description: 'By its last change.' },
  },
});

export const ApplicationOrder = orderInputType<ApplicationOrderField>(ApplicationOrderField, 'Application');
