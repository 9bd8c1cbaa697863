import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * What a request selects below a field, by field name: aliases of one field
 * are merged, fragments are inlined, directives are ignored. A read compiled
 * from it may fetch a little more than the response shows (a field under
 * `@skip`), never less. Leaves map to null.
 */
export type Selection = Map<string, Selection | null>;

function collect(into: Selection, set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): void {
  if (!set) return;
  for (const node of set.selections) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      if (name.startsWith('__')) continue;
      if (!node.selectionSet) {
        if (!into.has(name)) into.set(name, null);
        continue;
      }
      let below = into.get(name);
      if (!below) {
        below = new Map();
        into.set(name, below);
      }
      collect(below, node.selectionSet, fragments, seen);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(into, node.selectionSet, fragments, seen);
    } else if (!seen.has(node.name.value)) {
      // A fragment spread twice on one path is read once; validation already refused cycles.
      collect(into, fragments[node.name.value]?.selectionSet, fragments, new Set([...seen, node.name.value]));
    }
  }
}

/** The selection under the resolving field, then down `path` (e.g. ['edges', 'node']); null if the path is not selected. */
export function selectionOf(info: GraphQLResolveInfo, path: string[] = []): Selection | null {
  let here: Selection = new Map();
  for (const node of info.fieldNodes) collect(here, node.selectionSet, info.fragments, new Set());
  for (const step of path) {
    const next = here.get(step);
    if (!next) return null;
    here = next;
  }
  return here;
}
