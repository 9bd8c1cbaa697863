import { readFileSync } from 'node:fs';
import { GraphQLSchema } from 'graphql';
import { REGIONS_CSV } from '../../src/config/paths';
import { parseRegionsCsv } from '../../src/db/migrations/1764000000001-Regions';
import { listBoundOf, listFields } from '../../src/graphql/list-bound';
import { buildAppSchema } from '../../src/server/schema';
import { MAX_CHILDREN, REGIONS_PER_LEVEL } from '../../src/modules/region/region.type';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

describe('list bounds', () => {
  it('every list field of the schema declares how many items it can return', () => {
    const fields = listFields(schema);
    expect(fields.length).toBeGreaterThan(30);
    expect(fields.filter((f) => listBoundOf(f.field) === undefined).map((f) => f.coordinate)).toEqual([]);
  });

  it('the region bounds are those of the regions the migration loads', () => {
    const rows = parseRegionsCsv(readFileSync(REGIONS_CSV, 'utf8'));
    const perLevel: Record<string, number> = {};
    const children = new Map<string, number>();
    for (const r of rows) {
      perLevel[r.level] = (perLevel[r.level] ?? 0) + 1;
      if (r.parentCode) children.set(r.parentCode, (children.get(r.parentCode) ?? 0) + 1);
    }
    expect(REGIONS_PER_LEVEL).toEqual({ ...perLevel, ALL: rows.length });
    expect(MAX_CHILDREN).toBe(Math.max(...children.values()));
  });
});
