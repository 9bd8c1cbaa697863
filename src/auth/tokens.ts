import type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import { Config } from '../config/config';
import { UnauthenticatedError } from '../core/errors';
import { Role } from './roles';

/** The claims the API reads; anything else in a token is ignored. */
export interface TokenClaims extends JWTPayload {
  sub: string;
  /** Not yet checked against the known roles: authenticate() does that. */
  role: string;
  exp: number;
  enterprise_id?: string;
  platform_id?: string;
  region_code?: string;
}

export interface TokenVerifier {
  /** The verified claims, or an UnauthenticatedError; never a fall-back to the public. */
  verify(token: string): Promise<TokenClaims>;
}

/** Our own tokens, signed with the shared secret. */
const HMAC_ALGORITHMS = ['HS256'];
/**
 * An identity provider's tokens. HS256 is never accepted here: the JWKS is
 * public, and accepting HMAC would let anyone sign with a public key as the
 * secret. `none` is never accepted anywhere.
 */
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
const CLOCK_TOLERANCE_SECONDS = 60;
/** Far above any real token; stops us spending effort on junk. */
const MAX_TOKEN_LENGTH = 8192;

const TENANT_CLAIMS = ['enterprise_id', 'platform_id', 'region_code'] as const;

/**
 * jose is ESM-only and this is a CommonJS build, so it is loaded with a
 * dynamic import (which tsc keeps as a real import() under module node16),
 * once, on first use.
 */
type Jose = typeof JoseModule;
let josePromise: Promise<Jose> | undefined;
function loadJose(): Promise<Jose> {
  josePromise ??= import('jose');
  return josePromise;
}

export interface TokenVerifierOptions {
  /** Verified tokens remembered (the oldest go first); 0 turns the cache off. */
  cacheSize?: number;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

/**
 * A token from an identity provider is trusted from the cache for at most
 * this long, so that a key the provider withdraws stops working soon even
 * for tokens already seen.
 */
const JWKS_CACHE_SECONDS = 300;

export function createTokenVerifier(
  config: Pick<Config, 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>,
  secret?: Uint8Array,
  { cacheSize = 5000, now = Date.now }: TokenVerifierOptions = {},
): TokenVerifier {
  let key: Uint8Array | Promise<JWTVerifyGetKey>;
  let algorithms: string[];
  if (config.jwksUrl !== null) {
    const jwksUrl = new URL(config.jwksUrl);
    // One key set per verifier: jose caches the fetched keys and refetches on an unknown kid.
    key = loadJose().then(({ createRemoteJWKSet }) => createRemoteJWKSet(jwksUrl));
    key.catch(() => undefined); // reported by verify(), not as an unhandled rejection
    algorithms = JWKS_ALGORITHMS;
  } else {
    if (!secret || secret.byteLength === 0) throw new Error('createTokenVerifier needs the HS256 secret when JWKS_URL is not set');
    key = secret;
    algorithms = HMAC_ALGORITHMS;
  }
  const options = {
    algorithms,
    requiredClaims: ['exp', 'sub', 'role'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(config.jwtIssuer !== null ? { issuer: config.jwtIssuer } : {}),
    ...(config.jwtAudience !== null ? { audience: config.jwtAudience } : {}),
  };

  // A client sends the same token with every request: checking its signature
  // once, and then only its expiry, takes the HMAC or RSA work off the hot path.
  // Only accepted tokens are kept, keyed by the whole token string.
  const verified = new Map<string, { claims: TokenClaims; until: number }>();
  const remember = (token: string, claims: TokenClaims) => {
    if (cacheSize <= 0) return;
    let until = (claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000;
    if (config.jwksUrl !== null) until = Math.min(until, now() + JWKS_CACHE_SECONDS * 1000);
    if (verified.size >= cacheSize) verified.delete(verified.keys().next().value as string);
    verified.set(token, { claims, until });
  };

  return {
    async verify(token: string): Promise<TokenClaims> {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        throw new UnauthenticatedError('the token is malformed');
      }
      const hit = verified.get(token);
      if (hit) {
        if (now() <= hit.until) return hit.claims;
        verified.delete(token);
        throw new UnauthenticatedError('the token has expired');
      }
      let payload: JWTPayload;
      try {
        const { jwtVerify } = await loadJose();
        // The two overloads of jwtVerify (key or key function) need the cast.
        ({ payload } = await jwtVerify(token, (await key) as Uint8Array, { ...options, currentDate: new Date(now()) }));
      } catch (err) {
        throw new UnauthenticatedError(reason(err));
      }
      const claims = Object.freeze(checkClaimTypes(payload, now()));
      remember(token, claims);
      return claims;
    },
  };
}

/** A short reason from jose's error code; never jose's message, never the token. */
function reason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const claim = (err as { claim?: unknown } | null)?.claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf') return 'the token is not valid yet';
      if (claim === 'iss' || claim === 'aud') return `the token's ${claim} claim is not the one this API accepts`;
      if (typeof claim === 'string' && /^[a-z_]{1,20}$/.test(claim)) return `the token's ${claim} claim is missing or invalid`;
      return 'the token claims are invalid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'the token signing algorithm is not accepted';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the token signature is invalid';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'the token is not signed by a trusted key';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return 'the signing keys could not be fetched to verify the token';
    default:
      return 'the token is malformed or cannot be verified';
  }
}

function checkClaimTypes(payload: JWTPayload, nowMs: number): TokenClaims {
  // jose checks iat only against a maximum age; a token "issued" beyond the
  // clock skew is forged or comes from a broken clock, and is refused either way.
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat > nowMs / 1000 + CLOCK_TOLERANCE_SECONDS)) {
    throw new UnauthenticatedError('the token was issued in the future');
  }
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
    throw new UnauthenticatedError("the token's sub claim is missing or invalid");
  }
  if (typeof payload.role !== 'string') throw new UnauthenticatedError("the token's role claim is missing or invalid");
  for (const name of TENANT_CLAIMS) {
    if (payload[name] !== undefined && typeof payload[name] !== 'string') {
      throw new UnauthenticatedError(`the token's ${name} claim is invalid`);
    }
  }
  return payload as TokenClaims;
}

export interface SignTokenClaims {
  sub: string;
  role: Role;
  enterprise_id?: string;
  platform_id?: string;
  region_code?: string;
}

export interface SignTokenOptions {
  issuer?: string | null;
  audience?: string | null;
}

/** An HS256 token for the API's own secret (the `token` CLI, the start-up banner, tests). */
export async function signToken(secret: Uint8Array, claims: SignTokenClaims, ttl: string, options: SignTokenOptions = {}): Promise<string> {
  const seconds = parseTtl(ttl);
  const payload: Record<string, string> = { role: claims.role };
  for (const name of TENANT_CLAIMS) {
    const value = claims[name];
    if (value !== undefined) payload[name] = value;
  }
  const now = Math.floor(Date.now() / 1000);
  const { SignJWT } = await loadJose();
  let jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + seconds);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(secret);
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** A token that outlives a year is a standing credential, not a session. */
const MAX_TTL_SECONDS = 365 * 86_400;

/** "90s", "15m", "1h", "7d" → seconds. Nothing else: no decimals, no spaces, no other units. */
export function parseTtl(ttl: string): number {
  const m = typeof ttl === 'string' ? /^([1-9][0-9]{0,7})([smhd])$/.exec(ttl) : null;
  if (!m) {
    throw new RangeError(`invalid ttl ${JSON.stringify(ttl)}: use a whole number followed by s, m, h or d (90s, 15m, 1h, 7d)`);
  }
  const seconds = Number(m[1]) * TTL_UNITS[m[2]];
  if (seconds > MAX_TTL_SECONDS) throw new RangeError(`invalid ttl ${JSON.stringify(ttl)}: at most 365d`);
  return seconds;
}
