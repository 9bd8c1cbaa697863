import { GraphQLInterfaceType, GraphQLSchema } from 'graphql';
import { ClassType, Field, FieldResolver, getMetadataStorage, ID, InterfaceType, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../core/context';
import { toGlobalId } from '../core/global-id';

type Fetch = (ctx: RequestContext, key: string) => Promise<object | null>;
type Key = (row: object) => string;

interface NodeKind {
  typeName: string;
  entity: Function;
  fetch: Fetch;
  key: Key;
}

const byId: Key = (row) => String((row as { id: unknown }).id);

const byType = new Map<string, NodeKind>();
const byEntity = new Map<Function, NodeKind>();

/**
 * Each module registers its node types: the GraphQL type name, the entity
 * class its resolvers return, how to fetch one by key for the caller
 * (returning null for what the caller may not see), and the row's key when it
 * is not its `id` column.
 */
export function registerNode<E extends object>(typeName: string, entity: new (...args: never[]) => E, fetch: Fetch, key?: (row: E) => string): void {
  const kind: NodeKind = { typeName, entity, fetch, key: (key as Key | undefined) ?? byId };
  byType.set(typeName, kind);
  byEntity.set(entity, kind);
}

export function nodeKind(typeName: string): NodeKind | undefined {
  return byType.get(typeName);
}

export function nodeTypeName(value: object): string {
  const kind = byEntity.get(value.constructor);
  if (!kind) throw new Error(`no Node type registered for ${value.constructor.name}`);
  return kind.typeName;
}

/**
 * `Node` resolved to its type's name directly. type-graphql wraps every
 * `resolveType` in an async function; compiled queries (graphql-jit, see
 * compiled-execution.ts) take a type name, not a promise of one, and
 * graphql-js is spared a promise per node.
 */
export function resolveNodeTypeDirectly(schema: GraphQLSchema): GraphQLSchema {
  const node = schema.getType('Node');
  if (!(node instanceof GraphQLInterfaceType)) throw new Error('the schema has no Node interface');
  node.resolveType = (value) => nodeTypeName(value as object);
  return schema;
}

/** The global ID of a row of a registered node type: what its `id` field returns and `node(id:)` takes back. */
export function globalIdOf(typeName: string, row: object): string {
  const kind = byType.get(typeName);
  if (!kind) throw new Error(`no Node type registered as ${typeName}`);
  return toGlobalId(typeName, kind.key(row));
}

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque ID. Any Node can be fetched again with `node(id:)`.',
  resolveType: (value: object) => nodeTypeName(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID. Do not parse it; pass it back as it is.' })
  id: string;
}

/**
 * The `id` field of a Node type, resolved the one way every node type shares
 * (`globalIdOf` with the type's GraphQL name). A type's resolver extends
 * `NodeIdResolver(Type)`; the base itself is never listed among the schema's
 * resolvers. Each call makes a new base class: type-graphql hands a base
 * resolver's field resolvers to one subclass only.
 */
export function NodeIdResolver(type: ClassType) {
  const objectType = getMetadataStorage().objectTypes.find((t) => t.target === type);
  if (!objectType) throw new Error(`${type.name} is not an @ObjectType`);
  const typeName = objectType.name;

  @Resolver(() => type)
  abstract class NodeIdFieldResolver {
    @FieldResolver(() => ID)
    id(@Root() row: object): string {
      return globalIdOf(typeName, row);
    }
  }
  return NodeIdFieldResolver;
}
