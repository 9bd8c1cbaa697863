import { ASTNode, GraphQLError, GraphQLFormattedError } from 'graphql';
import { inputErrorField } from './input-error-field';

/**
 * The stable error codes of the contract. Services throw these domain errors;
 * formatError below is the one place they become GraphQL errors, and the one
 * place anything unexpected is masked.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  /** A statement ran past STATEMENT_TIMEOUT_MS and was cancelled; nothing of the operation was written. */
  | 'TIMEOUT'
  /** No database connection came free within DB_ACQUIRE_TIMEOUT_MS (HTTP 503 when nothing ran); retry shortly. */
  | 'UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  /** PERSISTED_QUERIES=allowlist: the operation is not on the server's list. */
  | 'PERSISTED_QUERY_NOT_IN_LIST';

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'not allowed for this caller') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'the token is missing, malformed, expired or not signed by a trusted key') {
    super('UNAUTHENTICATED', message);
  }
}

export class BadUserInputError extends DomainError {
  /** `more`: further details a client acts on (e.g. the failing indicators of a refused submission). */
  constructor(message: string, field?: string, more: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, { ...more, ...(field ? { field } : {}) });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

/** Which limit a refused request went over (extensions.limit of QUERY_TOO_COMPLEX). */
export type QueryLimitName = 'DEPTH' | 'COST' | 'ALIASES' | 'DIRECTIVES' | 'TOKENS' | 'REPEATED_FIELDS' | 'BODY_SIZE' | 'RESPONSE_SIZE';

/** A request over one of the limits, refused before any resolver runs (HTTP 400); RESPONSE_SIZE stops one while it runs. */
export class QueryTooComplexError extends DomainError {
  constructor(limit: QueryLimitName, message: string) {
    super('QUERY_TOO_COMPLEX', message, { limit, http: { status: 400 } });
  }
}

/** Too many requests from one caller in the current window (HTTP 429 with Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many requests; retry in ${retryAfterSeconds} s`, {
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/**
 * Outages a client can act on (retry later, or ask for less), told apart
 * from bugs by the error underneath: PostgreSQL's "canceling statement due
 * to statement timeout" (57014) and node-postgres's pool giving up.
 */
function outageCode(error: unknown): 'TIMEOUT' | 'UNAVAILABLE' | null {
  for (
    let e = error as { originalError?: unknown; driverError?: unknown; code?: unknown; message?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (e.code === '57014' && typeof e.message === 'string' && e.message.includes('statement timeout')) return 'TIMEOUT';
    if (e.message === 'timeout exceeded when trying to connect') return 'UNAVAILABLE';
    e = (e.originalError ?? e.driverError) as typeof e;
  }
  return null;
}

/** Codes Apollo and graphql-js attach to errors that are the client's fault. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** graphql-js's parser stops at `maxTokens` with this syntax error; for the client it is a limit like the others. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** graphql-js's "Did you mean …?" hints, which spell out the schema to whoever guesses a field name. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
  /** A GraphQLError's: where a refused input value is in the document. */
  nodes?: readonly ASTNode[];
}

/** Codes under which graphql-js and Apollo report a refused input value (a literal's is a validation error). */
const INPUT_VALUE_CODES = new Set([undefined, 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * For an error about an input value (a variable's that did not coerce, a
 * literal that failed validation, a required argument left out): the
 * argument path it names (input-error-field.ts). Null for anything else.
 */
function inputValueField(error: ErrorLike): string | null {
  if (!INPUT_VALUE_CODES.has(error.extensions?.code as string | undefined)) return null;
  return inputErrorField(error);
}

/** Whether a parse error is graphql-js's parser stopping at `maxTokens`. */
export function isTooManyTokens(message: string): boolean {
  return TOO_MANY_TOKENS.test(message);
}

/** A limit enforced by graphql-js (tokens) or Apollo (recursive selections), with its own error shape. */
function foreignLimit(error: ErrorLike): { limit: QueryLimitName; production: string; development: string } | null {
  const code = error.extensions?.code;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(error.message) : null;
  if (tokens) return { limit: 'TOKENS', production: 'The query is too long.', development: `The query is too long: more than ${tokens[1]} tokens.` };
  if (code === 'GRAPHQL_VALIDATION_FAILED' && error.extensions?.validationErrorCode === 'MAX_RECURSIVE_SELECTIONS_EXCEEDED') {
    return { limit: 'COST', production: 'The query is too expensive.', development: `The query is too expensive: ${error.message}` };
  }
  return null;
}

/**
 * The code a client sees for an error: its own when it is a client error,
 * QUERY_TOO_COMPLEX for a document over the token limit, and
 * INTERNAL_SERVER_ERROR for everything else. Logs and metrics use it too.
 */
export function publicErrorCode(error: ErrorLike): string {
  const code = error.extensions?.code;
  if (foreignLimit(error)) return 'QUERY_TOO_COMPLEX';
  // A wrong value is the client's input, whether it came as a variable or written into the query.
  if (code !== 'BAD_USER_INPUT' && inputValueField(error) !== null) return 'BAD_USER_INPUT';
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return code;
  const outage = outageCode(error);
  if (outage) return outage;
  // Apollo refuses some malformed requests with a bare error and a 4xx status ("provided sha does not match query").
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  if (code === undefined && typeof status === 'number' && status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * Client errors pass through with their code; anything else is a bug or an
 * outage, and the client learns only that (no message, SQL or stack) unless
 * we are in development. In production, graphql-js's field suggestions and
 * the numbers of our limits are left out of messages.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, exposeDetails: boolean, production = false): GraphQLFormattedError {
  // The original error still has what Apollo strips from the formatted one (its HTTP status).
  const source: ErrorLike = error instanceof GraphQLError ? error : formatted;
  const code = publicErrorCode(source);
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  const limit = foreignLimit(source);
  if (limit) {
    return { message: production ? limit.production : limit.development, extensions: { code, limit: limit.limit } };
  }
  if (code !== 'INTERNAL_SERVER_ERROR' && code !== 'TIMEOUT' && code !== 'UNAVAILABLE') {
    // A client's error keeps its code (Apollo's parse and validation codes
    // included); only its "Did you mean…" hints go in production.
    const message = production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    const field = code === 'BAD_USER_INPUT' && extensions.field === undefined ? inputValueField(source) : null;
    return { ...formatted, message, extensions: { ...(exposeDetails ? formatted.extensions : extensions), ...(field ? { field } : {}), code } };
  }
  if (code === 'TIMEOUT' || code === 'UNAVAILABLE') {
    const message =
      code === 'TIMEOUT'
        ? 'The operation took too long and was stopped; ask for less, or try again later.'
        : 'The server is busy; try again shortly.';
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (exposeDetails) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
