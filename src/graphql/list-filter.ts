import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { regionRange } from '../authz/ability';
import { SubjectName } from '../authz/policy';
import { isRegionCode } from '../core/region-code';
import { RequestContext } from '../core/context';
import { BadUserInputError } from '../core/errors';
import { uuidFromGlobalId } from '../core/global-id';

/** Escapes LIKE's wildcards in user text. */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The conditions of a list's `filter` argument. Each one names the policy
 * fields it would reveal, and is refused (FORBIDDEN) unless the caller may
 * read them on every row it can see: a filter that selects rows by a hidden
 * value discloses that value. A missing (null) argument adds nothing.
 */
export class ListFilter<T extends ObjectLiteral> {
  constructor(
    private readonly ctx: RequestContext,
    private readonly qb: SelectQueryBuilder<T>,
    private readonly subject: SubjectName,
  ) {}

  private guard(arg: string, reveals: string | string[]): string {
    for (const field of Array.isArray(reveals) ? reveals : [reveals]) {
      this.ctx.authz.assertReadableOnEveryRow(this.subject, field, `filter.${arg}`);
    }
    return `f_${arg.replace(/\W/g, '_')}`;
  }

  /** `property = value`. */
  equals(arg: string, value: unknown, reveals: string | string[], property = arg): this {
    if (value == null) return this;
    const p = this.guard(arg, reveals);
    this.qb.andWhere(`${this.qb.alias}.${property} = :${p}`, { [p]: value });
    return this;
  }

  /** `property = <uuid of a global ID of type>`; a malformed ID is BAD_USER_INPUT naming the argument. */
  globalId(arg: string, id: string | null | undefined, type: string, property: string, reveals: string | string[]): this {
    if (id == null) return this;
    return this.equals(arg, uuidFromGlobalId(id, type, `filter.${arg}`), reveals, property);
  }

  /** The region and every region below it. */
  regionSubtree(arg: string, code: string | null | undefined, reveals: string | string[], property = 'regionCode'): this {
    if (code == null) return this;
    const p = this.guard(arg, reveals);
    if (!isRegionCode(code)) throw new BadUserInputError(`filter.${arg} must be a six-digit region code`, `filter.${arg}`);
    const { lo, hi } = regionRange(code);
    this.qb.andWhere(`${this.qb.alias}.${property} BETWEEN :${p}_lo AND :${p}_hi`, { [`${p}_lo`]: lo, [`${p}_hi`]: hi });
    return this;
  }

  /** Case-insensitive "contains" over one or more text columns. */
  contains(arg: string, text: string | null | undefined, reveals: string[], properties: string[]): this {
    if (text == null || text.trim() === '') return this;
    const p = this.guard(arg, reveals);
    const a = this.qb.alias;
    this.qb.andWhere(`(${properties.map((c) => `${a}.${c} ILIKE :${p}`).join(' OR ')})`, { [p]: `%${likeEscape(text.trim())}%` });
    return this;
  }

  /** Anything else, still guarded: `apply` receives the query, its alias and a parameter name. */
  custom<V>(
    arg: string,
    value: V | null | undefined,
    reveals: string | string[],
    apply: (qb: SelectQueryBuilder<T>, param: string, value: V) => void,
  ): this {
    if (value == null) return this;
    apply(this.qb, this.guard(arg, reveals), value);
    return this;
  }
}
