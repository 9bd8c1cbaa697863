import { ApolloServerPlugin } from '@apollo/server';
import { QueryLimits } from '../../config/config';
import { RequestContext } from '../../core/context';
import { cachedQueryLimits } from './query-limits';

/**
 * Depth, aliases, directives and cost, checked once the operation is known
 * and before execution starts (so before the request transaction opens and
 * any resolver runs). Here, unlike in a validation rule, the variables are
 * known, so `first: $n` costs what $n is. And, after execution, a response
 * stopped for holding too many list items (see ResponseItems) is answered
 * with that error alone.
 */
export function queryLimitsPlugin(limits: QueryLimits, explain: boolean): ApolloServerPlugin<RequestContext> {
  const checkLimits = cachedQueryLimits(limits, explain);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No operation (an unknown operationName): execution reports that, and runs nothing.
          if (!operation) return;
          checkLimits({ schema, document, operation, variables: request.variables });
        },
        async willSendResponse({ contextValue, response }) {
          // A response over MAX_RESPONSE_ITEMS is that error alone: what ran before it is not sent.
          const over = contextValue.responseItems?.exceeded;
          if (!over || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors?.filter((e) => e.extensions?.limit === 'RESPONSE_SIZE');
          response.body.singleResult = {
            errors: errors?.length
              ? errors.slice(0, 1)
              : [{ message: over.message, extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'RESPONSE_SIZE' } }],
          };
          response.http.status = 400;
        },
      };
    },
  };
}
