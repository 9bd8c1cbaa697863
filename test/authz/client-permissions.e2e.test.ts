import { randomUUID } from 'node:crypto';
import { createMongoAbility, MongoAbility, subject } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import { getNamedType, GraphQLObjectType, GraphQLSchema, isLeafType, isNonNullType } from 'graphql';
import { DataSource } from 'typeorm';
import { rowActionsOf } from '../../src/authz/operations';
import { SubjectName } from '../../src/authz/policy';
import { toGlobalId } from '../../src/core/global-id';
import { buildAppSchema } from '../../src/server/schema';
import {
  createAward,
  createCertification,
  createEnterprise,
  createFinancialReport,
  createPlatform,
  createProgramAndBatch,
} from '../support/factories';
import { GraphQLResponse, startTestServer, TestServer } from '../support/server';
import { statementsOf } from '../support/statements';
import { tokenFor } from '../support/tokens';

/**
 * viewer.permissions as a frontend uses it (issue 13, items 2 and 3): for
 * every role, objects fetched through the API with __typename, the fields
 * the client rules' conditions mention and every plain field; then
 * createMongoAbility(unpackRules(permissions)) with subject(__typename, obj)
 * must say what the server then does: which fields it answers and which it
 * masks with FORBIDDEN, which rows it hides, and which mutations it lets the
 * caller try (refused = FORBIDDEN or NOT_FOUND; a workflow's CONFLICT or
 * BAD_USER_INPUT comes after the policy said yes). `viewerCan` must say the same.
 *
 * The tried mutations change nothing a later assertion reads: the same name
 * again, or a workflow step the row's state refuses.
 */

type Obj = Record<string, any>;

let t: TestServer;
let schema: GraphQLSchema;

const ROLES = ['PUBLIC', 'ENTERPRISE', 'PLATFORM', 'LOCAL_GOV province', 'LOCAL_GOV city', 'MIIT', 'MOF'] as const;
type RoleName = (typeof ROLES)[number];
const tokens: Partial<Record<RoleName, string>> = {};
const permissions: Partial<Record<RoleName, unknown>> = {};

/** The sample, by label: its GraphQL type, and (once the fixtures are in) its key. */
const SAMPLE_TYPES: Record<string, SubjectName> = {
  'own enterprise': 'Enterprise',
  'Wuxi enterprise': 'Enterprise',
  'Ningbo enterprise': 'Enterprise',
  'Nanjing platform': 'Platform',
  'Zhejiang platform': 'Platform',
  'national platform': 'Platform',
  'own rejected application': 'Application',
  'Wuxi application on public notice': 'Application',
  'Ningbo application on public notice': 'Application',
  'own review': 'Review',
  'own report': 'FinancialReport',
  'own expired certification': 'Certification',
  'Wuxi certification': 'Certification',
  'Ningbo certification (expired)': 'Certification',
  'own award': 'Award',
  'platform award': 'Award',
  'Ningbo award': 'Award',
  'own disbursement': 'Disbursement',
  'own expenditure': 'Expenditure',
  'own claw-back': 'ClawBack',
  'platform disbursement': 'Disbursement',
  'platform expenditure': 'Expenditure',
  'platform claw-back': 'ClawBack',
  'own confirmed assessment': 'Assessment',
  'Ningbo scored assessment': 'Assessment',
  'objection to the own application': 'PublicObjection',
  'own audit event (review step)': 'AuditEvent',
  'own audit event (update)': 'AuditEvent',
  'platform audit event': 'AuditEvent',
  'Ningbo audit event': 'AuditEvent',
};
const sample: Record<string, [SubjectName, string]> = {};

async function insertId(ds: DataSource, sql: string, params: unknown[]): Promise<string> {
  const [row] = await ds.query(`${sql} RETURNING id`, params);
  return String(row.id);
}

async function fixtures(ds: DataSource): Promise<void> {
  const own = await createEnterprise(ds, { regionCode: '320102', tier: null }); // Nanjing, not published
  const wuxi = await createEnterprise(ds, { regionCode: '320205', tier: 'SRDI_SME' }); // Jiangsu, not Nanjing, published
  const ningbo = await createEnterprise(ds, { regionCode: '330203', tier: 'LITTLE_GIANT' }); // Zhejiang, published
  const nanjingPlatform = await createPlatform(ds, { regionCode: '320100' });
  const zhejiangPlatform = await createPlatform(ds, { regionCode: '330200' });
  const nationalPlatform = await createPlatform(ds, { regionCode: '110000' });
  await ds.query(`UPDATE platform SET level = 'NATIONAL' WHERE id = $1`, [nationalPlatform.id]);
  const app = (e: string, status: string) =>
    insertId(
      ds,
      `INSERT INTO application (enterprise_id, tier, rule_set_code, status, submitted_at, public_notice_ends_on)
       VALUES ($1, 'LITTLE_GIANT', 'MIIT-2022-63', $2, now(), CASE WHEN $2 = 'PUBLIC_NOTICE' THEN current_date + 10 END)`,
      [e, status],
    );
  const ownApp = await app(own.id, 'REJECTED');
  const { batchId } = await createProgramAndBatch(ds);
  const ownAward = await createAward(ds, batchId, { enterpriseId: own.id });
  const platformAward = await createAward(ds, batchId, { platformId: nanjingPlatform.id });
  const ningboAward = await createAward(ds, batchId, { enterpriseId: ningbo.id });
  const money = async (label: string, awardId: string, category: string) => {
    sample[`${label} disbursement`] = [
      'Disbursement',
      await insertId(
        ds,
        `INSERT INTO disbursement (award_id, tranche, amount, paid_on, idempotency_key) VALUES ($1, 1, '1000000.00', '2022-01-01', $2)`,
        [awardId, randomUUID()],
      ),
    ];
    sample[`${label} expenditure`] = [
      'Expenditure',
      await insertId(ds, `INSERT INTO expenditure (award_id, category, amount, spent_on) VALUES ($1, $2, '100000.00', '2022-02-01')`, [
        awardId,
        category,
      ]),
    ];
    sample[`${label} claw-back`] = [
      'ClawBack',
      await insertId(ds, `INSERT INTO claw_back (award_id, amount, reason) VALUES ($1, '1.00', '绩效评价不合格')`, [awardId]),
    ];
  };
  await money('own', ownAward, 'EQUIPMENT');
  await money('platform', platformAward, 'DIGITAL_TRANSFORMATION_SERVICE');
  const audit = (action: string, enterpriseId: string | null, platformId: string | null, region: string) =>
    insertId(
      ds,
      `INSERT INTO audit_event (actor_subject, actor_role, tenant, action, subject_type, subject_id, enterprise_id, platform_id, region_code)
       VALUES ('gov-1', 'LOCAL_GOV', '320000', $1, 'Application', '1', $2, $3, $4)`,
      [action, enterpriseId, platformId, region],
    );
  const assessment = (e: { id: string; regionCode: string }, kind: 'FLAG' | 'SCORE') =>
    insertId(
      ds,
      `INSERT INTO assessment (enterprise_id, region_code, indicator_key, year, value_kind, flag, score, evidence, status, asserted_by, asserted_by_role,
                               decided_by, decided_by_region_code, decided_at)
       VALUES ($1, $2, 'topThreeRank', 2025, $3, CASE WHEN $3 = 'FLAG' THEN true END, CASE WHEN $3 = 'SCORE' THEN 86.5 END, '排名证明',
               CASE WHEN $3 = 'FLAG' THEN 'CONFIRMED' ELSE 'SCORED' END, 'someone', 'ENTERPRISE',
               CASE WHEN $3 = 'FLAG' THEN 'gov' END, CASE WHEN $3 = 'FLAG' THEN '320000' END, CASE WHEN $3 = 'FLAG' THEN now() END)`,
      [e.id, e.regionCode, kind],
    );
  Object.assign(sample, {
    'own confirmed assessment': ['Assessment', await assessment(own, 'FLAG')],
    'Ningbo scored assessment': ['Assessment', await assessment(ningbo, 'SCORE')],
    'objection to the own application': [
      'PublicObjection',
      await insertId(
        ds,
        `INSERT INTO public_objection (id, application_id, enterprise_id, region_code, grounds, objector_role, objector_subject, objector_name, objector_contact,
                                       status, resolution_reason, resolved_by, resolved_at)
         VALUES ($1, $2, $3, '320102', '数据不实', 'PUBLIC', 'anonymous', '张三', '13800000000', 'DISMISSED', '查无实据', 'miit', now())`,
        [randomUUID(), ownApp, own.id],
      ),
    ],
    'own enterprise': ['Enterprise', own.id],
    'Wuxi enterprise': ['Enterprise', wuxi.id],
    'Ningbo enterprise': ['Enterprise', ningbo.id],
    'Nanjing platform': ['Platform', nanjingPlatform.id],
    'Zhejiang platform': ['Platform', zhejiangPlatform.id],
    'national platform': ['Platform', nationalPlatform.id],
    'own rejected application': ['Application', ownApp],
    'Wuxi application on public notice': ['Application', await app(wuxi.id, 'PUBLIC_NOTICE')],
    'Ningbo application on public notice': ['Application', await app(ningbo.id, 'PUBLIC_NOTICE')],
    'own review': [
      'Review',
      await insertId(
        ds,
        `INSERT INTO review (application_id, kind, decision, reviewer_role, reviewer_subject, comment) VALUES ($1, 'RETURN', 'RETURN', 'LOCAL_GOV', 'gov', '补充材料')`,
        [ownApp],
      ),
    ],
    'own report': ['FinancialReport', await createFinancialReport(ds, own.id, 2024)],
    'own expired certification': ['Certification', await createCertification(ds, own.id, { tier: 'SRDI_SME', status: 'EXPIRED' })],
    'Wuxi certification': ['Certification', await createCertification(ds, wuxi.id, { tier: 'SRDI_SME', status: 'PUBLIC_NOTICE' })],
    'Ningbo certification (expired)': ['Certification', await createCertification(ds, ningbo.id, { status: 'EXPIRED' })],
    'own award': ['Award', ownAward],
    'platform award': ['Award', platformAward],
    'Ningbo award': ['Award', ningboAward],
    'own audit event (review step)': ['AuditEvent', await audit('reviewApplication', own.id, null, '320102')],
    'own audit event (update)': ['AuditEvent', await audit('updateEnterprise', own.id, null, '320102')],
    'platform audit event': ['AuditEvent', await audit('updatePlatform', null, nanjingPlatform.id, '320100')],
    'Ningbo audit event': ['AuditEvent', await audit('updateEnterprise', ningbo.id, null, '330203')],
  });
  expect(Object.keys(sample).sort()).toEqual(Object.keys(SAMPLE_TYPES).sort());
  for (const [label, [type]] of Object.entries(sample)) expect([label, type]).toEqual([label, SAMPLE_TYPES[label]]);
  tokens.ENTERPRISE = await tokenFor({ role: 'ENTERPRISE', enterpriseId: own.id });
  tokens.PLATFORM = await tokenFor({ role: 'PLATFORM', platformId: nanjingPlatform.id });
}

/** As a frontend: unpack and build (the JSON re-parsed: jest's realms, see viewer.e2e.test.ts). */
const abilityOf = (packed: unknown): MongoAbility => createMongoAbility(unpackRules(JSON.parse(JSON.stringify(packed))) as never);

/** A selection set for dot paths: ['enterprise.id', 'enterprise.region.code'] → `enterprise { id region { code } }`. */
function selectionOf(paths: string[]): string {
  const tree: Obj = {};
  for (const p of paths) p.split('.').reduce((node, step) => (node[step] ??= {}), tree);
  const print = (node: Obj): string =>
    Object.entries(node)
      .map(([k, v]) => (Object.keys(v).length ? `${k} { ${print(v)} }` : k))
      .join(' ');
  return print(tree);
}

/** Every condition path the client rules of any role mention for `type`. */
function conditionPaths(type: string): string[] {
  const paths = new Set<string>();
  for (const packed of Object.values(permissions)) {
    for (const rule of unpackRules(JSON.parse(JSON.stringify(packed))) as { subject: string | string[]; conditions?: Obj }[]) {
      if ([rule.subject].flat().includes(type)) Object.keys(rule.conditions ?? {}).forEach((k) => paths.add(k));
    }
  }
  return [...paths];
}

/** Fields checked for readability: every field without required arguments but viewerCan (leaves, and the others by their __typename). */
function checkedFields(type: string): { leaves: string[]; relations: string[] } {
  const fields = Object.values((schema.getType(type) as GraphQLObjectType).getFields()).filter(
    (f) => f.name !== 'viewerCan' && !f.args.some((a) => isNonNullType(a.type)),
  );
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
  const relations = fields.filter((f) => !isLeafType(getNamedType(f.type))).map((f) => f.name);
  return { leaves, relations };
}

async function fetchAs(role: RoleName, type: SubjectName, key: string): Promise<GraphQLResponse> {
  const { leaves, relations } = checkedFields(type);
  const actions = rowActionsOf(type);
  const query = `query($id: ID!) { node(id: $id) { __typename ... on ${type} { ${leaves.join(' ')} ${selectionOf(conditionPaths(type))}
    ${relations.map((f) => `checked_${f}: ${f} { __typename }`).join(' ')}
    viewerCan { readableFields ${actions.join(' ')} } } } }`;
  return t.graphql(query, { id: toGlobalId(type, key) }, tokens[role]);
}

/** Whether the server masked `field` of the node (FORBIDDEN at its path). */
const masked = (res: GraphQLResponse, field: string) =>
  (res.errors ?? []).some(
    (e) => e.path?.length === 2 && (e.path[1] === field || e.path[1] === `checked_${field}`) && e.extensions?.code === 'FORBIDDEN',
  );

beforeAll(async () => {
  t = await startTestServer();
  schema = await buildAppSchema();
  await fixtures(t.db.dataSource);
  tokens['LOCAL_GOV province'] = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320000' });
  tokens['LOCAL_GOV city'] = await tokenFor({ role: 'LOCAL_GOV', regionCode: '320100' });
  tokens.MIIT = await tokenFor({ role: 'MIIT' });
  tokens.MOF = await tokenFor({ role: 'MOF' });
  for (const role of ROLES) {
    const res = await t.graphql(`{ viewer { permissions } }`, {}, tokens[role]);
    expect(res.errors).toBeUndefined();
    permissions[role] = res.data!.viewer.permissions;
  }
});
afterAll(() => t.close());

const CASES = ROLES.flatMap((role) => Object.keys(SAMPLE_TYPES).map((label) => ({ role, label })));

describe('reading: the client’s ability agrees with what the server answers', () => {
  it.each(CASES)('$role reads the $label', async ({ role, label }) => {
    const [type, key] = sample[label];
    const res = await fetchAs(role, type, key);
    const ability = abilityOf(permissions[role]);
    const node = res.data?.node as Obj | null;
    if (!node) {
      // Hidden: the client, shown the row as a ministry sees it, must not think it may read it.
      expect(res.errors).toBeUndefined();
      const seen = (await fetchAs('MIIT', type, key)).data!.node as Obj;
      expect(seen.__typename).toBe(type);
      expect(ability.can('read', subject(type, seen) as never)).toBe(false);
      return;
    }
    expect(node.__typename).toBe(type);
    // Masking is the only error: FORBIDDEN on a field of the node itself.
    expect((res.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN' || e.path?.length !== 2)).toEqual([]);
    const obj = subject(node.__typename, node);
    expect(ability.can('read', obj as never)).toBe(true);
    const { leaves, relations } = checkedFields(type);
    const disagreements: string[] = [];
    for (const field of [...leaves, ...relations]) {
      const served = !masked(res, field);
      if (ability.can('read', obj as never, field) !== served)
        disagreements.push(`can('read', ${field}) is ${!served}, server ${served ? 'answers' : 'masks'} it`);
      if (node.viewerCan.readableFields.includes(field) !== served)
        disagreements.push(`viewerCan.readableFields ${served ? 'lacks' : 'has'} ${field}`);
    }
    expect(disagreements).toEqual([]);
  });
});

/** How to try each row action harmlessly on a row (as MIIT sees it): the same value again, or a step its state refuses. */
const TRIES: Partial<Record<SubjectName, Record<string, (row: Obj) => [string, Obj] | null>>> = {
  Enterprise: { update: (r) => ['updateEnterprise(input: $i) { enterprise { id } }', { id: r.id, name: r.name }] },
  Platform: { update: (r) => ['updatePlatform(input: $i) { platform { id } }', { id: r.id, name: r.name }] },
  Application: {
    update: (r) => ['updateApplication(input: $i) { application { id } }', { applicationId: r.id, tier: r.tier }],
    submit: (r) => ['submitApplication(input: $i) { application { id } }', { applicationId: r.id }],
    withdraw: (r) => ['withdrawApplication(input: $i) { application { id } }', { applicationId: r.id }],
    recommend: (r) => ['recommendApplication(input: $i) { application { id } }', { applicationId: r.id }],
    return: (r) => ['returnApplication(input: $i) { application { id } }', { applicationId: r.id, comment: '补充材料' }],
    review: (r) => ['startReview(input: $i) { application { id } }', { applicationId: r.id }],
    // Raising an objection during public notice would succeed and stay: tried only where the state refuses it.
    object: (r) =>
      r.status === 'PUBLIC_NOTICE' ? null : ['raiseObjection(input: $i) { application { id } }', { applicationId: r.id, comment: '异议' }],
  },
  Certification: {
    revoke: (r) =>
      r.status === 'EXPIRED' ? ['revokeCertification(input: $i) { certification { id } }', { certificationId: r.id, reason: 'TAX_EVASION' }] : null,
    renew: (r) => (r.status === 'EXPIRED' ? ['startReReview(input: $i) { certification { id } }', { certificationId: r.id }] : null),
  },
  // Both already decided: confirming again, or ruling again, is a CONFLICT where the policy allows it.
  Assessment: { confirm: (r) => ['confirmAssessment(input: $i) { assessment { id } }', { assessmentId: r.id }] },
  PublicObjection: {
    resolve: (r) => ['resolvePublicObjection(input: $i) { publicObjection { id } }', { objectionId: r.id, ruling: 'DISMISSED', reason: '查无实据' }],
  },
  Award: {
    disburse: (r) => ['disburseAward(input: $i) { award { id } }', { awardId: r.id, amount: '99999999999.00', idempotencyKey: randomUUID() }],
    clawBack: (r) => ['clawBackAward(input: $i) { award { id } }', { awardId: r.id, amount: '99999999999.00', reason: '测试' }],
  },
};

const INPUT_TYPES: Record<string, string> = {};
function inputTypeOf(mutation: string): string {
  if (!INPUT_TYPES[mutation]) {
    const arg = schema
      .getMutationType()!
      .getFields()
      [mutation].args.find((a) => a.name === 'input')!;
    INPUT_TYPES[mutation] = String(arg.type);
  }
  return INPUT_TYPES[mutation];
}

/** Rows whose state would let a tried step succeed and change them: read only. */
const NOT_TRIED = ['Wuxi certification'];
const ACTION_CASES = CASES.filter(({ label }) => TRIES[SAMPLE_TYPES[label]] && !NOT_TRIED.includes(label));

describe('acting: the client’s ability and viewerCan agree with whether the server lets the caller try', () => {
  it.each(ACTION_CASES)('$role acts on the $label', async ({ role, label }) => {
    const [type, key] = sample[label];
    const ability = abilityOf(permissions[role]);
    const res = await fetchAs(role, type, key);
    const seen = (await fetchAs('MIIT', type, key)).data!.node as Obj;
    const node = (res.data?.node as Obj | null) ?? null;
    const disagreements: string[] = [];
    let tried = 0;
    for (const [action, makeTry] of Object.entries(TRIES[type]!)) {
      const attempt = makeTry(seen);
      if (!attempt) continue;
      const [call, input] = attempt;
      const mutation = call.slice(0, call.indexOf('('));
      const out = await t.graphql(`mutation($i: ${inputTypeOf(mutation)}) { ${call} }`, { i: input }, tokens[role]);
      const code = (out.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
      expect(code).not.toBe('INTERNAL_SERVER_ERROR');
      const allowed = code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && code !== 'UNAUTHENTICATED';
      tried++;
      const judged = node ?? seen;
      if (ability.can(action, subject(type, judged) as never) !== allowed)
        disagreements.push(`can('${action}') says ${!allowed}, ${mutation} gives ${code}`);
      if (node && node.viewerCan[action] !== allowed) disagreements.push(`viewerCan.${action} says ${!allowed}, ${mutation} gives ${code}`);
      if (!node && allowed) disagreements.push(`${mutation} on a row the caller cannot see gives ${code}`);
    }
    expect(tried).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });
});

describe('a list of mixed rows, drawn without error noise (issue 13, item 3)', () => {
  const LIST = `{ enterprises(first: 100) { edges { node { id name region { code } tier viewerCan { update readableFields } } } } }`;

  it('answers viewerCan per row in the list’s one statement, reading only the columns the policy tests besides the selection', async () => {
    const sent = await statementsOf(() => t.graphql(LIST, {}, tokens['LOCAL_GOV city']));
    expect(sent).toHaveLength(1);
    // Not every column: the policy's condition columns (region_code, tier, id), not e.g. the credit code.
    expect(sent[0].statement).toContain(`'regionCode'`);
    expect(sent[0].statement).toContain(`'tier'`);
    expect(sent[0].statement).not.toContain(`'creditCode'`);
  });

  it('judges viewerCan in a list on the columns the policy tests, selected or not (an application’s tier decides who recommends it)', async () => {
    const page = async (role: RoleName) => {
      const res = await t.graphql(`{ applications(first: 100) { edges { node { id viewerCan { recommend return } } } } }`, {}, tokens[role]);
      expect(res.errors).toBeUndefined();
      return res.data!.applications.edges.find((e: Obj) => e.node.id === toGlobalId('Application', sample['own rejected application'][1])).node
        .viewerCan;
    };
    // A little giant in Nanjing: Jiangsu recommends it, Nanjing only returns it.
    expect(await page('LOCAL_GOV province')).toEqual({ recommend: true, return: true });
    expect(await page('LOCAL_GOV city')).toEqual({ recommend: false, return: true });
  });

  it('tells a city government which published rows are its own, and the client draws them without a FORBIDDEN', async () => {
    const res = await t.graphql(LIST, {}, tokens['LOCAL_GOV city']);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.enterprises.edges.map((e: Obj) => e.node);
    const byId = new Map(rows.map((r: Obj) => [r.id, r]));
    const own = byId.get(toGlobalId('Enterprise', sample['own enterprise'][1])) as Obj;
    const wuxi = byId.get(toGlobalId('Enterprise', sample['Wuxi enterprise'][1])) as Obj;
    const ningbo = byId.get(toGlobalId('Enterprise', sample['Ningbo enterprise'][1])) as Obj;
    expect([own.viewerCan.update, wuxi.viewerCan.update, ningbo.viewerCan.update]).toEqual([true, false, false]);
    expect(own.viewerCan.readableFields).toEqual(expect.arrayContaining(['applications', 'awards', 'financials', 'sizeClass']));
    expect(wuxi.viewerCan.readableFields).not.toContain('applications');
    expect(wuxi.viewerCan.readableFields).toEqual(expect.arrayContaining(['name', 'region', 'tier', 'certifications']));
    // Asking each row only for what its viewerCan lists: no error at all, whatever the mix.
    const ability = abilityOf(permissions['LOCAL_GOV city']);
    let asked = 0;
    for (const row of rows) {
      expect(ability.can('update', subject('Enterprise', row) as never)).toBe(row.viewerCan.update);
      const fields = row.viewerCan.readableFields.filter((f: string) => ['creditCode', 'sizeClass', 'applications', 'awards'].includes(f));
      const more = fields.map((f: string) => (f === 'applications' || f === 'awards' ? `${f} { id viewerCan { readableFields } }` : f));
      const again = await t.graphql(
        `query($id: ID!) { node(id: $id) { ... on Enterprise { id ${more.join(' ')} } } }`,
        { id: row.id },
        tokens['LOCAL_GOV city'],
      );
      expect(again.errors).toBeUndefined();
      asked += fields.length;
      if (row === own) expect(again.data!.node.awards).toHaveLength(1);
    }
    expect(asked).toBeGreaterThan(rows.length);
    // Asked of every row at once, the same field is FORBIDDEN exactly on the rows whose viewerCan left it out.
    const blind = await t.graphql(`{ enterprises(first: 100) { edges { node { id applications { id } } } } }`, {}, tokens['LOCAL_GOV city']);
    const forbiddenRows = (blind.errors ?? []).map((e) => blind.data!.enterprises.edges[e.path![2] as number].node.id).sort();
    expect(forbiddenRows.length).toBeGreaterThan(0);
    expect(forbiddenRows).toEqual(
      rows
        .filter((r: Obj) => !r.viewerCan.readableFields.includes('applications'))
        .map((r: Obj) => r.id)
        .sort(),
    );
  });
});
