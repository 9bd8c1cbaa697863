import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Config } from '../config/config';

export const JWT_SECRET_FILE = 'jwt-secret';

/** HS256 needs a 256-bit key; JWT_SECRET is held to the same length by the config. */
const MIN_SECRET_BYTES = 32;

/**
 * The key the server uses or will use, without creating one: JWT_SECRET when
 * set, else the secret already kept in `<dataDir>/jwt-secret`, else null. For
 * the `token` CLI, which must never sign with a key of its own making: the
 * server, started with another DATA_DIR, would refuse every such token.
 */
export async function existingJwtSecret(config: Pick<Config, 'jwtSecret' | 'dataDir'>): Promise<Uint8Array | null> {
  if (config.jwtSecret !== null) return new TextEncoder().encode(config.jwtSecret);
  return readSecretFile(path.join(config.dataDir, JWT_SECRET_FILE));
}

/**
 * The HS256 key: JWT_SECRET when set; otherwise (development and test only)
 * the one kept in `<dataDir>/jwt-secret`, generated on the server's first start.
 * The `token` CLI reads the same file (existingJwtSecret) and refuses when there
 * is none, so its tokens are always ones the server accepts.
 *
 * The file holds base64url text and the key is that text's bytes, exactly as
 * JWT_SECRET is used: copying the file's content into JWT_SECRET gives the
 * same key.
 */
export async function resolveJwtSecret(config: Pick<Config, 'jwtSecret' | 'dataDir' | 'env'>): Promise<Uint8Array> {
  if (config.jwtSecret !== null) return new TextEncoder().encode(config.jwtSecret);
  if (config.env === 'production') {
    // loadConfig already refuses this; a secret is never generated in production.
    throw new Error('JWT_SECRET is required in production');
  }
  const file = path.join(config.dataDir, JWT_SECRET_FILE);
  const existing = await readSecretFile(file);
  if (existing !== null) return existing;
  await fs.mkdir(config.dataDir, { recursive: true });
  await createSecretFile(file);
  const created = await readSecretFile(file);
  if (created === null) throw new Error(`${file} vanished right after it was created`);
  return created;
}

async function readSecretFile(file: string): Promise<Uint8Array | null> {
  let text: string;
  try {
    text = (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = new TextEncoder().encode(text);
  if (key.byteLength < MIN_SECRET_BYTES) {
    // Regenerating would silently invalidate every token issued so far; a
    // person should look at the file instead.
    throw new Error(`${file} holds fewer than ${MIN_SECRET_BYTES} bytes; delete it to generate a new secret`);
  }
  return key;
}

/**
 * Writes the secret to a private temporary file, then hard-links it into
 * place. link() never replaces an existing file, so when two processes start
 * at once exactly one wins and the other reads the winner's secret; and no one
 * ever reads a half-written file.
 */
async function createSecretFile(file: string): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // another process won the race
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    // A file system without hard links: exclusive create is the next best thing.
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
