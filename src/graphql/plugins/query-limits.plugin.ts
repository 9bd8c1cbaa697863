import { ApolloServerPlugin } from '@apollo/server';
import { QueryLimits } from '../../config/config';
import { RequestContext } from '../context';
import { checkQueryLimits } from './query-limits';

/**
 * Depth, aliases, directives and cost, checked once the operation is known
 * and before execution starts (so before the request transaction opens and
 * any resolver runs). Here, unlike in a validation rule, the variables are
 * known, so `first: $n` costs what $n is.
 */
export function queryLimitsPlugin(limits: QueryLimits, explain: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No operation (an unknown operationName): execution reports that, and runs nothing.
          if (!operation) return;
          checkQueryLimits({ schema, document, operation, variables: request.variables, limits, explain });
        },
      };
    },
  };
}
