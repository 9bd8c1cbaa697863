import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { databaseTenantDirectory, tenantIdToUuid } from '../auth/authenticate';
import { existingJwtSecret, JWT_SECRET_FILE } from '../auth/jwt-secret';
import { parseTtl, signToken, SignTokenClaims } from '../auth/tokens';
import { isTokenRole, ROLE_DETAILS, TOKEN_ROLES, TokenRole } from '../auth/roles';
import { Config, loadConfig } from '../config/config';
import { createDataSource } from '../db/data-source';
import { ENTITIES } from '../modules/entities';
import { EmbeddedPostgres, findRunningEmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded-postgres';
import { normalizeCreditCode } from '../modules/enterprise/credit-code.rules';

/** "ENTERPRISE (needs --enterprise), …, MIIT or MOF": the token roles, each with the option naming its tenant. */
function roleChoices(): string {
  const choices = TOKEN_ROLES.map((role) => (ROLE_DETAILS[role].tenant ? `${role} (needs --${ROLE_DETAILS[role].tenant})` : role));
  return `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

/**
 * `npm run --silent token -- --role ROLE [--enterprise ID] [--platform ID] [--region CODE] [--ttl 1h] [--sub NAME]`
 *
 * Prints one signed JWT and nothing else on stdout, so `TOKEN=$(npm run --silent token -- --role MIIT)`
 * works; any error is one line on stderr and exit status 2. The token is
 * valid for the server that uses the same DATA_DIR / JWT_SECRET; without
 * JWT_SECRET it signs only with the secret the server already keeps in
 * DATA_DIR, and never creates one.
 */
export const USAGE = [
  'usage: npm run --silent token -- --role ROLE [--enterprise ID] [--platform ID] [--region CODE] [--ttl 1h] [--sub NAME]',
  `  ROLE        ${roleChoices()}`,
  '  ID          the GraphQL id the API returns, or the raw uuid; for an enterprise its credit code works too',
  '  CODE        a six-digit region code, e.g. 350200',
  '  --ttl       lifetime: a whole number and s, m, h or d (default 1h)',
  '  --sub       the token subject (default cli:<ROLE>)',
  'Prints one JWT on stdout. DATABASE_URL, DATA_DIR and JWT_SECRET as for the server; without JWT_SECRET,',
  "DATA_DIR must be the server's (its first start keeps the signing secret there).",
].join('\n');

export interface TokenCliResult {
  stdout: string;
  stderr: string;
  code: number;
}

const CREDIT_CODE_SHAPE = /^[0-9A-Z]{18}$/;
const REGION_CODE = /^[0-9]{6}$/;

/** A problem with what the caller asked for, or with the environment; reported as one line. */
class CliError extends Error {}

/** What the arguments ask for, checked as far as is possible without the database. */
type TenantRequest =
  | { kind: 'none' }
  | { kind: 'enterprise'; uuid: string; input: string }
  | { kind: 'enterpriseCreditCode'; creditCode: string }
  | { kind: 'platform'; uuid: string; input: string }
  | { kind: 'region'; code: string };

interface Request {
  role: TokenRole;
  sub: string;
  ttl: string;
  tenant: TenantRequest;
}

/** The CLI without the process around it: argv (after the script name) and the environment in, output and exit code out. Never throws. */
export async function runTokenCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): Promise<TokenCliResult> {
  try {
    const request = parseRequest(argv);
    if (request === 'help') return { stdout: `${USAGE}\n`, stderr: '', code: 0 };
    const config = loadConfig(env, cwd);
    if (config.jwksUrl !== null) {
      throw new CliError(
        'JWKS_URL is set, so the server accepts only tokens from the identity provider; this CLI signs HS256 tokens with JWT_SECRET',
      );
    }
    const claims: SignTokenClaims = { sub: request.sub, role: request.role };
    if (request.tenant.kind !== 'none') {
      Object.assign(claims, await withDatabase(config, (ds) => resolveTenant(ds, request.tenant)));
    }
    const secret = await existingJwtSecret(config);
    if (secret === null) {
      // Making one up here would print a token that the server, which keeps its own secret, refuses.
      throw new CliError(
        `no signing secret: JWT_SECRET is not set and DATA_DIR ${config.dataDir} has no ${JWT_SECRET_FILE} file, so this ` +
          'token would not be one the server accepts. Run it with the DATA_DIR of the server (its first npm start creates ' +
          "the file), or set JWT_SECRET to the server's",
      );
    }
    const token = await signToken(secret, claims, request.ttl, { issuer: config.jwtIssuer, audience: config.jwtAudience });
    return { stdout: `${token}\n`, stderr: '', code: 0 };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { stdout: '', stderr: `token: ${message.replace(/\s+/g, ' ').trim()}\n`, code: 2 };
  }
}

function parseRequest(argv: string[]): Request | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        enterprise: { type: 'string' },
        platform: { type: 'string' },
        region: { type: 'string' },
        ttl: { type: 'string', default: '1h' },
        sub: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message} (see --help)`);
  }
  if (values.help) return 'help';

  const str = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v.trim() : undefined;
  };
  const roleInput = str('role');
  if (roleInput === undefined) throw new CliError(`--role is required: one of ${TOKEN_ROLES.join(', ')}`);
  const role = roleInput.toUpperCase();
  if (!isTokenRole(role)) throw new CliError(`--role must be one of ${TOKEN_ROLES.join(', ')}, got "${roleInput}"`);

  const ttl = str('ttl') ?? '1h';
  try {
    parseTtl(ttl);
  } catch (err) {
    throw new CliError(`--ttl: ${(err as Error).message}`);
  }

  const sub = str('sub') ?? `cli:${role}`;
  if (sub === '' || sub.length > 200) throw new CliError('--sub must be 1 to 200 characters');

  const wanted = ROLE_DETAILS[role].tenant;
  for (const option of ['enterprise', 'platform', 'region'] as const) {
    if (option !== wanted && str(option) !== undefined) throw new CliError(`--${option} does not apply to role ${role}`);
  }
  if (wanted === null) return { role, sub, ttl, tenant: { kind: 'none' } };
  const value = str(wanted);
  if (!value) throw new CliError(`role ${role} needs --${wanted}`);
  return { role, sub, ttl, tenant: parseTenant(wanted, value) };
}

function parseTenant(option: 'enterprise' | 'platform' | 'region', value: string): TenantRequest {
  if (option === 'region') {
    if (!REGION_CODE.test(value)) throw new CliError(`--region must be a six-digit region code, got "${value}"`);
    return { kind: 'region', code: value };
  }
  if (option === 'platform') {
    const uuid = tenantIdToUuid(value, 'Platform');
    if (uuid === null) throw new CliError(`--platform must be a platform id (the GraphQL id or its uuid), got "${value}"`);
    return { kind: 'platform', uuid, input: value };
  }
  const uuid = tenantIdToUuid(value, 'Enterprise');
  if (uuid !== null) return { kind: 'enterprise', uuid, input: value };
  const creditCode = normalizeCreditCode(value);
  if (CREDIT_CODE_SHAPE.test(creditCode)) return { kind: 'enterpriseCreditCode', creditCode };
  throw new CliError(`--enterprise must be an enterprise id (the GraphQL id or its uuid) or an 18-character credit code, got "${value}"`);
}

/** The tenant claim for the token, after checking that the tenant exists. */
async function resolveTenant(ds: DataSource, tenant: TenantRequest): Promise<Partial<SignTokenClaims>> {
  const directory = databaseTenantDirectory(ds);
  switch (tenant.kind) {
    case 'none':
      return {};
    case 'enterprise':
      if (!(await directory.enterpriseExists(tenant.uuid))) throw new CliError(`no enterprise with id "${tenant.input}"`);
      return { enterprise_id: tenant.uuid };
    case 'enterpriseCreditCode': {
      const rows: { id: string }[] = await ds.query('SELECT id FROM enterprise WHERE credit_code = $1', [tenant.creditCode]);
      if (rows.length === 0) throw new CliError(`no enterprise with credit code ${tenant.creditCode}`);
      return { enterprise_id: rows[0].id };
    }
    case 'platform':
      if (!(await directory.platformExists(tenant.uuid))) throw new CliError(`no platform with id "${tenant.input}"`);
      return { platform_id: tenant.uuid };
    case 'region':
      if (!(await directory.regionExists(tenant.code))) throw new CliError(`no region with code ${tenant.code}`);
      return { region_code: tenant.code };
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR:
 * the one the server is running if there is one, else one started for the
 * moment and stopped again.
 */
async function withDatabase<T>(config: Config, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  if (url === null) url = (await findRunningEmbeddedPostgres(config.dataDir))?.url ?? null;
  if (url === null) {
    if (!existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
      throw new CliError(`no database under DATA_DIR ${config.dataDir}: start the server once (npm start), or set DATABASE_URL`);
    }
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    url = embedded.url;
  }
  const ds = createDataSource({ url, entities: ENTITIES, poolSize: 1, applicationName: 'srdi-token-cli' });
  try {
    await ds.initialize();
    return await fn(ds);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === '3D000') throw new CliError('the database named in the connection URL does not exist');
    if (code === '42P01') {
      throw new CliError('the database has no srdi-api tables yet: start the server once (npm start) so it applies the migrations');
    }
    throw err;
  } finally {
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  }
}

if (require.main === module) {
  void runTokenCli(process.argv.slice(2)).then(({ stdout, stderr, code }) => {
    if (stderr) process.stderr.write(stderr);
    process.stdout.write(stdout, () => process.exit(code));
  });
}
