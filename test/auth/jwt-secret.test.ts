import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveJwtSecret } from '../../src/auth/jwt-secret';

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'srdi-jwt-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const text = (key: Uint8Array): string => new TextDecoder().decode(key);

  it('uses JWT_SECRET when set and writes nothing', async () => {
    const key = await resolveJwtSecret({ jwtSecret: 'a-configured-secret-of-at-least-32-bytes', dataDir, env: 'development' });
    expect(text(key)).toBe('a-configured-secret-of-at-least-32-bytes');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('generates a private secret file once and reuses it', async () => {
    const nested = path.join(dataDir, 'not-yet-there');
    const first = await resolveJwtSecret({ jwtSecret: null, dataDir: nested, env: 'development' });
    const file = path.join(nested, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(text(first)).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    const second = await resolveJwtSecret({ jwtSecret: null, dataDir: nested, env: 'test' });
    expect(text(second)).toBe(text(first));
    expect(readdirSync(nested)).toEqual(['jwt-secret']); // no temporary files left
  });

  it('gives every concurrent caller the same secret', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => resolveJwtSecret({ jwtSecret: null, dataDir, env: 'development' })));
    expect(new Set(keys.map(text)).size).toBe(1);
    expect(readdirSync(dataDir)).toEqual(['jwt-secret']);
  });

  it('never generates one in production', async () => {
    await expect(resolveJwtSecret({ jwtSecret: null, dataDir, env: 'production' })).rejects.toThrow(/JWT_SECRET/);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses a truncated secret file instead of replacing it', async () => {
    writeFileSync(path.join(dataDir, 'jwt-secret'), 'short\n');
    await expect(resolveJwtSecret({ jwtSecret: null, dataDir, env: 'development' })).rejects.toThrow(/fewer than 32 bytes/);
  });
});
