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

/**
 * Selections by the field node they were walked from. Apollo keeps a parsed
 * document for every query text it sees, so the same query sent again has
 * the same nodes and its selection is walked once. A field node belongs to
 * one document, and so to one set of fragments.
 */
const walked = new WeakMap<object, Selection>();

/**
 * The selection under the resolving field, then down `path` (e.g. ['edges', 'node']); null if the path is not selected.
 * Shared between requests of the same document: callers must not change it.
 */
export function selectionOf(info: GraphQLResolveInfo, path: string[] = []): Selection | null {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
  let here: Selection | undefined = single ? walked.get(single) : undefined;
  if (!here) {
    const fresh: Selection = new Map();
    for (const node of info.fieldNodes) collect(fresh, node.selectionSet, info.fragments, new Set());
    if (single) walked.set(single, fresh);
    here = fresh;
  }
  for (const step of path) {
    const next: Selection | null | undefined = here.get(step);
    if (!next) return null;
    here = next;
  }
  return here;
}
