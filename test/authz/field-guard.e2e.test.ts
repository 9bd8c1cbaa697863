import { GraphQLObjectType } from 'graphql';
import { GUARDED } from '../../src/authz/field-guard';
import { SUBJECTS } from '../../src/authz/policy';
import { createEnterprise } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/**
 * Field masking costs a synchronous check on the fields some rule can
 * withhold, and nothing elsewhere: published types carry no guard, and no
 * per-field hook of Apollo's wraps the schema's resolvers.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const fieldsOf = (name: string) => Object.values((t.server.schema.getType(name) as GraphQLObjectType).getFields());
const guarded = (f: { resolve?: unknown }) => !!(f.resolve as Record<symbol, unknown> | undefined)?.[GUARDED];

describe('the field guard', () => {
  it('guards every field of a subject that some role reads only in part or only on some rows', () => {
    for (const name of ['Enterprise', 'Certification', 'Application', 'Review', 'AuditEvent', 'Award', 'FinancialReport']) {
      const unguarded = fieldsOf(name)
        .filter((f) => !guarded(f))
        .map((f) => f.name);
      // viewerCan speaks of the caller, and answers on every row it sees (issue 13, item 3).
      expect([name, unguarded]).toEqual([name, ['viewerCan']]);
    }
  });

  it('leaves published subjects, which every role reads whole on every row, and non-subject types unguarded', () => {
    for (const name of ['Region', 'Platform', 'FundingProgram', 'FundingBatch', 'PageInfo', 'Viewer', 'EnterpriseConnection']) {
      expect([
        name,
        fieldsOf(name)
          .filter(guarded)
          .map((f) => f.name),
      ]).toEqual([name, []]);
    }
    expect(SUBJECTS).toEqual(expect.arrayContaining(['Region', 'Platform', 'FundingProgram', 'FundingBatch']));
  });

  it('runs without Apollo wrapping resolvers for per-field hooks, and still masks per row', async () => {
    const own = await createEnterprise(t.db.dataSource, { regionCode: '320102', tier: 'LITTLE_GIANT' });
    const other = await createEnterprise(t.db.dataSource, { regionCode: '330106', tier: 'LITTLE_GIANT' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
    const res = await t.graphql(`{ enterprises(first: 100) { edges { node { creditCode sizeClass region { code } } } } }`, {}, token);
    const rows = res.data!.enterprises.edges.map((e: { node: { creditCode: string; sizeClass: string | null } }) => e.node);
    // Its own size class is readable; another firm's (not a published field) is masked with FORBIDDEN.
    expect(rows.find((r: { creditCode: string }) => r.creditCode === own.creditCode).sizeClass).not.toBeNull();
    expect(rows.find((r: { creditCode: string }) => r.creditCode === other.creditCode).sizeClass).toBeNull();
    expect(res.errors!.every((e) => e.extensions!.code === 'FORBIDDEN' && e.path!.at(-1) === 'sizeClass')).toBe(true);
    const instrumented = Object.getOwnPropertySymbols(t.server.schema).map((s) => s.description);
    expect(instrumented).not.toContain('apolloServerPluginsEnabled');
  });
});
