import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FieldDefinitionNode, InputValueDefinitionNode, Kind, parse, print, visit } from 'graphql';

/**
 * The committed SDL is what a Relay client compiles against (issue 13): real
 * operations with @connection and @refetchable pagination fragments, forwards,
 * backwards and both ways, go through relay-compiler, which refuses a
 * connection whose field lacks first/after or last/before or whose PageInfo
 * lacks any of hasNextPage, hasPreviousPage, startCursor and endCursor.
 */

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const COMPILER = join(ROOT, 'node_modules/.bin/relay-compiler');
const SCHEMA = join(ROOT, 'schema/schema.graphql');

/** Each file's operations are named after the file, as Relay wants. */
const SOURCES: Record<string, string> = {
  'EnterpriseList.ts': `
import { graphql } from 'relay-runtime';

export const query = graphql\`
  query EnterpriseListQuery($first: Int, $after: String, $filter: EnterpriseFilter) {
    ...EnterpriseList_query @arguments(first: $first, after: $after, filter: $filter)
  }
\`;

export const fragment = graphql\`
  fragment EnterpriseList_query on Query
  @refetchable(queryName: "EnterpriseListPaginationQuery")
  @argumentDefinitions(
    first: { type: "Int", defaultValue: 20 }
    after: { type: "String" }
    filter: { type: "EnterpriseFilter" }
  ) {
    enterprises(first: $first, after: $after, filter: $filter, orderBy: [{ field: NAME }])
      @connection(key: "EnterpriseList_enterprises", filters: ["filter", "orderBy"]) {
      totalCount
      edges { node { id name creditCode region { name } } }
    }
  }
\`;
`,
  'AwardList.ts': `
import { graphql } from 'relay-runtime';

export const query = graphql\`
  query AwardListQuery {
    ...AwardList_query
  }
\`;

export const fragment = graphql\`
  fragment AwardList_query on Query
  @refetchable(queryName: "AwardListPaginationQuery")
  @argumentDefinitions(last: { type: "Int", defaultValue: 10 }, before: { type: "String" }) {
    awards(last: $last, before: $before, orderBy: [{ field: GRANTED_ON, direction: DESC }]) @connection(key: "AwardList_awards") {
      edges { node { id amount grantedOn } }
    }
  }
\`;
`,
  'KeyLittleGiantTimeline.ts': `
import { graphql } from 'relay-runtime';

export const fragment = graphql\`
  fragment KeyLittleGiantTimeline_query on Query
  @refetchable(queryName: "KeyLittleGiantTimelinePaginationQuery")
  @argumentDefinitions(
    first: { type: "Int" }
    after: { type: "String" }
    last: { type: "Int" }
    before: { type: "String" }
  ) {
    keyLittleGiants(first: $first, after: $after, last: $last, before: $before) @connection(key: "KeyLittleGiantTimeline_keyLittleGiants") {
      edges { node { id } }
    }
  }
\`;
`,
  'PlatformPicker.ts': `
import { graphql } from 'relay-runtime';

export const query = graphql\`
  query PlatformPickerQuery($first: Int, $after: String) {
    platforms(first: $first, after: $after) @connection(key: "PlatformPicker_platforms") {
      edges { node { id name } }
    }
  }
\`;
`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'srdi-relay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiles SOURCES against `schema` in a project of its own; the compiler's exit code, its output and the artifacts' directory. */
async function compile(name: string, schema: string): Promise<{ code: number; output: string; generated: string }> {
  const project = join(dir, name);
  const generated = join(project, 'src/__generated__');
  mkdirSync(generated, { recursive: true });
  for (const [file, text] of Object.entries(SOURCES)) writeFileSync(join(project, 'src', file), text);
  writeFileSync(
    join(project, 'relay.config.json'),
    JSON.stringify({ src: './src', schema, language: 'typescript', artifactDirectory: './src/__generated__' }),
  );
  try {
    const { stdout, stderr } = await run(COMPILER, [join(project, 'relay.config.json')], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, output: stdout + stderr, generated };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, output: `${err.stdout ?? ''}${err.stderr ?? ''}`, generated };
  }
}

/** A copy of the committed SDL without the fields and arguments `drop` names, as an older shape of the schema. */
function schemaWithout(name: string, drop: (node: FieldDefinitionNode | InputValueDefinitionNode) => boolean): string {
  let dropped = 0;
  const visitor = (node: FieldDefinitionNode | InputValueDefinitionNode) => (drop(node) ? (dropped++, null) : undefined);
  const sdl = print(visit(parse(readFileSync(SCHEMA, 'utf8')), { FieldDefinition: visitor, InputValueDefinition: visitor }));
  expect(dropped).toBeGreaterThan(0);
  const path = join(dir, `${name}.graphql`);
  writeFileSync(path, sdl);
  return path;
}

describe('relay-compiler against schema/schema.graphql', () => {
  it('compiles queries and pagination fragments forwards, backwards and both ways', async () => {
    const { code, output, generated } = await compile('current', SCHEMA);
    expect([code, output]).toEqual([0, expect.stringContaining('Compilation completed')]);
    const artifact = (n: string) => readFileSync(join(generated, `${n}.graphql.ts`), 'utf8');
    /** The operation text Relay will send, on one line. */
    const sent = (n: string) => (JSON.parse(/"text": ("(?:[^"\\]|\\.)*")/.exec(artifact(n))![1]) as string).replace(/\s+/g, ' ');
    // Backwards: Relay asks for the page's start and whether rows precede it.
    expect(sent('AwardListPaginationQuery')).toContain('awards(last: $last, before: $before, orderBy: [{field: GRANTED_ON, direction: DESC}])');
    expect(sent('AwardListPaginationQuery')).toContain('pageInfo { hasPreviousPage startCursor }');
    expect(sent('EnterpriseListPaginationQuery')).toContain('pageInfo { endCursor hasNextPage }');
    // Both ways: all four.
    expect(sent('KeyLittleGiantTimelinePaginationQuery')).toContain('pageInfo { endCursor hasNextPage hasPreviousPage startCursor }');
    expect(artifact('PlatformPickerQuery')).toContain('"PlatformPicker_platforms"');
  }, 60_000);

  it('fails against the old shape: a PageInfo without hasPreviousPage', async () => {
    const { code, output } = await compile(
      'no-previous',
      schemaWithout('no-previous', (node) => node.kind === Kind.FIELD_DEFINITION && node.name.value === 'hasPreviousPage'),
    );
    expect(code).not.toBe(0);
    expect(output).toContain("'pageInfo { hasPreviousPage }'");
  }, 60_000);

  it('fails against the old shape: lists without last and before', async () => {
    const { code, output } = await compile(
      'no-last',
      schemaWithout('no-last', (node) => node.kind === Kind.INPUT_VALUE_DEFINITION && ['last', 'before'].includes(node.name.value)),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/Unknown argument 'last'/);
  }, 60_000);
});
