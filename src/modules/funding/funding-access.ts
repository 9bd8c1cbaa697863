/**
 * What the funding mutations share besides the data layer (src/data, which
 * loads, checks and locks their rows): the database errors they turn into
 * CONFLICT or BAD_USER_INPUT, and the shape of a row in the audit trail.
 */

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

export function pgCode(err: unknown): { code?: string; constraint?: string } {
  return err as { code?: string; constraint?: string };
}

/** An entity as it goes into the audit trail: its columns, without the bookkeeping timestamps. */
export function snapshot(row: object): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row as Record<string, unknown>;
  return rest;
}
