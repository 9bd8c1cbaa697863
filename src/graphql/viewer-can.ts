import { GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import { ClassType, Ctx, Field, FieldResolver, Info, ObjectType, Resolver, Root } from 'type-graphql';
import { rowActionsOf } from '../authz/operations';
import { SubjectName, SUBJECTS } from '../authz/policy';
import { VIEWER_CAN, ViewerCanAnswer, viewerCanOf } from '../authz/viewer-can';
import { RequestContext } from '../core/context';
import { ListBound } from './list-bound';

const ACTION_DESCRIPTION: Record<string, string> = {
  update: 'change it (the update mutation; some roles only some fields)',
  submit: 'submit it',
  withdraw: 'withdraw it',
  recommend: 'recommend it',
  return: 'return it for changes',
  review: 'review it (start the review, review, open public notice, resolve objections)',
  object: 'raise an objection to it',
  confirm: 'confirm or reject it',
  resolve: 'rule on it',
  revoke: 'revoke it',
  renew: 're-review and renew it',
  approve: 'approve or reject it',
  disburse: 'disburse a tranche of it',
  clawBack: 'claw it back',
};

/**
 * `viewerCan` on every node type, made from the policy and the operations
 * map (not written 18 times): `XViewerCan` has one Boolean per action a
 * mutation takes an X for, and `readableFields`.
 */
/** Fields of each node type, known once the schema is built: at most that many readable ones (the cost estimate's bound). */
const fieldCounts = new Map<SubjectName, number>();

export function countNodeFields(schema: GraphQLSchema): GraphQLSchema {
  for (const subject of SUBJECTS) {
    const type = schema.getType(subject);
    if (isObjectType(type)) fieldCounts.set(subject, Object.keys(type.getFields()).length);
  }
  return schema;
}

/** The `viewerCan` field of a policy subject's GraphQL type (`type`), and its `XViewerCan` object type. */
export function viewerCanResolver(subject: SubjectName, type: ClassType): ClassType {
  class ViewerCan {}
  ListBound(() => fieldCounts.get(subject) ?? 100)(ViewerCan.prototype, 'readableFields');
  Field(() => [String], {
    description: `The fields of this ${subject} the caller may read; any other selected field answers null with FORBIDDEN.`,
  })(ViewerCan.prototype, 'readableFields');
  for (const action of rowActionsOf(subject)) {
    Field(() => Boolean, {
      description: `Whether the policy lets the caller ${ACTION_DESCRIPTION[action] ?? action}; the workflow may still refuse it in this state (CONFLICT).`,
    })(ViewerCan.prototype, action);
  }
  ObjectType(`${subject}ViewerCan`, {
    description: `What the caller may do with one ${subject}, from the same policy that answers its requests: draw a list of mixed rows without asking for what it would be refused.`,
  })(ViewerCan);

  @Resolver(() => type)
  class ViewerCanResolver {
    @FieldResolver(() => ViewerCan, {
      name: VIEWER_CAN,
      description: 'What the caller may read and do with this row (docs/frontend-permissions.md). Readable on every row the caller sees.',
    })
    viewerCan(@Root() row: object, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): ViewerCanAnswer {
      return viewerCanOf(ctx.authz, subject, row, Object.keys(info.parentType.getFields()));
    }
  }
  Object.defineProperty(ViewerCanResolver, 'name', { value: `${subject}ViewerCanResolver` });
  return ViewerCanResolver;
}
