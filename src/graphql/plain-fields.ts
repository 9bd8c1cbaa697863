import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { recordPlainFields } from '../data/plain-fields';

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
      [...(objectType.interfaceClasses ?? []).flatMap((c) => interfaceFields.get(c) ?? []), ...(objectType.fields ?? [])].map((f) => [
        f.schemaName,
        f,
      ]),
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
  recordPlainFields(schema, plainFields);
  return schema;
}

interface ResolverParam {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}

/** type-graphql's own conversion of a `@Root()` value to the parameter's class (helpers/types.js, not exported). */
function convertToType(target: unknown, data: unknown): unknown {
  // Primitives come back as they are (type-graphql's list of simple types: String, Boolean, Number…).
  if (data == null || typeof data !== 'object' || typeof target !== 'function') return data;
  if ([Date, Array, Promise].includes(data.constructor as never) || data instanceof target) return data;
  if (Array.isArray(data)) return data.map((item) => convertToType(target, item));
  const instance = new (target as new () => Record<string, unknown>)();
  for (const key of Object.keys(instance)) {
    if (instance[key] === undefined && !(key in data)) delete instance[key];
  }
  return Object.assign(instance, data);
}

type Pick = (root: unknown, context: unknown, info: unknown) => unknown;

/**
 * type-graphql calls a `@FieldResolver` through a wrapper that, on every row,
 * looks its resolver instance up in a list, sorts the parameters and builds
 * each one: for `id`, `region` and the like that was more work than the field.
 * Where the method takes only `@Root()`, `@Ctx()` and `@Info()` (no arguments
 * to convert), and has no middleware and no roles, this calls it directly
 * with the same values (the root converted to the parameter's class exactly
 * as type-graphql does). Runs where readPlainFieldsDirectly runs, before any
 * of our wrappers.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  const direct = new Set<string>();
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || def.middlewares?.length || def.roles || !def.schemaName) continue;
    const params = [...((def.params ?? []) as ResolverParam[])].sort((a, b) => a.index - b.index);
    const simple = params.every((p) => p.kind === 'info' || ((p.kind === 'root' || p.kind === 'context') && !p.propertyName));
    const objectType = storage.objectTypes.find((o) => o.target === def.getObjectType?.());
    const type = objectType && schema.getType(objectType.name);
    const field = type instanceof GraphQLObjectType ? type.getFields()[def.schemaName] : undefined;
    if (!simple || !objectType || !field) continue;
    const Target = def.target as new () => Record<string, (...args: unknown[]) => unknown>;
    let instance = instances.get(Target);
    if (!instance) instances.set(Target, (instance = new Target()));
    const method = instance[def.methodName];
    const picks: Pick[] = params.map((p) => {
      if (p.kind === 'context') return (_root, context) => context;
      if (p.kind === 'info') return (_root, _context, info) => info;
      const getType = p.getType;
      return getType ? (root) => convertToType(getType(), root) : (root) => root;
    });
    const self = instance;
    field.resolve =
      picks.length === 1
        ? (root, _args, context, info) => method.call(self, picks[0](root, context, info))
        : (root, _args, context, info) =>
            method.apply(
              self,
              picks.map((pick) => pick(root, context, info)),
            );
    direct.add(`${objectType.name}.${def.schemaName}`);
  }
  DIRECT.set(schema, direct);
  return schema;
}

const DIRECT = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The fields (`Type.field`) whose resolver method is called without type-graphql's wrapper. */
export function directFieldResolversOf(schema: GraphQLSchema): ReadonlySet<string> {
  return DIRECT.get(schema) ?? new Set();
}
