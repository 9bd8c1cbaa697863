import { Authorizer } from './authorizer';
import { rowActionsOf } from './operations';
import { SubjectName } from './policy';

/** The field on every node type that tells the caller what it may do with that row. */
export const VIEWER_CAN = 'viewerCan';

export interface ViewerCanAnswer {
  /** GraphQL fields of the row's type the caller may read on it. */
  readableFields: string[];
  /** Per action with a mutation on such a row: whether the policy lets the caller try it. */
  [action: string]: boolean | string[];
}

/**
 * What the caller may do with one row it can see, from the same policy and
 * the same checks the field guard and the mutations apply: each row action
 * (an action some mutation takes an existing row of `subject` for), and
 * which of `fields` it may read. No statement is sent: a row read by a
 * compiled read carries the columns the policy's conditions test (see
 * policyConditionFields) and the field answers decided in its statement.
 */
export function viewerCanOf(authz: Authorizer, subject: SubjectName, row: object, fields: string[]): ViewerCanAnswer {
  const answer: ViewerCanAnswer = { readableFields: fields.filter((f) => f !== VIEWER_CAN && authz.canReadField(row, f)) };
  for (const action of rowActionsOf(subject)) answer[action] = authz.can(action, row);
  return answer;
}
