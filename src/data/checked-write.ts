import { subjectOf } from '../authz/ability';
import { Action, SubjectName } from '../authz/policy';
import { RequestContext } from '../core/context';
import { ForbiddenError } from '../core/errors';

/**
 * The check on a row about to be created, before it exists: the caller
 * must hold `action` on the subject at all (FORBIDDEN "may not create …"),
 * and on this draft, whose conditions say where (FORBIDDEN "… there").
 * A workflow step that creates a row (propose, grant) names its own action.
 */
export function assertMayCreate(ctx: RequestContext, subject: SubjectName, draft: object, what: string, action: Action = 'create'): void {
  const row = subjectOf(subject, { ...draft });
  if (action === 'create') return ctx.authz.assertCanCreate(subject, row, what);
  if (!ctx.authz.can(action, subject)) throw new ForbiddenError(`${ctx.viewer.role} may not ${action} ${what}`);
  if (!ctx.authz.can(action, row)) throw new ForbiddenError(`${ctx.viewer.role} may not ${action} ${what} there`);
}

/**
 * The check on an update of named fields of a loaded row, field by field,
 * so a caller allowed to change some fields cannot slip in another.
 * `policyField` maps a property to the policy's (GraphQL) field name.
 */
export function assertMayUpdateFields(
  ctx: RequestContext,
  subject: SubjectName,
  row: object,
  what: string,
  properties: Iterable<string>,
  policyField: (property: string) => string = (p) => p,
): void {
  for (const property of properties) ctx.authz.assertCan('update', subject, row, what, policyField(property));
}
