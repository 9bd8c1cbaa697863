import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql gives every plain `@Field` a resolver of its own that builds
 * a middleware context and reads `root[property]`; with no middleware and no
 * roles that is graphql-js's default resolver with an allocation per field
 * per row added. This drops that wrapper where the field has no resolver
 * method, no middleware, no roles and the same name in the schema as on the
 * class, so graphql-js reads the property itself. Runs before anything else
 * wraps resolvers (field guard, list limits), which then wrap the default.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const plainFields = new Set<string>();
  const storage = getMetadataStorage();
  const interfaceFields = new Map(storage.interfaceTypes.map((i) => [i.target, i.fields ?? []]));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const schemaFields = type.getFields();
    // As type-graphql builds the type: interface fields first, the class's own declarations replacing them.
    const fields = new Map(
      [...(objectType.interfaceClasses ?? []).flatMap((c) => interfaceFields.get(c) ?? []), ...(objectType.fields ?? [])].map((f) => [f.schemaName, f]),
    );
    for (const field of fields.values()) {
      const hasResolver = storage.fieldResolvers.some((r) => r.getObjectType?.() === field.target && r.methodName === field.name);
      const plain = !hasResolver && !field.middlewares?.length && !field.roles && field.name === field.schemaName && !field.params?.length;
      const built = schemaFields[field.schemaName];
      if (plain && built) {
        built.resolve = undefined;
        plainFields.add(`${objectType.name}.${field.schemaName}`);
      }
    }
  }
  PLAIN.set(schema, plainFields);
  return schema;
}

const PLAIN = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/**
 * The fields (`Type.field`) that just read their row's property of the same
 * name: a compiled read may fetch only that column for them. Empty for a
 * schema not built by buildAppSchema, so such reads fetch every column.
 */
export function plainFieldsOf(schema: GraphQLSchema): ReadonlySet<string> {
  return PLAIN.get(schema) ?? new Set();
}
