import { Field, ID, InterfaceType } from 'type-graphql';
import { RequestContext } from '../core/context';

type Fetch = (ctx: RequestContext, key: string) => Promise<object | null>;

interface NodeKind {
  typeName: string;
  entity: Function;
  fetch: Fetch;
}

const byType = new Map<string, NodeKind>();
const byEntity = new Map<Function, NodeKind>();

/**
 * Each module registers its node types: the GraphQL type name, the entity
 * class its resolvers return, and how to fetch one by key for the caller
 * (returning null for what the caller may not see).
 */
export function registerNode(typeName: string, entity: Function, fetch: Fetch): void {
  const kind = { typeName, entity, fetch };
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

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque ID. Any Node can be fetched again with `node(id:)`.',
  resolveType: (value: object) => nodeTypeName(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque ID. Do not parse it; pass it back as it is.' })
  id: string;
}
