import { DataSource } from 'typeorm';
import { UnauthenticatedError } from '../core/errors';
import { fromGlobalId, isUuid } from '../core/global-id';
import { TokenVerifier } from './tokens';
import { isTokenRole } from './roles';
import { PUBLIC_VIEWER, Viewer } from './viewer';

/** Whether a token's tenant still exists; a token for a deleted tenant is no good. */
export interface TenantDirectory {
  enterpriseExists(id: string): Promise<boolean>;
  platformExists(id: string): Promise<boolean>;
  regionExists(code: string): Promise<boolean>;
}

/** RFC 6750: the scheme is case-insensitive; the token is a compact JWS (alg none's empty signature included, to be refused by the verifier). */
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*) *$/i;
const REGION_CODE = /^[0-9]{6}$/;

/**
 * The Authorization header → the Viewer. No header is the public; anything
 * else must be a valid token for a known role and an existing tenant, or the
 * request fails with UNAUTHENTICATED (never a quiet downgrade to the public).
 */
export async function authenticate(authorization: string | undefined, verifier: TokenVerifier, tenants: TenantDirectory): Promise<Viewer> {
  if (authorization === undefined) return PUBLIC_VIEWER;
  const m = BEARER.exec(authorization);
  if (!m) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  const claims = await verifier.verify(m[1]);

  const role = claims.role;
  if (!isTokenRole(role)) throw new UnauthenticatedError("the token's role is not one this API knows");
  const viewer: Viewer = { role, subject: claims.sub };

  switch (role) {
    case 'ENTERPRISE': {
      const id = tenantUuid(claims.enterprise_id, 'Enterprise', 'enterprise_id');
      if (!(await tenants.enterpriseExists(id))) throw new UnauthenticatedError("the token's enterprise does not exist");
      viewer.enterpriseId = id;
      break;
    }
    case 'PLATFORM': {
      const id = tenantUuid(claims.platform_id, 'Platform', 'platform_id');
      if (!(await tenants.platformExists(id))) throw new UnauthenticatedError("the token's platform does not exist");
      viewer.platformId = id;
      break;
    }
    case 'LOCAL_GOV': {
      const code = claims.region_code;
      if (code === undefined) throw new UnauthenticatedError('a LOCAL_GOV token needs a region_code claim');
      if (!REGION_CODE.test(code) || !(await tenants.regionExists(code))) {
        throw new UnauthenticatedError("the token's region does not exist");
      }
      viewer.regionCode = code;
      break;
    }
    default:
      // MIIT and MOF act nationally; a tenant claim on their tokens is ignored.
      break;
  }
  return Object.freeze(viewer);
}

/** The tenant claim as a uuid: the raw uuid, or the GraphQL global id the API hands out. */
function tenantUuid(claim: string | undefined, type: 'Enterprise' | 'Platform', name: string): string {
  if (claim === undefined) throw new UnauthenticatedError(`a ${type === 'Enterprise' ? 'ENTERPRISE' : 'PLATFORM'} token needs a ${name} claim`);
  const id = tenantIdToUuid(claim, type);
  if (id === null) throw new UnauthenticatedError(`the token's ${name} claim is not a valid ${type} id`);
  return id;
}

/** A uuid (any case) or the global id of `type` → the lower-case uuid; null for anything else. */
export function tenantIdToUuid(value: string, type: 'Enterprise' | 'Platform'): string | null {
  const lower = value.toLowerCase();
  if (isUuid(lower)) return lower;
  const parsed = fromGlobalId(value);
  if (parsed && parsed.type === type && isUuid(parsed.key)) return parsed.key;
  return null;
}

const lowerCase = (s: string): string => s.toLowerCase();

export interface TenantDirectoryOptions {
  /** How long a tenant found to exist is remembered. Absence is never cached. */
  ttlMs?: number;
  /** Entries kept per kind; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Tenant lookups against the database, with a small positive cache so an
 * authenticated request does not cost a query. A tenant deleted meanwhile
 * keeps working for at most ttlMs; an unknown one is asked about each time so
 * that a tenant created a moment ago is found at once.
 */
export function databaseTenantDirectory(dataSource: DataSource, options: TenantDirectoryOptions = {}): TenantDirectory {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;

  const lookup = (sql: string, valid: (key: string) => boolean, normalise: (key: string) => string) => {
    const seen = new Map<string, number>(); // key → expiry
    return async (raw: string): Promise<boolean> => {
      if (typeof raw !== 'string') return false;
      const key = normalise(raw);
      // Checked here so a malformed id is simply absent, never a SQL error.
      if (!valid(key)) return false;
      const expiry = seen.get(key);
      if (expiry !== undefined) {
        if (expiry > now()) return true;
        seen.delete(key);
      }
      const rows: unknown[] = await dataSource.query(sql, [key]);
      if (rows.length === 0) return false;
      if (seen.size >= maxEntries) seen.delete(seen.keys().next().value as string);
      seen.set(key, now() + ttlMs);
      return true;
    };
  };

  return {
    // Security-definer functions: the pool's role (srdi_app) sees no tenant's rows before a tenant is set.
    enterpriseExists: lookup('SELECT 1 WHERE tenant_enterprise_exists($1)', isUuid, lowerCase),
    platformExists: lookup('SELECT 1 WHERE tenant_platform_exists($1)', isUuid, lowerCase),
    regionExists: lookup(
      'SELECT 1 FROM region WHERE code = $1',
      (code) => REGION_CODE.test(code),
      (code) => code,
    ),
  };
}
