import { defaultFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { ForbiddenError } from '../core/errors';
import { RequestContext } from '../core/context';
import { POLICY, RuleTemplate, SubjectName, SUBJECTS } from './policy';
import { VIEWER_CAN } from './viewer-can';

/** Marks a resolver wrapped by the guard (tests look for it). */
export const GUARDED = Symbol('srdi.fieldGuard');

const includes = <T>(one: T | T[], x: T) => (Array.isArray(one) ? one.includes(x) : one === x);

/**
 * Whether every role reads `field` on every row of `subject` without
 * conditions: published data such as regions and platforms. Such a field is
 * never masked, and needs no guard at all.
 */
function neverMasked(subject: SubjectName, field: string): boolean {
  return Object.values(POLICY).every((rules: RuleTemplate[]) =>
    rules.some((r) => includes(r.action, 'read') && includes(r.subject, subject) && !r.conditions && (!r.fields || r.fields.includes(field))),
  );
}

/**
 * Field masking: before a field of a policy subject's row resolves, the
 * caller must be allowed to read that field on that row. If not, the field
 * is null with FORBIDDEN at its path, and nothing of its value (or of
 * anything below it) is computed.
 *
 * Installed once on the built schema, on the fields of the subjects' own
 * types only, as a plain synchronous wrapper: a middleware on every field of
 * every type made each one a promise and cost more than the data it guarded.
 * The Authorizer decides per request which fields need a look at the row.
 */
export function guardSubjectFields(schema: GraphQLSchema): GraphQLSchema {
  for (const name of SUBJECTS) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`policy subject ${name} has no GraphQL object type`);
    for (const field of Object.values(type.getFields())) {
      // viewerCan speaks of the caller, not of the row: it answers on every row the caller sees.
      if (field.name === VIEWER_CAN || neverMasked(name, field.name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const fieldName = field.name;
      const guarded = (root: unknown, args: Record<string, unknown>, context: RequestContext, info: Parameters<typeof resolve>[3]) => {
        if (!context.authz.canReadField(root, fieldName)) {
          throw new ForbiddenError(`you may not read ${info.parentType.name}.${fieldName}`);
        }
        return resolve(root, args, context, info);
      };
      field.resolve = Object.assign(guarded, { [GUARDED]: true });
    }
  }
  return schema;
}
