import { Request, RequestHandler } from 'express';
import { parse as parseUrl } from 'node:url';
import { DocumentNode, GraphQLError, parse } from 'graphql';
import { QueryLimits } from '../config/config';
import { isTooManyTokens, QueryTooComplexError } from '../core/errors';
import { checkDocumentShape } from '../graphql/plugins/query-limits';
import { sendGraphQLError } from './http-errors';
import { reportOf } from './request-report';

/**
 * The document's shape (tokens, directives, depth, aliases, repeated fields),
 * checked before Apollo validates it. Validation is the expensive step a
 * hostile document aims at (graphql-js compares same-named fields pairwise),
 * and Apollo has no hook between parsing and validation that may refuse a
 * request, so this runs in front of it. The cost, which needs the validated
 * operation and its variables, is checked in queryLimitsPlugin.
 */
/** Texts that passed, remembered so a client's usual documents are parsed here once (short ones, a few hundred). */
const PASSED_TEXTS = 500;
const PASSED_TEXT_LENGTH = 10_000;

export function queryShapeGuard(limits: QueryLimits, explain: boolean): RequestHandler {
  const passed = new Set<string>();
  return (req, res, next) => {
    const refuse = (status: number, message: string, extensions: Record<string, unknown>) => {
      reportOf(res)?.errors.push({ code: extensions.code as string, message });
      sendGraphQLError(req, res, status, message, extensions);
    };
    let query: unknown;
    /** Why a GET is refused once its document passed (a hostile document is reported as such first). */
    let badSearch: string | null = null;
    if (req.method === 'GET') {
      const read = readSearch(req);
      if (read.ambiguous) return refuse(400, read.ambiguous, { code: 'BAD_REQUEST' });
      query = read.query;
      badSearch = read.tooMany;
    } else {
      query = (req.body as { query?: unknown } | undefined)?.query;
    }
    if (typeof query === 'string' && query !== '' && !passed.has(query)) {
      try {
        const document: DocumentNode = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
        checkDocumentShape(document, limits, explain);
        if (query.length <= PASSED_TEXT_LENGTH) {
          if (passed.size >= PASSED_TEXTS) passed.delete(passed.values().next().value as string);
          passed.add(query);
        }
      } catch (error) {
        let refusal: GraphQLError | null = null;
        if (error instanceof QueryTooComplexError) refusal = error;
        else if (error instanceof GraphQLError && isTooManyTokens(error.message)) {
          refusal = new QueryTooComplexError(
            'TOKENS',
            explain ? `The query is too long: more than ${limits.maxTokens} tokens.` : 'The query is too long.',
          );
        }
        // Any other syntax error is Apollo's to report, in its usual shape.
        if (refusal) return refuse(400, refusal.message, { code: 'QUERY_TOO_COMPLEX', limit: refusal.extensions.limit });
      }
    }
    if (badSearch) return refuse(400, badSearch, { code: 'BAD_REQUEST' });
    next(); // Apollo answers for a missing or odd query
  };
}

/** The parameters a GraphQL GET request is read from; Apollo refuses any of them given twice. */
const GRAPHQL_SEARCH_PARAMS = ['query', 'operationName', 'variables', 'extensions'];

/**
 * Search parameters a GET may carry: the four above and a few a client or a
 * cache adds (a cache buster, a version). Far below the 1,000 after which
 * Express's query parser stops, so nothing can be hidden behind them.
 */
export const MAX_SEARCH_PARAMS = 20;

/**
 * The `query` of a GET request, read exactly as Apollo's Express integration
 * reads it (URLSearchParams over url.parse's search of the raw URL), not from
 * req.query: Express's parser stops after 1,000 parameters and Apollo reads
 * on, so a document behind 1,000 junk parameters would reach validation
 * unchecked. Input the two could read differently is refused instead.
 */
function readSearch(req: Request): { query: string | undefined; ambiguous: string | null; tooMany: string | null } {
  const params = new URLSearchParams(parseUrl(req.url).search ?? '');
  const repeated = GRAPHQL_SEARCH_PARAMS.find((name) => params.getAll(name).length > 1);
  return {
    query: params.get('query') ?? undefined,
    ambiguous: repeated ? `The '${repeated}' search parameter may only be specified once.` : null,
    tooMany: params.size > MAX_SEARCH_PARAMS ? `The request has too many search parameters (at most ${MAX_SEARCH_PARAMS}).` : null,
  };
}
