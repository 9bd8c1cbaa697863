/**
 * The example operations of docs/examples.graphql: GraphiQL opens them as tabs,
 * and the persisted-query allow-list admits them.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, parse, visit } from 'graphql';
import { PROJECT_ROOT } from '../config/paths';

export interface GraphiQLExample {
  /** Shown for reference only: GraphiQL titles a tab by the operation name inside `query`. */
  name: string;
  query: string;
  variables?: string;
}

export const EXAMPLES_FILE = path.join(PROJECT_ROOT, 'docs', 'examples.graphql');

/**
 * One example per top-level operation of a .graphql file, in file order, each
 * with the fragments it uses (transitively) appended. The operation's own text
 * is kept as written, so the file's formatting is what users see.
 */
export function parseExamples(source: string, file = 'examples.graphql'): GraphiQLExample[] {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    const where = error instanceof GraphQLError && error.locations?.[0] ? `:${error.locations[0].line}:${error.locations[0].column}` : '';
    throw new Error(`${file}${where}: ${(error as Error).message}`, { cause: error });
  }
  const text = (node: { loc?: { start: number; end: number } }) => source.slice(node.loc!.start, node.loc!.end);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const spreadsIn = (node: OperationDefinitionNode | FragmentDefinitionNode): string[] => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
    return names;
  };
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation, index) => {
      const used: string[] = [];
      const queue = spreadsIn(operation);
      while (queue.length > 0) {
        const name = queue.shift()!;
        const fragment = fragments.get(name);
        if (!fragment || used.includes(name)) continue;
        used.push(name);
        queue.push(...spreadsIn(fragment));
      }
      const query = [text(operation), ...used.map((name) => text(fragments.get(name)!))].join('\n\n') + '\n';
      return { name: operation.name?.value ?? `Example ${index + 1}`, query };
    });
}

/** The examples in `file`, or none when it does not exist. */
export function readExamplesFile(file: string): GraphiQLExample[] {
  if (!existsSync(file)) return [];
  return parseExamples(readFileSync(file, 'utf8'), path.relative(PROJECT_ROOT, file));
}
