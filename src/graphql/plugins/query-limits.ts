import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  visit,
  BREAK,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { QueryLimits } from '../../config/config';
import { DEFAULT_PAGE_SIZE } from '../connection';
import { isListField, listBoundOf, listFields, listRows } from '../list-bound';
import { QueryLimitName, QueryTooComplexError } from '../../core/errors';

/**
 * How big one operation is, measured on the document before anything runs.
 * Fragments are expanded (a fragment spread twice counts twice) with each
 * fragment measured once, so the work is linear in the document's size.
 */
export interface OperationShape {
  /** Nesting of fields; `{ a { b } }` is 2. Introspection's own nesting is graphql-js's MaxIntrospectionDepthRule's business. */
  depth: number;
  /** Aliased fields, counted as often as they would be executed. */
  aliases: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, OperationShape>();
  const measure = (selectionSet: SelectionSetNode, visiting: Set<string>): OperationShape => {
    let depth = 0;
    let aliases = 0;
    for (const selection of selectionSet.selections) {
      let inner: OperationShape;
      if (selection.kind === Kind.FIELD) {
        const child =
          selection.selectionSet && !INTROSPECTION_ROOTS.has(selection.name.value)
            ? measure(selection.selectionSet, visiting)
            : { depth: 0, aliases: 0 };
        inner = { depth: child.depth + 1, aliases: child.aliases + (selection.alias ? 1 : 0) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Unknown and cyclic fragments are validation errors; count nothing for them.
        if (!fragment || visiting.has(name)) continue;
        let known = memo.get(name);
        if (!known) {
          visiting.add(name);
          known = measure(fragment.selectionSet, visiting);
          visiting.delete(name);
          memo.set(name, known);
        }
        inner = known;
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    return { depth, aliases };
  };
  return measure(operation.selectionSet, new Set());
}

/** Every directive written anywhere in the document (the parser and validator pay for each). */
export function countDirectives(document: DocumentNode): number {
  let n = 0;
  visit(document, { Directive: () => void (n += 1) });
  return n;
}

/**
 * The most times one response name is selected in one selection set, with
 * fragments expanded: `{ viewer { a } viewer { b } ...F }` with F selecting
 * viewer too is 3. graphql-js's OverlappingFieldsCanBeMerged validation
 * compares such fields pairwise, so a few thousand of them cost seconds of
 * CPU before any limit that runs after validation could refuse them.
 */
export function maxRepeatedField(document: DocumentNode, stopAbove = Infinity): number {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Map<string, number>>();
  const countsOf = (selectionSet: SelectionSetNode, visiting: Set<string>): Map<string, number> => {
    const counts = new Map<string, number>();
    const add = (name: string, n: number) => counts.set(name, (counts.get(name) ?? 0) + n);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(selection.alias?.value ?? selection.name.value, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        for (const [name, n] of countsOf(selection.selectionSet, visiting)) add(name, n);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        let known = memo.get(name);
        if (!known) {
          visiting.add(name);
          known = countsOf(fragment.selectionSet, visiting);
          visiting.delete(name);
          memo.set(name, known);
        }
        for (const [field, n] of known) add(field, n);
      }
    }
    return counts;
  };
  let max = 0;
  visit(document, {
    SelectionSet(node) {
      for (const n of countsOf(node, new Set()).values()) max = Math.max(max, n);
      return max > stopAbove ? BREAK : undefined;
    },
  });
  return max;
}

/** Whether the operation reads __schema or __type, directly or through fragments. */
export function usesIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = fragmentsOf(document);
  const seen = new Set<string>();
  const queue: SelectionSetNode[] = [operation.selectionSet];
  while (queue.length > 0) {
    for (const selection of queue.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) return true;
        if (selection.selectionSet) queue.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        queue.push(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) queue.push(fragment.selectionSet);
      }
    }
  }
  return false;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

/**
 * The cost of a field: 1 (or the number a module set with type-graphql's
 * `complexity` option), plus its selection times the items it returns. A
 * connection returns `first` or `last` items (20 when absent); its `edges` add no
 * factor of their own. Any other list returns at most the bound it declared
 * with @ListBound (all regions: 3,348; a region's children: 26), so a
 * query's cost is an upper bound on the items it can put in its response.
 * Introspection costs nothing here: graphql-js bounds its nesting, and the
 * schema's size bounds the rest. A module may also give a function as
 * `complexity` to take over the estimate of its field entirely.
 */
export const listAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const own = field.extensions?.complexity;
  if (typeof own === 'function') return (own as ComplexityEstimator)({ field, args, childComplexity, type } as Parameters<ComplexityEstimator>[0]);
  const base = typeof own === 'number' ? own : 1;
  let rows = 1;
  if (field.args.some((a) => a.name === 'first')) {
    // A connection: `first` or `last` items (paginate refuses both together; the larger counts if both are sent).
    const sizes = [args.first, args.last].filter((n): n is number => typeof n === 'number');
    rows = sizes.length ? Math.max(0, ...sizes) : DEFAULT_PAGE_SIZE;
  } else if (isListField(field)) {
    rows = listRows(field, args);
  }
  return base + rows * childComplexity;
};

/** graphql-query-complexity stops walking after this many selections (fragment bombs). */
const MAX_COST_NODES = 10_000;

/** The operation's estimated cost with these variables (a `first: $n` counts as what $n is). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number {
  // Only the operation to run and the fragments: getComplexity would look at every operation otherwise.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  return getComplexity({ schema, query, variables: variables ?? {}, estimators: [listAwareEstimator], maxQueryNodes: MAX_COST_NODES });
}

/** Selections of one response name allowed in one selection set (fragments expanded); no real query comes near. */
export const MAX_REPEATED_FIELD = 20;

type Refuse = (limit: QueryLimitName, plain: string, detail: string) => never;

function refuser(explain: boolean): Refuse {
  return (limit, plain, detail) => {
    throw new QueryTooComplexError(limit, explain ? `${plain}: ${detail}` : `${plain}.`);
  };
}

/**
 * The limits that need only the document, for every operation in it (they
 * guard validation, which covers the whole document): directives, depth,
 * aliases, repeated fields. Linear in the document's size.
 */
export function checkDocumentShape(document: DocumentNode, limits: QueryLimits, explain: boolean, only?: OperationDefinitionNode): void {
  const refuse = refuser(explain);
  const directives = countDirectives(document);
  if (directives > limits.maxDirectives) {
    refuse('DIRECTIVES', 'The query uses too many directives', `${directives}, at most ${limits.maxDirectives}`);
  }
  const operations = only ? [only] : document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  for (const operation of operations) {
    const shape = measureOperation(document, operation);
    if (shape.depth > limits.maxDepth) {
      refuse('DEPTH', 'The query is nested too deeply', `${shape.depth} levels, at most ${limits.maxDepth}`);
    }
    if (shape.aliases > limits.maxAliases) {
      refuse('ALIASES', 'The query uses too many aliases', `${shape.aliases}, at most ${limits.maxAliases}`);
    }
  }
  const repeated = maxRepeatedField(document, MAX_REPEATED_FIELD);
  if (repeated > MAX_REPEATED_FIELD) {
    refuse(
      'REPEATED_FIELDS',
      'The query selects the same field too often',
      `a field selected ${repeated} times in one selection set, at most ${MAX_REPEATED_FIELD}`,
    );
  }
}

export interface LimitCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  limits: QueryLimits;
  /** Say how big the request was and what the limit is (not in production). */
  explain: boolean;
}

/**
 * Refuses an operation over a limit with QUERY_TOO_COMPLEX, cheapest check
 * first; the cost, the only one that needs the variables, comes last.
 * (Tokens are counted by the parser; body size by the HTTP layer.)
 */
export function checkQueryLimits({ schema, document, operation, variables, limits, explain }: LimitCheck): { cost: number } {
  const refuse = refuser(explain);
  checkDocumentShape(document, limits, explain, operation);
  let cost: number;
  try {
    cost = operationCost(schema, document, operation, variables);
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return refuse('COST', 'The query is too expensive', `more than ${MAX_COST_NODES} selections once fragments are expanded`);
    }
    // Variables that do not fit their types: the same error execution would give, before anything runs,
    // keeping its node (the variable's definition), from which formatError names the field at fault.
    if (error instanceof GraphQLError) {
      throw new GraphQLError(error.message, {
        nodes: error.nodes,
        originalError: error,
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
    throw error;
  }
  if (cost > limits.maxCost) {
    refuse(
      'COST',
      'The query is too expensive',
      `estimated cost ${cost}, at most ${limits.maxCost} (a list costs the items it can return times its selection)`,
    );
  }
  return { cost };
}

/**
 * checkQueryLimits, remembered per operation. A client sends the same few
 * documents again and again, and Apollo hands back the same parsed document
 * for the same text, so the shape is measured once per operation, and the
 * cost once per operation and per value of the variables the cost depends on
 * (those given to `first` or to a list whose bound reads its arguments, and
 * those of @include/@skip); a new cursor or filter costs nothing.
 */
export function cachedQueryLimits(limits: QueryLimits, explain: boolean): (check: Omit<LimitCheck, 'limits' | 'explain'>) => void {
  const seen = new WeakMap<OperationDefinitionNode, { costVariables: string[]; costs: Map<string, number> }>();
  let costArguments: Set<string> | null = null;
  return ({ schema, document, operation, variables }) => {
    costArguments ??= argumentsTheCostReads(schema);
    let known = seen.get(operation);
    if (!known) {
      checkDocumentShape(document, limits, explain, operation);
      known = { costVariables: variablesIn(document, operation, costArguments), costs: new Map() };
      seen.set(operation, known);
    }
    const key = JSON.stringify(known.costVariables.map((name) => variables?.[name] ?? null));
    if (known.costs.has(key)) return;
    const { cost } = checkQueryLimits({ schema, document, operation, variables, limits, explain });
    // Only costs that passed are kept (a refusal is recomputed, and refused again), a few per operation.
    if (known.costs.size >= 32) known.costs.delete(known.costs.keys().next().value as string);
    known.costs.set(key, cost);
  };
}

/** Names of the arguments listAwareEstimator reads: `first`, `last`, and every argument of a list whose bound is a function of them. */
function argumentsTheCostReads(schema: GraphQLSchema): Set<string> {
  const names = new Set(['first', 'last']);
  for (const { field } of listFields(schema)) {
    if (typeof listBoundOf(field) === 'function') for (const a of field.args) names.add(a.name);
  }
  return names;
}

/** Variables used in those arguments, or in directives, of the operation and its fragments. */
function variablesIn(document: DocumentNode, operation: OperationDefinitionNode, argumentNames: Set<string>): string[] {
  const found = new Set<string>();
  const collect = (node: unknown) =>
    visit(node as DocumentNode, {
      Variable: (v) => void found.add(v.name.value),
    });
  const scan = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      VariableDefinition: () => false,
      Argument(arg) {
        if (argumentNames.has(arg.name.value)) collect(arg.value);
      },
      Directive(directive) {
        collect(directive);
        return false;
      },
    });
  scan(operation);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) scan(d);
  return [...found].sort();
}
