/**
 * The PostgreSQL error codes (SQLSTATE) that services turn into CONFLICT or
 * BAD_USER_INPUT rather than an internal error, and the fields of a driver
 * error they look at.
 */

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

export function pgCode(err: unknown): { code?: string; constraint?: string } {
  return err as { code?: string; constraint?: string };
}
