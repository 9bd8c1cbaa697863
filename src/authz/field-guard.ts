import { MiddlewareFn } from 'type-graphql';
import { ForbiddenError } from '../graphql/errors';
import { RequestContext } from '../graphql/context';
import { subjectOfEntity } from './subjects';

/**
 * Field masking: before any field of a policy subject resolves, the caller
 * must be allowed to read that field on that row. If not, the field is null
 * with FORBIDDEN at its path, and nothing of its value (or of anything below
 * it) is computed.
 */
export const fieldGuard: MiddlewareFn<RequestContext> = async ({ root, info, context }, next) => {
  if (root && typeof root === 'object' && subjectOfEntity(root.constructor)) {
    if (!context.authz.can('read', root, info.fieldName)) {
      throw new ForbiddenError(`you may not read ${info.parentType.name}.${info.fieldName}`);
    }
  }
  return next();
};
