import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { emittedSchema } from '../../src/cli/schema';
import { PROJECT_ROOT, SCHEMA_FILE } from '../../src/config/paths';
import { buildAppSchema } from '../../src/server/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code builds (run `npm run schema:emit` after changing types)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await emittedSchema());
  });
});

describe('descriptions', () => {
  it('exist on every type, field, argument and enum value, for GraphiQL readers', async () => {
    const schema = await buildAppSchema();
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!roots.has(type as never) && !type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('docs/examples.graphql', () => {
  it('is valid against the schema, so every GraphiQL tab and allow-listed operation runs', async () => {
    const document = parse(readFileSync(path.join(PROJECT_ROOT, 'docs', 'examples.graphql'), 'utf8'));
    expect(validate(await buildAppSchema(), document).map((e) => e.message)).toEqual([]);
    expect(document.definitions.length).toBeGreaterThanOrEqual(5);
  });
});
