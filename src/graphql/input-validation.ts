import {
  defaultFieldResolver,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { BadUserInputError } from '../core/errors';
import { ARG_LIMITS_EXTENSION, describeLimit, InputLimit, LIMIT_EXTENSION, ORDER_KEY_EXTENSION, TEXT_LIMITS } from './input-limits';

/**
 * The checks of input-limits.ts, compiled once when the schema is built and
 * run before the resolver of each field that takes arguments (and no other:
 * fields without arguments cost nothing). A refusal is BAD_USER_INPUT naming
 * the argument path, before any SQL, so it cannot abort the request's
 * transaction for the other fields.
 */

type Check = (value: unknown, path: string) => void;

/** Everywhere: C0 and C1 controls, bidirectional marks, embeddings, overrides and isolates, line/paragraph separators, BOM, lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Cs}/u;
/** The same, but line feeds, carriage returns and tabs are text in a comment. */
const FORBIDDEN_IN_MULTILINE =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Cs}/u;

/** Code points, counted only when the UTF-16 length alone does not decide. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  let n = 0;
  for (const _ of text) if (++n > max) return true;
  return false;
}

/** The checks of one string: length, then NUL, then other invisible or reordering characters. */
export function textCheck(limit: InputLimit = {}): Check {
  const max = limit.maxLength ?? TEXT_LIMITS.default;
  const forbidden = limit.multiline ? FORBIDDEN_IN_MULTILINE : FORBIDDEN_IN_LINE;
  return (value, path) => {
    if (typeof value !== 'string') return;
    if (longerThan(value, max)) throw new BadUserInputError(`${path} must be at most ${max} characters`, path);
    if (value.includes('\u0000')) throw new BadUserInputError(`${path} must not contain NUL`, path);
    if (forbidden.test(value)) {
      throw new BadUserInputError(`${path} must not contain control characters or bidirectional formatting characters`, path);
    }
  };
}

/** The sort-field member of an order input type, and how many sort fields it has. */
function orderKeyOf(type: GraphQLInputType): { key: string; fields: number } | null {
  const named = getNamedType(type);
  const key = isInputObjectType(named) ? (named.extensions?.[ORDER_KEY_EXTENSION] as string | undefined) : undefined;
  if (!key || !isInputObjectType(named)) return null;
  const fieldEnum = getNamedType(named.getFields()[key].type);
  if (!isEnumType(fieldEnum)) throw new Error(`${named.name}.${key} must be an enum to bound an order list`);
  return { key, fields: fieldEnum.getValues().length };
}

/**
 * The most items a list input may have: the declared `maxItems`, or for an
 * order list the number of its sort fields. Undefined is a missing limit,
 * which the schema test refuses.
 */
export function listBound(itemType: GraphQLInputType, limit: InputLimit | undefined): number | undefined {
  return limit?.maxItems ?? orderKeyOf(itemType)?.fields;
}

/** The declared limit of an input field or of an argument of a field. */
export function limitOf(field: GraphQLInputField | GraphQLField<unknown, unknown>, arg?: GraphQLArgument): InputLimit | undefined {
  if (arg) {
    // An @ArgsType field keeps its own extensions; a plain @Arg has them on its query (see ArgLimits).
    const own = arg.extensions?.[LIMIT_EXTENSION] as InputLimit | undefined;
    return own ?? (field.extensions?.[ARG_LIMITS_EXTENSION] as Record<string, InputLimit> | undefined)?.[arg.name];
  }
  return field.extensions?.[LIMIT_EXTENSION] as InputLimit | undefined;
}

function listCheck(itemType: GraphQLInputType, limit: InputLimit | undefined, item: Check | null): Check {
  const max = listBound(itemType, limit) ?? Number.POSITIVE_INFINITY;
  const order = orderKeyOf(itemType);
  return (value, path) => {
    if (!Array.isArray(value)) return;
    if (value.length > max) throw new BadUserInputError(`${path} takes at most ${max} items`, path);
    if (order) {
      const seen = new Set<unknown>();
      for (const o of value as Record<string, unknown>[]) {
        const key = o?.[order.key];
        if (seen.has(key)) throw new BadUserInputError(`${path} names ${String(key)} more than once`, path);
        seen.add(key);
      }
    }
    if (item) value.forEach((v, i) => item(v, `${path}[${i}]`));
  };
}

/** A check for a value of `type`, or null when nothing in it needs checking (numbers, booleans, enums). */
function compile(type: GraphQLInputType, limit: InputLimit | undefined, objects: Map<string, Check | null>): Check | null {
  if (isNonNullType(type)) return compile(type.ofType, limit, objects);
  if (isListType(type)) {
    return listCheck(type.ofType, limit, compile(type.ofType, limit && { ...limit, maxItems: undefined }, objects));
  }
  if (isScalarType(type)) return type.name === 'String' || type.name === 'ID' ? textCheck(limit) : null;
  if (!isInputObjectType(type)) return null;
  if (objects.has(type.name)) {
    // A recursive input type: check it through the finished entry.
    return (value, path) => objects.get(type.name)?.(value, path);
  }
  objects.set(type.name, null);
  const fields = Object.values(type.getFields())
    .map((f) => ({ name: f.name, check: compile(f.type, limitOf(f), objects) }))
    .filter((f): f is { name: string; check: Check } => f.check !== null);
  const check: Check | null = fields.length
    ? (value, path) => {
        if (value === null || typeof value !== 'object') return;
        const record = value as Record<string, unknown>;
        for (const f of fields) if (record[f.name] != null) f.check(record[f.name], path ? `${path}.${f.name}` : f.name);
      }
    : null;
  objects.set(type.name, check);
  return check;
}

/** Adds the declared limits to descriptions, so GraphiQL readers and the committed SDL show them. */
function describe(target: { description?: string | null }, type: GraphQLInputType, limit: InputLimit | undefined) {
  const order = isListType(isNonNullType(type) ? type.ofType : type) ? orderKeyOf(type) : null;
  const shown: InputLimit = { ...limit, ...(order ? { maxItems: order.fields } : {}) };
  if (target.description) target.description = describeLimit(target.description, shown, ...(order ? ['each sort field at most once'] : []));
}

/**
 * Wraps the resolver of every field that takes arguments with its compiled
 * check; called once by buildAppSchema.
 */
export function applyInputLimits(schema: GraphQLSchema): GraphQLSchema {
  const objects = new Map<string, Check | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) describe(f, f.type, limitOf(f));
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!field.args.length) continue;
      const checks = field.args
        .map((arg) => {
          describe(arg, arg.type, limitOf(field, arg));
          return { name: arg.name, check: compile(arg.type, limitOf(field, arg), objects) };
        })
        .filter((a): a is { name: string; check: Check } => a.check !== null);
      if (!checks.length) continue;
      // A mutation's one `input` names its fields by themselves ("amount", not
      // "input.amount"), as the services' own refusals do; other arguments by their path.
      const roots = checks.map((a) => (type === schema.getMutationType() && a.name === 'input' ? '' : a.name));
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        checks.forEach((a, i) => args[a.name] != null && a.check(args[a.name], roots[i]));
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
