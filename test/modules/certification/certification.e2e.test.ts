import { toGlobalId } from '../../../src/core/global-id';
import { createEnterprise, createPlatform } from '../../support/factories';
import { startTestServer, TestServer } from '../../support/server';
import { castTokens } from '../../support/tokens';
import { insertCertification } from './certification-factories';

let t: TestServer;
const gid = (id: string) => toGlobalId('Certification', id);
const egid = (id: string) => toGlobalId('Enterprise', id);

/** Enterprises: two in Jiangsu (Nanjing and Wuxi), one in Zhejiang. */
const e: Record<'js1' | 'js2' | 'zj', string> = { js1: '', js2: '', zj: '' };
/** Certifications, by what they show. */
const c: Record<'js1Live' | 'js1Lapsed' | 'js2Notice' | 'js2Revoked' | 'zjRenewed' | 'zjExpired', string> = {
  js1Live: '',
  js1Lapsed: '',
  js2Notice: '',
  js2Revoked: '',
  zjRenewed: '',
  zjExpired: '',
};
const tokens: Record<string, string | undefined> = {};

beforeAll(async () => {
  t = await startTestServer();
  const ds = t.db.dataSource;
  e.js1 = (await createEnterprise(ds, { regionCode: '320102', tier: 'LITTLE_GIANT' })).id;
  e.js2 = (await createEnterprise(ds, { regionCode: '320200', tier: 'SRDI_SME' })).id;
  e.zj = (await createEnterprise(ds, { regionCode: '330106', tier: 'LITTLE_GIANT' })).id;
  // Whole-millisecond creation times, one second apart: paginate()'s cursors keep milliseconds only (see the last test).
  let second = 0;
  const at = () => `2026-01-01T00:00:${String(++second).padStart(2, '0')}.000Z`;
  c.js1Live = await insertCertification(ds, e.js1, { tier: 'LITTLE_GIANT', batchNumber: 5, createdAt: at() });
  // Stored CERTIFIED, but its validity ended in 2023: shown and filtered as EXPIRED.
  c.js1Lapsed = await insertCertification(ds, e.js1, {
    tier: 'SRDI_SME',
    batchNumber: null,
    certifiedOn: '2020-01-01',
    validUntil: '2023-01-01',
    createdAt: at(),
  });
  c.js2Notice = await insertCertification(ds, e.js2, { tier: 'SRDI_SME', status: 'PUBLIC_NOTICE', batchNumber: 7, createdAt: at() });
  c.js2Revoked = await insertCertification(ds, e.js2, { tier: 'LITTLE_GIANT', status: 'REVOKED', batchNumber: 5, createdAt: at() });
  c.zjRenewed = await insertCertification(ds, e.zj, { tier: 'LITTLE_GIANT', status: 'RENEWED', batchNumber: 3, createdAt: at() });
  c.zjExpired = await insertCertification(ds, e.zj, {
    tier: 'INNOVATIVE_SME',
    status: 'EXPIRED',
    certifiedOn: '2019-01-01',
    validUntil: '2022-01-01',
    createdAt: at(),
  });
  const p1 = await createPlatform(ds, { regionCode: '320100' });
  const p2 = await createPlatform(ds, { regionCode: '330100' });

  Object.assign(tokens, await castTokens({ ent1: e.js1, ent2: e.js2, entZ: e.zj, platform1: p1.id, platform2: p2.id }));
});
afterAll(() => t.close());

const LIST = `query($first: Int, $after: String, $filter: CertificationFilter, $orderBy: [CertificationOrder!]) {
  certifications(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function list(token: string | undefined, variables: Record<string, unknown> = {}) {
  const res = await t.graphql(LIST, { first: 100, ...variables }, token);
  expect(res.errors).toBeUndefined();
  const conn = res.data!.certifications;
  return { ids: conn.edges.map((x: { node: { id: string } }) => x.node.id).sort(), totalCount: conn.totalCount as number, conn };
}

const PUBLISHED = () => [c.js1Live, c.js1Lapsed, c.js2Notice, c.zjRenewed];

describe('certifications: each role sees exactly its rows', () => {
  const cases: [string, string | undefined, () => string[]][] = [
    ['the public', undefined, PUBLISHED],
    ['enterprise 1 (its own are all published)', 'ent1', PUBLISHED],
    ['enterprise 2 (adds its revoked title)', 'ent2', () => [...PUBLISHED(), c.js2Revoked]],
    ['enterprise Z (adds its expired title)', 'entZ', () => [...PUBLISHED(), c.zjExpired]],
    ['platform 1', 'platform1', PUBLISHED],
    ['platform 2', 'platform2', PUBLISHED],
    ['Jiangsu', 'jiangsu', () => [...PUBLISHED(), c.js2Revoked]],
    ['Zhejiang', 'zhejiang', () => [...PUBLISHED(), c.zjExpired]],
    ['Nanjing (Wuxi’s revoked title is not below it)', 'nanjing', PUBLISHED],
    ['Wuxi', 'wuxi', () => [...PUBLISHED(), c.js2Revoked]],
    ['MIIT', 'miit', () => Object.values(c)],
    ['MOF', 'mof', () => Object.values(c)],
  ];
  it.each(cases)('%s', async (_name, who, expected) => {
    const { ids, totalCount } = await list(who && tokens[who]);
    const want = expected().map(gid).sort();
    expect(ids).toEqual(want);
    expect(totalCount).toBe(want.length);
  });

  it('an enterprise token sees the other tenants’ unpublished titles as not existing', async () => {
    for (const [who, hidden] of [
      ['ent1', c.js2Revoked],
      ['ent2', c.zjExpired],
      ['entZ', c.js2Revoked],
    ] as const) {
      const res = await t.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid(hidden) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toBeNull();
    }
    const own = await t.graphql(
      `query($id: ID!) { node(id: $id) { ... on Certification { id status revocationReason } } }`,
      { id: gid(c.js2Revoked) },
      tokens.ent2,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.node).toEqual({ id: gid(c.js2Revoked), status: 'REVOKED', revocationReason: 'TAX_EVASION' });
  });
});

describe('the public', () => {
  it('reads the published fields', async () => {
    const res = await t.graphql(
      `query($id: ID!) { node(id: $id) { __typename ... on Certification {
        id tier batchNumber ruleSetCode status certifiedOn validUntil publicNoticeStartsOn publicNoticeEndsOn
        enterprise { id name region { code } }
      } } }`,
      { id: gid(c.js1Live) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toMatchObject({
      __typename: 'Certification',
      id: gid(c.js1Live),
      tier: 'LITTLE_GIANT',
      batchNumber: 5,
      ruleSetCode: 'MIIT-2022-63',
      status: 'CERTIFIED',
      certifiedOn: '2025-07-01',
      validUntil: '2099-06-30',
      publicNoticeStartsOn: '2025-06-01',
      publicNoticeEndsOn: '2025-06-10',
      enterprise: { id: egid(e.js1), region: { code: '320102' } },
    });
  });

  it('gets FORBIDDEN with null data for a field that is not public', async () => {
    const res = await t.graphql(`{ certifications(first: 100) { edges { node { id revokedOn revocationReason } } } }`);
    const edges = res.data!.certifications.edges;
    expect(edges).toHaveLength(4);
    for (const edge of edges) expect(edge.node).toEqual({ id: expect.any(String), revokedOn: null, revocationReason: null });
    expect(res.errors).toHaveLength(8);
    for (const err of res.errors!) {
      expect(err.extensions?.code).toBe('FORBIDDEN');
      expect(err.path).toEqual(['certifications', 'edges', expect.any(Number), 'node', expect.stringMatching(/^(revokedOn|revocationReason)$/)]);
    }
  });

  it('never sees an unpublished certification, by id or in an enterprise’s list', async () => {
    const res = await t.graphql(
      `query($a: ID!, $b: ID!, $e: ID!) {
      a: node(id: $a) { id } b: node(id: $b) { id }
      enterprise(id: $e) { certifications { id status } }
    }`,
      { a: gid(c.js2Revoked), b: gid(c.zjExpired), e: egid(e.zj) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null, enterprise: { certifications: [{ id: gid(c.zjRenewed), status: 'RENEWED' }] } });
  });
});

describe('Enterprise.certifications', () => {
  it('lists an enterprise’s visible titles, oldest first, with the effective status', async () => {
    const res = await t.graphql(`query($e: ID!) { enterprise(id: $e) { certifications { id status tier } } }`, { e: egid(e.js1) }, tokens.jiangsu);
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprise.certifications).toEqual([
      { id: gid(c.js1Live), status: 'CERTIFIED', tier: 'LITTLE_GIANT' },
      { id: gid(c.js1Lapsed), status: 'EXPIRED', tier: 'SRDI_SME' },
    ]);
  });
});

describe('expiry without a scheduled job', () => {
  it('shows a stored CERTIFIED title past validUntil as EXPIRED', async () => {
    const res = await t.graphql(
      `query($id: ID!) { node(id: $id) { ... on Certification { status validUntil } } }`,
      { id: gid(c.js1Lapsed) },
      tokens.ent1,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toEqual({ status: 'EXPIRED', validUntil: '2023-01-01' });
    const [stored] = await t.db.dataSource.query(`SELECT status FROM certification WHERE id = $1`, [c.js1Lapsed]);
    expect(stored.status).toBe('CERTIFIED');
  });

  it('filters by the same effective status', async () => {
    const expired = await list(tokens.miit, { filter: { status: 'EXPIRED' } });
    expect(expired.ids).toEqual([c.js1Lapsed, c.zjExpired].map(gid).sort());
    expect(expired.totalCount).toBe(2);
    expect(expired.conn.edges.every((x: { node: { status: string } }) => x.node.status === 'EXPIRED')).toBe(true);

    const certified = await list(tokens.miit, { filter: { status: 'CERTIFIED' } });
    expect(certified.ids).toEqual([gid(c.js1Live)]);

    // The public sees the lapsed title too (it was published) but only as EXPIRED.
    expect((await list(undefined, { filter: { status: 'EXPIRED' } })).ids).toEqual([gid(c.js1Lapsed)]);
    expect((await list(undefined, { filter: { status: 'RENEWED' } })).ids).toEqual([gid(c.zjRenewed)]);
  });
});

describe('filters', () => {
  it('by region subtree, enterprise, tier and batch', async () => {
    expect((await list(tokens.miit, { filter: { regionCode: '320000' } })).ids).toEqual(
      [c.js1Live, c.js1Lapsed, c.js2Notice, c.js2Revoked].map(gid).sort(),
    );
    expect((await list(tokens.miit, { filter: { regionCode: '320100' } })).ids).toEqual([c.js1Live, c.js1Lapsed].map(gid).sort());
    expect((await list(undefined, { filter: { regionCode: '330000' } })).ids).toEqual([gid(c.zjRenewed)]);
    expect((await list(tokens.mof, { filter: { enterpriseId: egid(e.js2) } })).ids).toEqual([c.js2Notice, c.js2Revoked].map(gid).sort());
    expect((await list(undefined, { filter: { tier: 'LITTLE_GIANT' } })).ids).toEqual([c.js1Live, c.zjRenewed].map(gid).sort());
    const batch5 = await list(tokens.jiangsu, { filter: { batchNumber: 5, tier: 'LITTLE_GIANT' } });
    expect(batch5.ids).toEqual([c.js1Live, c.js2Revoked].map(gid).sort());
    expect(batch5.totalCount).toBe(2);
  });

  it('refuses a filter or sort on a field the caller may not read on every row', async () => {
    for (const token of [undefined, tokens.ent2, tokens.jiangsu]) {
      const byReason = await t.graphql(LIST, { filter: { revocationReason: 'TAX_EVASION' } }, token);
      expect(byReason.data).toBeNull();
      expect(byReason.errors![0].extensions?.code).toBe('FORBIDDEN');
      expect(byReason.errors![0].message).toContain('filter.revocationReason');
    }
    // createdAt is published with the certification, so anyone may sort by it.
    const byCreated = await t.graphql(LIST, { orderBy: [{ field: 'CREATED_AT' }] });
    expect(byCreated.errors).toBeUndefined();
    const miit = await list(tokens.miit, { filter: { revocationReason: 'TAX_EVASION' } });
    expect(miit.ids).toEqual([gid(c.js2Revoked)]);
  });

  it('refuses malformed ids and region codes with BAD_USER_INPUT', async () => {
    const res = await t.graphql(LIST, { filter: { regionCode: '32' } }, tokens.miit);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    const bad = await t.graphql(LIST, { filter: { enterpriseId: gid(c.js1Live) } }, tokens.miit);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.enterpriseId' });
  });
});

describe('pagination', () => {
  async function walk(token: string | undefined, orderBy?: unknown) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: { data?: Record<string, any> | null; errors?: unknown[] } = await t.graphql(LIST, { first: 2, after, orderBy }, token);
      expect(res.errors).toBeUndefined();
      const conn = res.data!.certifications;
      seen.push(...conn.edges.map((x: { node: { id: string } }) => x.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    return seen;
  }

  it.each([
    ['the public, by id', undefined, undefined, PUBLISHED],
    ['MIIT, newest first', 'miit', undefined, () => Object.values(c)],
    ['MOF, oldest first', 'mof', [{ field: 'CREATED_AT', direction: 'ASC' }], () => Object.values(c)],
    ['Zhejiang, by id', 'zhejiang', undefined, () => [...PUBLISHED(), c.zjExpired]],
  ])('walks every row once: %s', async (_name, who, orderBy, expected) => {
    const seen = await walk(who && tokens[who], orderBy);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expected().map(gid).sort());
  });

  it('orders MIIT’s default list newest first', async () => {
    const res = await t.graphql(`{ certifications(first: 100) { edges { node { id } } } }`, {}, tokens.miit);
    expect(res.data!.certifications.edges.map((x: { node: { id: string } }) => x.node.id)).toEqual(Object.values(c).reverse().map(gid));
  });

  // Cursors hold JavaScript dates (milliseconds); the columns store no more
  // than that (MillisecondTimestamps migration), so added microseconds round
  // away and a walk neither repeats nor skips a row.
  it('walks rows whose createdAt was written with microseconds, oldest first', async () => {
    await t.db.dataSource.query(`UPDATE certification SET created_at = created_at + interval '123 microseconds'`);
    const seen = await walk(tokens.mof, [{ field: 'CREATED_AT', direction: 'ASC' }]);
    expect(seen).toHaveLength(Object.values(c).length);
  });
});
