import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { ENTITIES } from '../../src/modules/entities';

/**
 * `npm start` runs what swc builds (scripts/build.js), file by file, without
 * the type information tsc has. What could differ is the type reflected for
 * a decorated property (design:type), which type-graphql turns into the
 * schema and TypeORM into columns. So: build with swc into a temporary
 * directory, and from that build emit the schema (byte for byte the committed
 * one, which tsc's build also emits: schema.test.ts), describe every entity
 * (the same as ts-jest's, i.e. tsc's, reading of the same code), and run the
 * migrations into an empty database.
 */

const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain JavaScript with no types, loaded as it runs
const { build } = require('../../scripts/build') as { build: (out: string) => Promise<number> };

/** Everything TypeORM derives from the entities' decorators and reflected types. */
const DESCRIBE_ENTITIES = `
function describeEntities(ds) {
  const name = (t) => (typeof t === 'function' ? t.name : String(t));
  return ds.entityMetadatas
    .map((e) => ({
      entity: e.name,
      table: e.tableName,
      columns: e.columns.map((c) => [c.propertyPath, c.databaseName, name(c.type), c.isNullable, c.isArray, c.length, c.precision ?? null, c.scale ?? null, c.enumName ?? null, c.transformer ? 'transformer' : null].join(' ')).sort(),
      relations: e.relations.map((r) => [r.propertyPath, r.relationType, r.inverseEntityMetadata.name, r.isNullable].join(' ')).sort(),
    }))
    .sort((a, b) => a.entity.localeCompare(b.entity));
}`;

// eslint-disable-next-line @typescript-eslint/no-implied-eval
const describeEntities = new Function(`${DESCRIBE_ENTITIES}; return describeEntities;`)() as (ds: DataSource) => unknown;

let out: string;
let emptyDb: { name: string; url: string };

function adminUrl(): string {
  return process.env.SRDI_TEST_ADMIN_URL!;
}

beforeAll(async () => {
  // A directory of its own, with what the build finds beside it in a checkout.
  out = mkdtempSync(path.join(os.tmpdir(), 'srdi-swc-build-'));
  for (const entry of ['node_modules', 'package.json', 'data', 'schema', 'docs']) symlinkSync(path.join(root, entry), path.join(out, entry));
  expect(await build(path.join(out, 'dist'))).toBeGreaterThan(100);

  const name = `srdi_swc_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  emptyDb = { name, url: url.toString() };
}, 120_000);

afterAll(async () => {
  if (out) rmSync(out, { recursive: true, force: true });
  if (emptyDb) {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${emptyDb.name} WITH (FORCE)`).finally(() => admin.end());
  }
});

/** Runs a script with plain node against the swc build (not through ts-jest), and returns its stdout. */
async function inBuild(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['-e', `require('reflect-metadata');\n${script}`], {
    cwd: out,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('the swc build (what npm start runs)', () => {
  it('emits exactly the committed schema/schema.graphql', async () => {
    const sdl = await inBuild(`require('./dist/src/cli/schema.js').emittedSchema().then((s) => process.stdout.write(s));`);
    expect(sdl.length).toBeGreaterThan(1000);
    expect(sdl === readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8')).toBe(true);
  }, 60_000);

  it('gives TypeORM the same entities, columns and relations as tsc’s reading of the code, and migrates an empty database', async () => {
    const json = await inBuild(
      `${DESCRIBE_ENTITIES}
      const { createDataSource } = require('./dist/src/db/data-source.js');
      const { ENTITIES } = require('./dist/src/modules/entities.js');
      const { migrate } = require('./dist/src/db/migrate.js');
      (async () => {
        const ds = createDataSource({ entities: ENTITIES, url: process.env.TARGET_URL, poolSize: 2 }) // migrate() holds one for its lock;
        await ds.initialize();
        try {
          const applied = await migrate(ds);
          const pending = await ds.showMigrations();
          process.stdout.write(JSON.stringify({ applied, pending, entities: describeEntities(ds) }));
        } finally {
          await ds.destroy();
        }
      })().catch((e) => { console.error(e); process.exit(1); });`,
      { TARGET_URL: emptyDb.url },
    );
    const fromSwc = JSON.parse(json) as { applied: string[]; pending: boolean; entities: unknown[] };
    expect(fromSwc.applied.length).toBeGreaterThanOrEqual(13);
    expect(fromSwc.pending).toBe(false);

    const ds = createDataSource({ entities: ENTITIES, url: emptyDb.url, poolSize: 1 });
    await ds.initialize();
    try {
      const fromTsc = describeEntities(ds) as unknown[];
      expect(fromTsc.length).toBeGreaterThan(10);
      expect(fromSwc.entities).toEqual(fromTsc);
      // The migrated tables are the ones the entities describe.
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'enterprise'`,
      );
      expect(n).toBe(1);
    } finally {
      await ds.destroy();
    }
  }, 120_000);
});
