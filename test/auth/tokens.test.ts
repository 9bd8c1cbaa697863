import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTokenVerifier, parseTtl, signToken, TokenVerifier } from '../../src/auth/tokens';

/** jose is ESM-only; loaded the way src/auth/tokens.ts loads it, so `tsc` accepts this CommonJS test too. */
type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
let jose: Jose;
beforeAll(async () => {
  jose = await import('jose');
});

const SECRET = new TextEncoder().encode('a-test-secret-that-is-at-least-32-bytes');
const OTHER_SECRET = new TextEncoder().encode('another-secret-that-is-at-least-32-bytes');
const HS = { jwksUrl: null, jwtIssuer: null, jwtAudience: null };
const now = (): number => Math.floor(Date.now() / 1000);

async function expectUnauthenticated(p: Promise<unknown>, message?: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  expect((err as { extensions?: Record<string, unknown> }).extensions?.code).toBe('UNAUTHENTICATED');
  if (message) expect((err as Error).message).toMatch(message);
}

function hs256(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);
}

describe('parseTtl', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604_800],
    ['365d', 31_536_000],
  ])('%s is %i seconds', (ttl, seconds) => {
    expect(parseTtl(ttl)).toBe(seconds);
  });

  it.each(['', '1', 'h', '0s', '01h', '1.5h', '-1h', '1 h', ' 1h', '1H', '1w', '1y', '1hh', '366d', '1e3s', '10000000000s'])('refuses %j', (ttl) => {
    expect(() => parseTtl(ttl)).toThrow(RangeError);
  });
});

describe('HS256 tokens', () => {
  const verifier = createTokenVerifier(HS, SECRET);

  it('signToken produces a token the verifier accepts, with iat, exp and the claims', async () => {
    const token = await signToken(SECRET, { sub: 'alice', role: 'ENTERPRISE', enterprise_id: 'e1' }, '15m');
    const claims = await verifier.verify(token);
    expect(claims).toMatchObject({ sub: 'alice', role: 'ENTERPRISE', enterprise_id: 'e1' });
    expect(claims.exp - claims.iat!).toBe(900);
    expect(Math.abs(claims.iat! - now())).toBeLessThanOrEqual(2);
    expect(claims).not.toHaveProperty('platform_id');
    expect(claims).not.toHaveProperty('iss');
  });

  it('signToken refuses a bad ttl', async () => {
    await expect(signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1w')).rejects.toThrow(RangeError);
  });

  it('accepts a token expired by less than the 60 s clock tolerance', async () => {
    await expect(verifier.verify(await hs256({ sub: 'a', role: 'MIIT', exp: now() - 30 }))).resolves.toMatchObject({ sub: 'a' });
  });

  it('refuses a token expired beyond the clock tolerance', async () => {
    await expectUnauthenticated(verifier.verify(await hs256({ sub: 'a', role: 'MIIT', exp: now() - 120 })), /expired/);
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await hs256({ sub: 'a', role: 'MIIT', nbf: now() + 600, exp: now() + 3600 });
    await expectUnauthenticated(verifier.verify(token), /not valid yet/);
  });

  it('refuses a token issued in the future beyond the clock tolerance, and accepts one within it', async () => {
    const token = await hs256({ sub: 'a', role: 'MIIT', iat: now() + 3600, exp: now() + 7200 });
    await expectUnauthenticated(verifier.verify(token), /issued in the future/);
    await expectUnauthenticated(
      verifier.verify(await hs256({ sub: 'a', role: 'MIIT', iat: now() + 120, exp: now() + 7200 })),
      /issued in the future/,
    );
    await expect(verifier.verify(await hs256({ sub: 'a', role: 'MIIT', iat: now() + 30, exp: now() + 3600 }))).resolves.toMatchObject({ sub: 'a' });
  });

  it('remembers a verified token only until its expiry (plus the clock tolerance), and never a refused one', async () => {
    let clock = Date.now();
    const cached = createTokenVerifier(HS, SECRET, { now: () => clock });
    const exp = Math.floor(clock / 1000) + 100;
    const token = await hs256({ sub: 'a', role: 'MIIT', exp });
    await expect(cached.verify(token)).resolves.toMatchObject({ sub: 'a' });
    clock = (exp + 59) * 1000;
    await expect(cached.verify(token)).resolves.toMatchObject({ sub: 'a' });
    clock = (exp + 61) * 1000;
    await expectUnauthenticated(cached.verify(token), /expired/);
    // Refused once (not valid yet), refused again: nothing was remembered.
    clock = Date.now();
    const early = await hs256({ sub: 'a', role: 'MIIT', nbf: Math.floor(clock / 1000) + 600, exp: Math.floor(clock / 1000) + 3600 });
    await expectUnauthenticated(cached.verify(early), /not valid yet/);
    await expectUnauthenticated(cached.verify(early), /not valid yet/);
    // A tampered copy of a remembered token is a different string, checked in full.
    const [h, p, sig] = (await signToken(SECRET, { sub: 'b', role: 'MIIT' }, '1h')).split('.');
    await expect(cached.verify(`${h}.${p}.${sig}`)).resolves.toMatchObject({ sub: 'b' });
    await expectUnauthenticated(cached.verify(`${h}.${p}.${sig.slice(0, -2)}AA`));
  });

  it('refuses a token without exp, sub or role', async () => {
    await expectUnauthenticated(verifier.verify(await hs256({ sub: 'a', role: 'MIIT' })), /exp/);
    await expectUnauthenticated(verifier.verify(await hs256({ role: 'MIIT', exp: now() + 60 })), /sub/);
    await expectUnauthenticated(verifier.verify(await hs256({ sub: 'a', exp: now() + 60 })), /role/);
    await expectUnauthenticated(verifier.verify(await hs256({ sub: '', role: 'MIIT', exp: now() + 60 })), /sub/);
    await expectUnauthenticated(verifier.verify(await hs256({ sub: 'a', role: 7, exp: now() + 60 })), /role/);
    await expectUnauthenticated(verifier.verify(await hs256({ sub: 'a', role: 'ENTERPRISE', enterprise_id: 1, exp: now() + 60 })));
  });

  it('refuses a tampered payload and a tampered signature', async () => {
    const token = await signToken(SECRET, { sub: 'a', role: 'ENTERPRISE', enterprise_id: 'e1' }, '1h');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'MIIT' })).toString('base64url');
    await expectUnauthenticated(verifier.verify(`${header}.${forged}.${signature}`), /signature/);
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectUnauthenticated(verifier.verify(`${header}.${payload}.${flipped}`));
  });

  it('refuses a token signed with another secret', async () => {
    await expectUnauthenticated(verifier.verify(await signToken(OTHER_SECRET, { sub: 'a', role: 'MIIT' }, '1h')), /signature/);
  });

  it('refuses alg none', async () => {
    const token = new jose.UnsecuredJWT({ sub: 'a', role: 'MIIT' }).setExpirationTime('1h').encode();
    await expectUnauthenticated(verifier.verify(token), /algorithm/);
  });

  it('refuses other HMAC algorithms', async () => {
    const token = await new jose.SignJWT({ sub: 'a', role: 'MIIT' })
      .setProtectedHeader({ alg: 'HS512' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(64)));
    await expectUnauthenticated(verifier.verify(token), /algorithm/);
  });

  it('refuses junk without echoing it', async () => {
    for (const junk of ['', 'abc', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9.secret-payload.sig', 'x'.repeat(10_000)]) {
      const err: unknown = await verifier.verify(junk).catch((e: unknown) => e);
      expect((err as { extensions: { code: string } }).extensions.code).toBe('UNAUTHENTICATED');
      if (junk.length > 3) expect((err as Error).message).not.toContain(junk);
    }
  });

  it('checks iss and aud when configured', async () => {
    const strict = createTokenVerifier({ jwksUrl: null, jwtIssuer: 'https://srdi.example', jwtAudience: 'srdi-api' }, SECRET);
    const good = await signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1h', { issuer: 'https://srdi.example', audience: 'srdi-api' });
    await expect(strict.verify(good)).resolves.toMatchObject({ iss: 'https://srdi.example', aud: 'srdi-api' });
    const wrongIss = await signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1h', { issuer: 'https://evil.example', audience: 'srdi-api' });
    await expectUnauthenticated(strict.verify(wrongIss), /iss/);
    const wrongAud = await signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1h', { issuer: 'https://srdi.example', audience: 'other' });
    await expectUnauthenticated(strict.verify(wrongAud), /aud/);
    await expectUnauthenticated(strict.verify(await signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1h')));
  });

  it('needs a secret without JWKS_URL', () => {
    expect(() => createTokenVerifier(HS)).toThrow(/secret/);
  });
});

describe('tokens from an identity provider (JWKS_URL)', () => {
  const ISSUER = 'https://idp.example';
  const AUDIENCE = 'srdi-api';
  let server: http.Server;
  let rsa: Awaited<ReturnType<Jose['generateKeyPair']>>;
  let ec: Awaited<ReturnType<Jose['generateKeyPair']>>;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    rsa = await jose.generateKeyPair('RS256');
    ec = await jose.generateKeyPair('ES256');
    const keys = [
      { ...(await jose.exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await jose.exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, jwtIssuer: ISSUER, jwtAudience: AUDIENCE }, SECRET);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const idpToken = (alg: 'RS256' | 'ES256', claims: Record<string, unknown> = {}, iss = ISSUER, aud = AUDIENCE) =>
    new jose.SignJWT({ sub: 'idp|42', role: 'MOF', ...claims })
      .setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rsa-1' : 'ec-1' })
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(alg === 'RS256' ? rsa.privateKey : ec.privateKey);

  it('accepts RS256 and ES256 tokens signed by a key in the JWKS', async () => {
    await expect(verifier.verify(await idpToken('RS256'))).resolves.toMatchObject({ sub: 'idp|42', role: 'MOF' });
    await expect(verifier.verify(await idpToken('ES256'))).resolves.toMatchObject({ sub: 'idp|42', role: 'MOF' });
  });

  it('refuses an HS256 token, even one signed with the local secret', async () => {
    const token = await signToken(SECRET, { sub: 'a', role: 'MIIT' }, '1h', { issuer: ISSUER, audience: AUDIENCE });
    await expectUnauthenticated(verifier.verify(token), /algorithm/);
  });

  it('refuses a token signed by a key not in the JWKS', async () => {
    const stranger = await jose.generateKeyPair('RS256');
    const token = await new jose.SignJWT({ sub: 'a', role: 'MIIT' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(stranger.privateKey);
    await expectUnauthenticated(verifier.verify(token));
  });

  it('refuses a wrong issuer or audience', async () => {
    await expectUnauthenticated(verifier.verify(await idpToken('RS256', {}, 'https://other.example')), /iss/);
    await expectUnauthenticated(verifier.verify(await idpToken('RS256', {}, ISSUER, 'another-api')), /aud/);
  });

  it('refuses an expired token and alg none', async () => {
    const expired = await new jose.SignJWT({ sub: 'a', role: 'MIIT' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now() - 3600)
      .sign(rsa.privateKey);
    await expectUnauthenticated(verifier.verify(expired), /expired/);
    const none = new jose.UnsecuredJWT({ sub: 'a', role: 'MIIT' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').encode();
    await expectUnauthenticated(verifier.verify(none), /algorithm/);
  });

  it('refuses tokens when the JWKS cannot be fetched', async () => {
    const unreachable = createTokenVerifier({ jwksUrl: 'http://127.0.0.1:9/jwks.json', jwtIssuer: ISSUER, jwtAudience: AUDIENCE });
    await expectUnauthenticated(unreachable.verify(await idpToken('RS256')));
  });
});
