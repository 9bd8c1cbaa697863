import { RequestHandler } from 'express';
import { DocumentNode, GraphQLError, parse } from 'graphql';
import { QueryLimits } from '../config/config';
import { isTooManyTokens, QueryTooComplexError } from '../graphql/errors';
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
export function queryShapeGuard(limits: QueryLimits, explain: boolean): RequestHandler {
  return (req, res, next) => {
    const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || query === '') return next(); // Apollo answers for a missing or odd query
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
      checkDocumentShape(document, limits, explain);
    } catch (error) {
      let refusal: GraphQLError | null = null;
      if (error instanceof QueryTooComplexError) refusal = error;
      else if (error instanceof GraphQLError && isTooManyTokens(error.message)) {
        refusal = new QueryTooComplexError('TOKENS', explain ? `The query is too long: more than ${limits.maxTokens} tokens.` : 'The query is too long.');
      }
      // Any other syntax error is Apollo's to report, in its usual shape.
      if (!refusal) return next();
      reportOf(res)?.errors.push({ code: 'QUERY_TOO_COMPLEX', message: refusal.message });
      sendGraphQLError(req, res, 400, refusal.message, { code: 'QUERY_TOO_COMPLEX', limit: refusal.extensions.limit });
      return;
    }
    next();
  };
}
