import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { guardSubjectFields } from '../authz/field-guard';
import { SUBJECTS } from '../authz/policy';
import { servePreloaded } from '../data/relations';
import { applyInputLimits } from '../graphql/input-validation';
import { limitListFields } from '../graphql/list-bound';
import { resolvePromisedPageFields } from '../graphql/connection';
import { resolveNodeTypeDirectly } from '../graphql/node';
import { NodeResolver } from '../graphql/node.resolver';
import { callFieldResolversDirectly, readPlainFieldsDirectly } from '../graphql/plain-fields';
import { countNodeFields, viewerCanResolver } from '../graphql/viewer-can';
import { MODULE_RESOLVERS, NODE_TYPES } from '../modules/resolvers';

/** Every resolver class of the API: the shared `node` lookup, the modules' own, and `viewerCan` on every node type. */
export const RESOLVERS = [NodeResolver, ...MODULE_RESOLVERS, ...SUBJECTS.map((subject) => viewerCanResolver(subject, NODE_TYPES[subject]))] as const;

/**
 * Builds the executable schema from the decorated classes. Every list
 * field must declare its bound, and counts its items against the request's
 * response-size limit; masked fields are guarded; the shape of inputs
 * (lengths, characters, list sizes) is checked once for all fields by
 * applyInputLimits, their meaning by the services (domain rules need the
 * database anyway), so class-validator stays off. Each step wraps the
 * resolvers the one before left, so inputs are checked first.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = resolvePromisedPageFields(
    resolveNodeTypeDirectly(
      countNodeFields(callFieldResolversDirectly(readPlainFieldsDirectly(await buildSchema({ resolvers: [...RESOLVERS], validate: false })))),
    ),
  );
  limitListFields(servePreloaded(schema));
  return applyInputLimits(guardSubjectFields(schema));
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs are stable. */
export function sortedSchema(schema: GraphQLSchema): GraphQLSchema {
  return lexicographicSortSchema(schema);
}
