import { ApolloServerPlugin } from '@apollo/server';
import { RequestContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import { usesIntrospection } from './query-limits';

/**
 * In production the schema is for callers with a token: an anonymous
 * operation that reads __schema or __type is refused (FORBIDDEN, 403) before
 * it runs. `__typename` stays available to everyone.
 */
export function introspectionForSignedInOnlyPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (!operation || contextValue.viewer.role !== 'PUBLIC') return;
          if (usesIntrospection(document, operation)) {
            throw new DomainError('FORBIDDEN', 'Introspection is available to signed-in callers only.', { http: { status: 403 } });
          }
        },
      };
    },
  };
}
