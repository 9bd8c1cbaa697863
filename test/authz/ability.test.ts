import { DataSource } from 'typeorm';
import { regionRange } from '../../src/authz/ability';
import { createTestDatabase, TestDatabase } from '../support/database';

/** The code range a local government's region stands for, which the policy's conditions and RLS compare against. */

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = db.dataSource;
});
afterAll(() => db.drop());

describe('regionRange', () => {
  it('is exactly the ltree subtree, for every one of the 3,348 regions', async () => {
    const regions: { code: string; path: string }[] = await ds.query(`SELECT code, path::text FROM region`);
    const mismatches: string[] = [];
    for (const { code } of regions) {
      const { lo, hi } = regionRange(code);
      const byRange = regions
        .filter((r) => r.code >= lo && r.code <= hi)
        .map((r) => r.code)
        .sort();
      const byPath = regions
        .filter((r) => r.path.split('.').includes(code))
        .map((r) => r.code)
        .sort();
      if (byRange.join() !== byPath.join()) mismatches.push(code);
    }
    expect(mismatches).toEqual([]);
  });
});
