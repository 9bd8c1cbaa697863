import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up to package.json, so that files
 * shipped beside the code (data/, schema/) are found the same way from src/
 * under ts-jest and from dist/src/ after a build.
 */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const REGIONS_CSV = path.join(PROJECT_ROOT, 'data', 'regions.csv');
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
