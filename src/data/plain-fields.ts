import { GraphQLSchema } from 'graphql';

/**
 * Which fields of a schema just read their row's property of the same name,
 * as the schema's builder (src/graphql/plain-fields.ts) found them: a
 * compiled read may fetch only that column for them.
 */
const PLAIN = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

export function recordPlainFields(schema: GraphQLSchema, fields: ReadonlySet<string>): void {
  PLAIN.set(schema, fields);
}

/** The fields (`Type.field`) recorded as plain; empty for a schema not built by buildAppSchema, so such reads fetch every column. */
export function plainFieldsOf(schema: GraphQLSchema): ReadonlySet<string> {
  return PLAIN.get(schema) ?? new Set();
}
