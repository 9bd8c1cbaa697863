import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { SCHEMA_FILE } from '../config/paths';
import { buildAppSchema, sortedSchema } from '../server/schema';

/** The SDL exactly as committed in schema/schema.graphql. */
export async function emittedSchema(): Promise<string> {
  return `${printSchema(sortedSchema(await buildAppSchema()))}\n`;
}

async function run(command: string | undefined): Promise<number> {
  const sdl = await emittedSchema();
  const relative = path.relative(process.cwd(), SCHEMA_FILE);
  if (command === 'emit') {
    writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`wrote ${relative}\n`);
    return 0;
  }
  if (command === 'check') {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing counts as different
    }
    if (committed === sdl) {
      process.stdout.write(`${relative} is up to date\n`);
      return 0;
    }
    process.stderr.write(`${relative} differs from the schema the code builds: run \`npm run schema:emit\` and commit it\n`);
    return 1;
  }
  process.stderr.write('usage: schema.js emit|check\n');
  return 2;
}

if (require.main === module) {
  run(process.argv[2]).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
