// What `graphql-codegen` does with docs/clients.md's codegen.ts, through the same preset and plugins
// (the CLI is not installed here). ESM, so it runs as its own process: jest here runs CommonJS, and
// the preset's dependencies include ESM-only packages.
//   node test/clients/codegen-generate.mjs <out dir> <schema.graphql> <documents.graphql> <scalars JSON>
import { preset } from '@graphql-codegen/client-preset';
import { codegen } from '@graphql-codegen/core';
import { buildASTSchema, parse } from 'graphql';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [outDir, schemaFile, documentsFile, scalars] = process.argv.slice(2);
const schema = parse(readFileSync(schemaFile, 'utf8'));
const rawSDL = readFileSync(documentsFile, 'utf8');
const outputs = await preset.buildGeneratesSection({
  baseOutputDir: 'gql/',
  schema,
  schemaAst: buildASTSchema(schema),
  documents: [{ location: documentsFile, document: parse(rawSDL), rawSDL }],
  config: { scalars: JSON.parse(scalars), useTypeImports: true, emitLegacyCommonJSImports: false, enumsAsTypes: true },
  presetConfig: { fragmentMasking: false },
  plugins: [],
  pluginMap: {},
  documentTransforms: [],
});
mkdirSync(outDir, { recursive: true });
for (const output of outputs) {
  writeFileSync(path.join(outDir, path.basename(output.filename)), await codegen(output));
  process.stdout.write(`${path.basename(output.filename)}\n`);
}
