import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSource } from '../db/data-source';
import { ENTITIES } from '../modules/entities';
import { EmbeddedPostgres, findRunningEmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';
import { describeCounts, SeedCounts, SeedRefusedError } from '../seed/counts';
import { seedDemoData } from '../seed/demo';
import { seedNational } from '../seed/national';

/**
 * `npm run seed -- --scale demo|national [--factor 0.1]`
 *
 * Loads the demo data or the benchmark dataset into an empty database: the
 * one DATABASE_URL names, else the embedded PostgreSQL under DATA_DIR (the
 * running server's, if one is up; otherwise started here and stopped at the
 * end). Prints one line with the counts and the time taken. Bad arguments or
 * configuration: one line on stderr, exit status 2; a refused or failed seed:
 * one line, exit status 1.
 */
export const USAGE =
  'usage: npm run seed -- --scale demo|national [--factor N]   (N between 0.0005 and 10 multiplies the national counts; default 1)';

export interface SeedArgs {
  scale: 'demo' | 'national';
  factor: number;
}

export class UsageError extends Error {}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values: { scale?: string; factor?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { scale: { type: 'string' }, factor: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE);
  if (values.scale !== 'demo' && values.scale !== 'national') {
    throw new UsageError(
      `${values.scale === undefined ? '--scale is required' : `--scale must be demo or national, got "${values.scale}"`}; ${USAGE}`,
    );
  }
  let factor = 1;
  if (values.factor !== undefined) {
    if (values.scale !== 'national') throw new UsageError(`--factor applies to --scale national only; ${USAGE}`);
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(values.factor)) throw new UsageError(`--factor must be a positive number, got "${values.factor}"; ${USAGE}`);
    factor = Number(values.factor);
    if (!(factor >= 0.0005 && factor <= 10)) throw new UsageError(`--factor must be between 0.0005 and 10, got ${values.factor}; ${USAGE}`);
  }
  return { scale: values.scale, factor };
}

export interface SeedCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command with the given arguments and environment; returns what to
 * print and the exit status instead of printing, so tests can call it.
 * With `handleSignals`, SIGINT/SIGTERM stop what it started (embedded-postgres
 * drops its own handlers, see db/embedded-postgres.ts) and exit 130.
 */
export async function runSeedCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  options: { handleSignals?: boolean } = {},
): Promise<SeedCliResult> {
  let args: SeedArgs;
  let config: ReturnType<typeof loadConfig>;
  try {
    args = parseSeedArgs(argv);
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) return { code: 2, stdout: '', stderr: `seed: ${err.message}\n` };
    throw err;
  }

  const started = process.hrtime.bigint();
  let embedded: EmbeddedPostgres | null = null;
  let dataSource: DataSource | null = null;
  const cleanUp = async () => {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`seed: ${signal}, stopping (nothing is kept: the seed commits only at the end)\n`);
    void cleanUp().finally(() => process.exit(130));
  };
  if (options.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  try {
    let url = config.databaseUrl;
    if (url === null) {
      // A running server's embedded PostgreSQL is used as it is; otherwise start one and stop it at the end.
      url = (await findRunningEmbeddedPostgres(config.dataDir))?.url ?? null;
      if (url === null) {
        embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
        url = embedded.url;
      }
    }
    dataSource = createDataSource({ url, entities: ENTITIES, poolSize: 2, applicationName: 'srdi-seed' });
    await dataSource.initialize();
    await migrate(dataSource);

    let counts: SeedCounts;
    let label: string;
    if (args.scale === 'demo') {
      counts = (await seedDemoData(dataSource)).counts;
      label = 'demo';
    } else {
      counts = (await seedNational(dataSource, { scale: args.factor })).counts;
      label = args.factor === 1 ? 'national' : `national ×${args.factor}`;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { code: 0, stdout: `seeded ${label}: ${describeCounts(counts)} in ${seconds.toFixed(1)} s\n`, stderr: '' };
  } catch (err) {
    if (err instanceof SeedRefusedError) return { code: 1, stdout: '', stderr: `seed: refused: ${err.message}\n` };
    const message = err instanceof Error ? err.message : String(err);
    return { code: 1, stdout: '', stderr: `seed: failed: ${message.split('\n')[0]}\n` };
  } finally {
    if (options.handleSignals) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
    await cleanUp();
  }
}

if (require.main === module) {
  runSeedCli(process.argv.slice(2), process.env, { handleSignals: true }).then(
    ({ code, stdout, stderr }) => {
      if (stderr) process.stderr.write(stderr);
      process.stdout.write(stdout, () => process.exit(code));
    },
    (err: unknown) => {
      process.stderr.write(`seed: failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
