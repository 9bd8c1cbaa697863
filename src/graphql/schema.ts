import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { fieldGuard } from '../authz/field-guard';
import { EnterpriseResolver, FinancialReportResolver } from '../modules/enterprise/enterprise.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { NodeResolver } from './node.resolver';

/** Every resolver class of the API; a module adds its own here. */
export const RESOLVERS = [NodeResolver, RegionResolver, EnterpriseResolver, FinancialReportResolver] as const;

/**
 * Builds the executable schema from the decorated classes. Validation of
 * inputs is done by the services (domain rules need the database anyway), so
 * class-validator stays off.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], validate: false, globalMiddlewares: [fieldGuard] });
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs are stable. */
export function sortedSchema(schema: GraphQLSchema): GraphQLSchema {
  return lexicographicSortSchema(schema);
}
