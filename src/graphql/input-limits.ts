import { Extensions } from 'type-graphql';

/**
 * How much a client may send in one input: declared next to the field (or,
 * for arguments, on the query or mutation) and checked in one place before
 * any resolver runs (see input-validation.ts). Every string has a length
 * limit and is refused with NUL, control characters or bidirectional
 * controls (published names must read as what they are); every list has a
 * most-items.
 */
export interface InputLimit {
  /** Most characters (Unicode code points) of a string. */
  maxLength?: number;
  /** Multi-line free text: line feeds and tabs are allowed, other controls not. */
  multiline?: boolean;
  /** Most items of a list. */
  maxItems?: number;
}

/** The limits of the programme's kinds of text, in characters. */
export const TEXT_LIMITS = {
  /** Any string without a limit of its own: global IDs, dates, region codes, amounts. */
  default: 200,
  /** Registered names of enterprises, platforms, programmes. */
  name: 200,
  /** Codes and other short keys: credit codes, rule-set codes, document numbers, decimal scores. */
  code: 64,
  /** Free-text search of a list filter. */
  search: 100,
  /** Reasons for a decision (claw-back, key support), shown to the enterprise. */
  reason: 1000,
  /** Comments of a review step and descriptions of expenditures. */
  comment: 2000,
  /** A client's idempotency key. */
  idempotencyKey: 200,
  /** An opaque page cursor (`after`, `before`). */
  cursor: 2048,
} as const;

/** The extension key of a field's or input field's own limit. */
export const LIMIT_EXTENSION = 'inputLimit';
/** The extension key, on a query or mutation, of its arguments' limits by argument name. */
export const ARG_LIMITS_EXTENSION = 'argumentLimits';
/**
 * The extension key marking an order input type: the name of its sort-field
 * member. A list of such inputs is bounded by the number of sort fields and
 * may name each at most once, so no orderBy can grow the SQL past the keys
 * the list has.
 */
export const ORDER_KEY_EXTENSION = 'orderKey';

/** Limits of an input field: `@Limit({ maxLength: TEXT_LIMITS.name })`. */
export function Limit(limit: InputLimit): PropertyDecorator {
  return Extensions({ [LIMIT_EXTENSION]: limit });
}

/**
 * Limits of a query's or mutation's arguments by name, since type-graphql
 * keeps no extensions on an `@Arg`: `@ArgLimits({ ruleSet: { maxLength: TEXT_LIMITS.code } })`.
 */
export function ArgLimits(limits: Record<string, InputLimit>): MethodDecorator {
  return Extensions({ [ARG_LIMITS_EXTENSION]: limits });
}

/** Marks an order input type whose sort field is the member `key`. */
export function OrderKey(key: string): ClassDecorator {
  return Extensions({ [ORDER_KEY_EXTENSION]: key });
}

/** The limit written into a description, for GraphiQL readers: "… At most 200 characters." */
export function describeLimit(description: string, limit: InputLimit, ...more: string[]): string {
  const parts = [
    limit.maxLength !== undefined ? `at most ${limit.maxLength} characters` : null,
    limit.maxItems !== undefined ? `at most ${limit.maxItems} items` : null,
    limit.multiline ? 'line breaks allowed' : null,
    ...more,
  ].filter((p): p is string => p !== null);
  if (!parts.length) return description;
  const sentence = parts.join(', ');
  return `${description.trimEnd()} ${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}
