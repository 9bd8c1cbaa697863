import { ASTNode, DocumentNode, Kind, OperationTypeNode, parse, Source, visit } from 'graphql';

/**
 * Which argument a value graphql-js refused belongs to, named as the
 * services and input-validation.ts name the fields of their own refusals
 * (README, "Errors"): a path from the argument through input fields and list
 * items, `filter.regionCode`, `assessments[1].value`, `orderBy[0].field`; a
 * root mutation's one `input` argument left out, so `amount`, not
 * `input.amount` (the whole input missing is `input`).
 *
 * The errors come in two kinds, and neither says its argument in a form a
 * client can use:
 * - variable coercion, at execution: 'Variable "$x" got invalid value -1 at
 *   "x.amount"; Money: …', whose path starts at the variable, which may stand
 *   for an argument (`input: $x`) or for a value inside one (`filter: {
 *   search: $s }`); its node is the variable's definition;
 * - validation of literals (graphql-js's ValuesOfCorrectTypeRule, and a
 *   scalar's parseLiteral such as Money's): 'Expected value of type "Int",
 *   found "x".', whose node is the value itself (an input field for "Field
 *   "y" is not defined by type"), and a required argument left out, whose node
 *   is its field.
 * Both carry their nodes, whose locations point into the request's document:
 * it is parsed again (an error is rare, the document already passed the
 * token limit) and walked to the node, which gives its ancestors.
 */

const LITERAL_KINDS: ReadonlySet<string> = new Set([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);
const VARIABLE_VALUE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" (?:got invalid value |has invalid value |of required type |of non-null type )/;
const MISSING_ARGUMENT = /^(?:Field|Directive) "[^"]+" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\.$/;
/** The schema's mutation root type, where an argument named `input` is left out of paths. */
const MUTATION_TYPE = 'Mutation';

type Segment = string | number;

/** What this needs of a GraphQLError. */
export interface LocatedError {
  message: string;
  nodes?: readonly ASTNode[];
}

/**
 * The field a refused input value belongs to, or null when the error is not
 * about an input value (or its place cannot be found).
 */
export function inputErrorField(error: LocatedError): string | null {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (!node?.loc) return null;
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const variable = VARIABLE_VALUE.exec(error.message)?.[1];
    if (variable !== node.variable.name.value) return null;
    const usage = variableUsage(documentOf(node), variable, node.loc.start);
    return usage && format([...usage, ...pathInsideVariable(error.message, variable), ...fieldOfObject(error.message)]);
  }
  if (LITERAL_KINDS.has(node.kind)) {
    const found = chainTo(documentOf(node), node);
    const path = found && pathOf(found.document, found.chain);
    return path && format(node.kind === Kind.OBJECT ? [...path, ...fieldOfObject(error.message)] : path);
  }
  const missing = MISSING_ARGUMENT.exec(error.message);
  if (missing && (node.kind === Kind.FIELD || node.kind === Kind.DIRECTIVE)) {
    const found = chainTo(documentOf(node), node);
    return found && format(rootMutationInput([missing[1]], found.chain, found.chain.length - 1));
  }
  return null;
}

/** Parsed once per request's document, however many of its values are refused (validation reports up to 100). */
const parsed = new WeakMap<Source, DocumentNode | null>();

function documentOf(node: ASTNode): DocumentNode | null {
  const source = node.loc?.source;
  if (!source) return null;
  if (!parsed.has(source)) {
    let document: DocumentNode | null = null;
    try {
      document = parse(new Source(source.body, source.name));
    } catch {
      // not the document the error came from; no path then
    }
    parsed.set(source, document);
  }
  return parsed.get(source) ?? null;
}

/** The nodes from the document down to the one at `target`'s place (arrays left out), or null. */
function chainTo(document: DocumentNode | null, target: ASTNode): { document: DocumentNode; chain: ASTNode[] } | null {
  if (!document) return null;
  let chain: ASTNode[] | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (chain) return false;
      if (node.kind === target.kind && node.loc?.start === target.loc?.start && node.loc?.end === target.loc?.end) {
        chain = lineage(ancestors, parent, node);
        return false;
      }
      return undefined;
    },
  });
  return chain && { document, chain };
}

/** A node and the nodes above it, from the document down; visit() gives the parent apart from the other ancestors. */
function lineage(ancestors: readonly (ASTNode | readonly ASTNode[])[], parent: ASTNode | readonly ASTNode[] | undefined, node: ASTNode): ASTNode[] {
  return [...ancestors, ...(parent ? [parent] : []), node].filter((a): a is ASTNode => !Array.isArray(a));
}

/** The argument path of the value at the end of `chain`; through the variable's usage when it is a variable's default. */
function pathOf(document: DocumentNode, chain: readonly ASTNode[]): Segment[] | null {
  const argument = chain.findLastIndex((n) => n.kind === Kind.ARGUMENT);
  if (argument >= 0) {
    const name = (chain[argument] as { name: { value: string } }).name.value;
    return rootMutationInput([name, ...valuePath(chain, argument + 1)], chain, argument - 1);
  }
  const definition = chain.findIndex((n) => n.kind === Kind.VARIABLE_DEFINITION);
  if (definition < 0) return null;
  const def = chain[definition] as ASTNode & { kind: Kind.VARIABLE_DEFINITION };
  const usage = variableUsage(document, def.variable.name.value, def.loc!.start);
  return usage && [...usage, ...valuePath(chain, definition + 1)];
}

/** Input fields and list items from chain[from] down. */
function valuePath(chain: readonly ASTNode[], from: number): Segment[] {
  const path: Segment[] = [];
  for (let i = from; i < chain.length; i++) {
    const node = chain[i];
    if (node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
    else if (node.kind === Kind.LIST && i + 1 < chain.length) path.push(node.values.indexOf(chain[i + 1] as never));
  }
  return path;
}

/** A root mutation's `input` argument is left out, as input-validation.ts and the services leave it out (format() names what is left of a whole `input` so). */
function rootMutationInput(path: Segment[], chain: readonly ASTNode[], fieldIndex: number): Segment[] {
  if (path[0] !== 'input' || chain[fieldIndex]?.kind !== Kind.FIELD) return path;
  for (let i = fieldIndex - 1; i >= 0; i--) {
    const node = chain[i];
    if (node.kind === Kind.SELECTION_SET || node.kind === Kind.INLINE_FRAGMENT) continue;
    const root =
      (node.kind === Kind.OPERATION_DEFINITION && node.operation === OperationTypeNode.MUTATION) ||
      (node.kind === Kind.FRAGMENT_DEFINITION && node.typeCondition.name.value === MUTATION_TYPE);
    return root ? path.slice(1) : path;
  }
  return path;
}

/**
 * Where the variable defined at `definedAt` is first used, as an argument path:
 * in its own operation, or in a fragment (which any operation may spread).
 */
function variableUsage(document: DocumentNode | null, name: string, definedAt: number): Segment[] | null {
  if (!document) return null;
  let found: Segment[] | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found) return false;
      if (node.kind === Kind.OPERATION_DEFINITION) {
        const own = node.variableDefinitions?.some((d) => d.loc?.start === definedAt);
        return own ? undefined : false;
      }
      if (node.kind === Kind.VARIABLE_DEFINITION) return false;
      if (node.kind === Kind.VARIABLE && node.name.value === name) {
        found = pathOf(document, lineage(ancestors, parent, node));
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** The path graphql-js prints after the variable's name: `.amount`, `[0].key`. */
function pathInsideVariable(message: string, variable: string): Segment[] {
  // A variable's name is letters, digits and underscores only, so it goes into the pattern as it is.
  const at = new RegExp(` at "${variable}((?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `).exec(message);
  if (!at) return [];
  return [...at[1].matchAll(/\.([_A-Za-z][_0-9A-Za-z]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/**
 * An input object missing a required field, or given one its type does not
 * define, is refused as a whole; the field it is about is in the message
 * ('Field "ReportInput.year" of required type "Int!" was not provided.',
 * '…; Field "bogus" is not defined by type "ReportInput".').
 */
const OBJECT_FIELD_AT_FAULT =
  /(?:^|; )Field "(?:[_A-Za-z][_0-9A-Za-z]*\.)?([_A-Za-z][_0-9A-Za-z]*)" (?:of required type "[^"]+" was not provided|is not defined by type "[^"]+")\./;

function fieldOfObject(message: string): Segment[] {
  const field = OBJECT_FIELD_AT_FAULT.exec(message)?.[1];
  return field === undefined ? [] : [field];
}

/** An empty path is what is left of a root mutation's whole `input`. */
function format(path: Segment[] | null): string | null {
  if (path === null) return null;
  if (path.length === 0) return 'input';
  return path.reduce<string>((s, p, i) => (typeof p === 'number' ? `${s}[${p}]` : i === 0 ? p : `${s}.${p}`), '');
}
