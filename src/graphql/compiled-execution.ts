import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  DocumentNode,
  execute,
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
  OperationTypeNode,
  printSchema,
  valueFromASTUntyped,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Queries run by code compiled for their document (graphql-jit) once the
 * document has been seen `after` times; everything else by graphql-js.
 *
 * graphql-js interprets the document on every request: for each of a page's
 * couple of hundred fields it looks the field up, collects sub-selections,
 * builds a path and checks the value against the type, and on a read that is
 * one statement of SQL that is a sixth of the server's CPU. graphql-jit
 * writes that walk out once per operation as a JavaScript function, so a
 * steady stream of the same query pays it once. The schema, the resolvers
 * and the answers are the same.
 *
 * - Variables are still coerced by graphql-js first, so a bad variable gets
 *   the same error as before (input-error-field.ts reads its wording).
 * - Mutations stay with graphql-js: they run one at a time, and what they
 *   cost is the database's.
 * - A document seen once is not worth compiling (compiling takes longer than
 *   running it), so `after` decides when it is: 0 compiles every query (the
 *   tests use it to run everything through compiled code).
 *
 * Apollo Server takes a custom executor only through its gateway interface,
 * so this is a "gateway" serving the one local schema.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, after: number, runs: ExecutionRuns = newExecutionRuns()): GatewayInterface {
  return {
    load: () => Promise.resolve({ executor: compiledExecutor(schema, after, runs) }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    stop: () => Promise.resolve(),
  };
}

/** Operations run so far by each engine (the tests read it; so could a metric). */
export interface ExecutionRuns {
  interpreted: number;
  compiled: number;
}

export const newExecutionRuns = (): ExecutionRuns => ({ interpreted: 0, compiled: 0 });

/** How often a document's operation has run, and its compiled form once it is compiled. */
interface OperationRuns {
  runs: number;
  /** Null: graphql-jit could not compile it (it then runs interpreted, always). */
  compiled?: CompiledQuery | null;
  /** The operation's variable defaults, as a client would send them. */
  defaults?: [string, unknown][];
}

export function compiledExecutor(schema: GraphQLSchema, after: number, runs: ExecutionRuns = newExecutionRuns()): GatewayExecutor {
  // Apollo keeps one parsed document per query text (its document store), so the document object is the
  // key, and an entry goes when Apollo drops the document.
  const byDocument = new WeakMap<DocumentNode, Map<string, OperationRuns>>();
  const interpreted = (
    document: DocumentNode,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
    operationName: string | null,
  ) => {
    runs.interpreted++;
    return execute({ schema, document, contextValue, variableValues, operationName }) as Promise<ExecutionResult> | ExecutionResult;
  };
  return async ({ document, operation, operationName, context, request }) => {
    if (operation.operation !== OperationTypeNode.QUERY) return interpreted(document, context, request.variables, operationName);
    let operations = byDocument.get(document);
    if (!operations) byDocument.set(document, (operations = new Map<string, OperationRuns>()));
    const key = operationName ?? '';
    let entry = operations.get(key);
    if (!entry) operations.set(key, (entry = { runs: 0 }));
    if (entry.compiled === undefined && ++entry.runs > after) {
      entry.compiled = compile(schema, document, operationName);
      entry.defaults = variableDefinitions(operation).flatMap((d) =>
        d.defaultValue ? [[d.variable.name.value, valueFromASTUntyped(d.defaultValue)]] : [],
      );
    }
    if (!entry.compiled) return interpreted(document, context, request.variables, operationName);
    const variables = request.variables ?? {};
    const coerced = getVariableValues(schema, variableDefinitions(operation), variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    runs.compiled++;
    return withGraphQLErrors(await entry.compiled.query(undefined, context, withDefaults(variables, entry.defaults!)));
  };
}

/**
 * graphql-jit reports an error thrown by a resolver in an error class of its
 * own, without `extensions` when the thrown error had none (anything but a
 * GraphQLError: a failed SQL statement). Apollo reads `extensions.code` of
 * every error, and on that one failed to format it at all (the path and
 * locations were lost). Such errors become graphql-js's, as graphql-js
 * itself would have reported them.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => !e.extensions)) return result;
  const errors = result.errors.map((e) => {
    if (e.extensions) return e;
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined });
    (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
    return error;
  });
  return { ...result, errors };
}

/**
 * graphql-jit leaves a non-null variable with a default unset when the
 * client omits it (graphql-js uses the default), so an omitted variable gets
 * its default here, in the form a client would have sent.
 */
function withDefaults(variables: Record<string, unknown>, defaults: [string, unknown][]): Record<string, unknown> {
  if (!defaults.some(([name]) => variables[name] === undefined)) return variables;
  const filled = { ...variables };
  for (const [name, value] of defaults) if (filled[name] === undefined) filled[name] = value;
  return filled;
}

const variableDefinitions = (operation: OperationDefinitionNode) => operation.variableDefinitions ?? [];

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  try {
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}
