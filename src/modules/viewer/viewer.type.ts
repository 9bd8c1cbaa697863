import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import { Platform } from '../platform/platform.type';
import { Region } from '../region/region.type';
import { Role, ROLE_DETAILS, ROLES } from '../../auth/roles';

/** The roles as a GraphQL enum, names and descriptions taken from roles.ts so the schema lists exactly the roles the code knows. */
export const ViewerRole = Object.fromEntries(ROLES.map((r) => [r, r])) as { readonly [R in Role]: R };
registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description: 'The role of a token; PUBLIC without one.',
  valuesConfig: Object.fromEntries(ROLES.map((r) => [r, { description: ROLE_DETAILS[r].description }])),
});

@ObjectType('Viewer', { description: 'Who is calling, and what the policy lets them do.' })
export class ViewerType {
  @Field(() => ViewerRole, { description: 'The caller’s role.' })
  role: Role;

  @Field({ description: 'The token’s subject (`sub`); "anonymous" without a token.' })
  subject: string;

  @Field(() => Enterprise, { nullable: true, description: 'For ENTERPRISE: the enterprise the token acts for.' })
  enterprise: Enterprise | null;

  @Field(() => Region, { nullable: true, description: 'For LOCAL_GOV: the region the token governs (and everything below it).' })
  region: Region | null;

  @Field(() => Platform, { nullable: true, description: 'For PLATFORM: the public service platform the token acts for.' })
  platform: Platform | null;

  @Field(() => GraphQLJSON, {
    description:
      'The caller’s CASL rules, packed with @casl/ability’s packRules: unpack them with unpackRules and build an ability with createMongoAbility, and ask it about objects as the API returns them (subject type from `__typename`). Subjects are GraphQL type names, fields GraphQL field names, conditions test the API’s own fields in dot notation with global IDs (`enterprise.id`, `region.code`), and the actions are those some mutation exercises. For a row in a list, its `viewerCan` gives the same answers without fetching what the conditions test (docs/frontend-permissions.md).',
  })
  permissions: unknown;
}
