import { ArgsType, Field, Int } from 'type-graphql';
import { Limit, TEXT_LIMITS } from './input-limits';

/**
 * The Relay paging arguments every list takes: a list's own Args class
 * extends this one and adds its `filter` and `orderBy`. paginate() reads them.
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      'The first N items, from the start of the list or after `after`: 20 if neither `first` nor `last` is given, at most 100. Not together with `last`.',
  })
  first?: number | null;

  @Limit({ maxLength: TEXT_LIMITS.cursor })
  @Field(() => String, {
    nullable: true,
    description:
      'The page starts after this item: a cursor of this list with the same orderBy and filter (pageInfo.endCursor of the page before). Any other cursor is BAD_USER_INPUT.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The last N items, up to the end of the list or up to `before`, at most 100; they come in the list’s order. Not together with `first`.',
  })
  last?: number | null;

  @Limit({ maxLength: TEXT_LIMITS.cursor })
  @Field(() => String, {
    nullable: true,
    description:
      'The page ends before this item: a cursor of this list with the same orderBy and filter (pageInfo.startCursor of the page after). Any other cursor is BAD_USER_INPUT.',
  })
  before?: string | null;
}
