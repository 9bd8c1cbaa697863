import { BadUserInputError } from './errors';

/**
 * Opaque global IDs: base64url("Type:key"). Clients must not parse them; we
 * keep them stable so cached objects survive between sessions.
 */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { type: string; key: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The uuid key of a global ID of the given type, or a BAD_USER_INPUT naming the argument. */
export function uuidFromGlobalId(id: string, type: string, field = 'id'): string {
  const parsed = fromGlobalId(id);
  if (!parsed || parsed.type !== type || !UUID.test(parsed.key)) {
    throw new BadUserInputError(`${field} is not a valid ${type} id`, field);
  }
  return parsed.key;
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}
