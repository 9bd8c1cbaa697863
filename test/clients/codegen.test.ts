import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config/paths';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';
import { seedEnterprises } from './support';

/*
 * GraphQL Code Generator's client preset over the committed schema and the
 * example operations, as docs/clients.md sets it up (here through
 * @graphql-codegen/core in a child process, the CLI not being installed): the output must
 * type-check with a small typed usage file, refuse a wrong one, and the
 * usage file, compiled, must run one typed document against the server.
 */
const run = promisify(execFile);
const TSC = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** The schema's own scalars as clients see them on the wire (docs/clients.md gives the same map). */
const SCALARS = { Money: 'string', DateTimeISO: 'string', JSON: 'unknown' };

jest.setTimeout(120_000);

let t: TestServer;
let dir: string;
let files: string[];
beforeAll(async () => {
  t = await startTestServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'srdi-codegen-'));
  // The generated code and the usage file import graphql, graphql-request and the typed-document types.
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        skipLibCheck: true,
        outDir: 'out',
        types: ['node'],
      },
      include: ['*.ts', 'gql/*.ts'],
    }),
  );
  files = await generate(path.join(dir, 'gql'));
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The client preset's files, from schema/schema.graphql and docs/examples.graphql, by codegen-generate.mjs. */
async function generate(outDir: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, [
    path.join(__dirname, 'codegen-generate.mjs'),
    outDir,
    path.join(PROJECT_ROOT, 'schema', 'schema.graphql'),
    path.join(PROJECT_ROOT, 'docs', 'examples.graphql'),
    JSON.stringify(SCALARS),
  ]);
  return stdout.trim().split('\n');
}

const tsc = (...args: string[]) =>
  run(process.execPath, [TSC, '-p', dir, ...args], { cwd: dir }).then(
    () => '',
    (error: Error & { stdout?: string }) => error.stdout ?? String(error),
  );

/** A typed usage file, as an app would write it: typed variables in, typed data out. */
const USAGE = `import { request } from 'graphql-request';
import { JiangsuLittleGiantsDocument, type JiangsuLittleGiantsQuery } from './gql/graphql.js';

const [url, token] = process.argv.slice(2);
const data: JiangsuLittleGiantsQuery = await request({
  url,
  document: JiangsuLittleGiantsDocument,
  variables: { first: 3, filter: { regionCode: '320000' } },
  requestHeaders: { authorization: 'Bearer ' + token },
});
const total: number = data.enterprises.totalCount;
const names: string[] = data.enterprises.edges.map((edge) => edge.node.name);
const cursor: string | null | undefined = data.enterprises.pageInfo.endCursor;
process.stdout.write(JSON.stringify({ total, names, hasCursor: typeof cursor === 'string' }));
`;

describe('GraphQL Code Generator, client preset', () => {
  it('generates typed documents for every example operation', () => {
    expect(files.sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
    const generated = readFileSync(path.join(dir, 'gql', 'graphql.ts'), 'utf8');
    for (const name of ['Provinces', 'Viewer', 'JiangsuLittleGiants', 'KeyLittleGiants', 'RaisePublicObjection']) {
      expect(generated).toContain(`export const ${name}Document = `);
    }
    // Money is a decimal string on the wire, never a float (and, without the scalars map, it would be any).
    expect(generated).toMatch(
      /export type AwardFiguresQuery = \{ awardFigures: Array<\{ awards: number, granted: string, disbursed: string, spent: string,/,
    );
  });

  it('type-checks together with a typed usage file, and refuses a usage that reads an unselected field or passes a wrong variable', async () => {
    writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    expect(await tsc('--noEmit')).toBe('');
    writeFileSync(
      path.join(dir, 'wrong.ts'),
      `import type { JiangsuLittleGiantsQuery, JiangsuLittleGiantsQueryVariables } from './gql/graphql.js';
declare const data: JiangsuLittleGiantsQuery;
export const unselected = data.enterprises.edges[0].node.foundedOn;
export const variables: JiangsuLittleGiantsQueryVariables = { first: 'ten' };
`,
    );
    try {
      const errors = await tsc('--noEmit');
      expect(errors).toMatch(/wrong\.ts\(3,\d+\): error TS2339: Property 'foundedOn' does not exist/);
      expect(errors).toMatch(/wrong\.ts\(4,\d+\): error TS2322: Type 'string' is not assignable to type/);
      expect(errors).not.toMatch(/usage\.ts|gql\//);
    } finally {
      rmSync(path.join(dir, 'wrong.ts'));
    }
  });

  it('runs the typed document against the server, compiled from the usage file', async () => {
    writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    expect(await tsc()).toBe('');
    const token = await tokenFor({ role: 'MIIT' });
    const names = await seedEnterprises(t, token);
    const { stdout } = await run(process.execPath, [path.join(dir, 'out', 'usage.js'), `${t.url}/graphql`, token], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ total: names.length, names: names.slice(0, 3), hasCursor: true });
  });
});
