// The benchmark's scenarios: the GraphQL operation each sends to srdi-api, the path the floor answers
// it on, and a canonical form of an answer so the two can be compared row by row.
'use strict';

const ENTERPRISE_PAGE = 'id name creditCode region { code name } certifications { tier status }';
const QUEUE_NODE = 'id status tier score enterprise { name } reviews { kind decision reviewerRole score }';

/** GraphQL operations of srdi-api, by scenario. */
const QUERIES = {
  S1: '{ regions(level: PROVINCE) { code name } }',
  S2: `query S2($first: Int) { enterprises(first: $first, orderBy: [{ field: CREDIT_CODE }]) { edges { node { ${ENTERPRISE_PAGE} } } } }`,
  S3: 'query S3($id: ID!) { enterprise(id: $id) { id name creditCode region { code name } } }',
  S4: `query S4($first: Int) { enterprises(first: $first, orderBy: [{ field: CREDIT_CODE }]) { totalCount edges { node { ${ENTERPRISE_PAGE} } } } }`,
  S5: '{ awards(first: 20) { edges { node { id amount status grantedOn disbursements { tranche amount paidOn } expenditures { amount category spentOn } } } } }',
  S6: '{ awardFigures(groupBy: PROVINCE) { province { code name } awards granted disbursed spent clawedBack } }',
  S7: `{ underReview: applications(first: 20, filter: { status: UNDER_REVIEW }, orderBy: [{ field: CREATED_AT }]) { edges { node { ${QUEUE_NODE} } } }
        recommended: applications(first: 20, filter: { status: RECOMMENDED }, orderBy: [{ field: CREATED_AT }]) { edges { node { ${QUEUE_NODE} } } } }`,
  disburse: 'mutation D($input: DisburseAwardInput!) { disburseAward(input: $input) { replayed disbursement { tranche amount } } }',
  spend: 'mutation E($input: RecordExpenditureInput!) { recordExpenditure(input: $input) { expenditure { id amount } } }',
};

/** Which token each read scenario uses (ctx.tokens key); S1 is public. */
const CALLER = { S1: null, S2: 'gov', S3: 'miit', S4: 'gov', S5: 'ent', S6: 'mof', S7: 'miit' };

const gid = (type, uuid) => Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');
const uuidOf = (id) => {
  const s = Buffer.from(id, 'base64url').toString('utf8');
  return s.slice(s.indexOf(':') + 1);
};

/** A read request of scenario s for system kind 'api' or 'floor'. */
function readRequest(kind, base, s, ctx, first = 20) {
  const tok = CALLER[s] ? ctx.tokens[CALLER[s]] : null;
  const headers = { 'content-type': 'application/json', ...(tok ? { authorization: `Bearer ${tok}` } : {}) };
  if (kind === 'api') {
    const variables = s === 'S3' ? { id: gid('Enterprise', ctx.s3id) } : s === 'S2' || s === 'S4' ? { first } : undefined;
    return { url: `${base}/graphql`, method: 'POST', headers, body: JSON.stringify({ query: QUERIES[s], variables }) };
  }
  const qs = s === 'S3' ? `?id=${ctx.s3id}` : s === 'S2' || s === 'S4' ? `?first=${first}` : '';
  return { url: `${base}/${s.toLowerCase()}${qs}`, method: 'POST', headers, body: '' };
}

/**
 * The body of one write of S8: even numbers disburse 0.01 (MOF) on one of the chosen awards, odd
 * numbers record a 0.01 expenditure (its enterprise). Every disbursement has a fresh idempotency key.
 */
function writeBody(kind, ctx, n) {
  const len = ctx.writes.length;
  const w = ctx.writes[((Math.floor(n / 2) % len) + len) % len];
  const key = `bench-${ctx.runId}-${kind}-${n}-${Math.random().toString(36).slice(2, 10)}`;
  if (Math.abs(n) % 2 === 0) {
    const input = { awardId: kind === 'api' ? gid('Award', w.awardId) : w.awardId, amount: '0.01', idempotencyKey: key };
    return { token: ctx.tokens.mof, body: kind === 'api' ? JSON.stringify({ query: QUERIES.disburse, variables: { input } }) : JSON.stringify({ op: 'disburse', ...input }) };
  }
  const input = { awardId: kind === 'api' ? gid('Award', w.awardId) : w.awardId, amount: '0.01', category: 'RESEARCH_AND_DEVELOPMENT', spentOn: ctx.today };
  return { token: w.token, body: kind === 'api' ? JSON.stringify({ query: QUERIES.spend, variables: { input } }) : JSON.stringify({ op: 'spend', ...input }) };
}

const nodes = (conn) => conn.edges.map((e) => e.node);
const sorted = (xs) => [...xs].sort();

/** Canonical lines of an answer of read scenario s (same for both systems when the rows agree). */
function canonical(s, data) {
  const ent = (n) => [uuidOf(n.id), n.name, n.creditCode, n.region.code, n.region.name,
    ...(n.certifications ? [sorted(n.certifications.map((c) => `${c.tier}/${c.status}`)).join(',')] : [])].join('|');
  switch (s) {
    case 'S1': return data.regions.map((r) => `${r.code}|${r.name}`);
    case 'S2': return nodes(data.enterprises).map(ent);
    case 'S3': return [ent(data.enterprise)];
    case 'S4': return [`total=${data.enterprises.totalCount}`, ...nodes(data.enterprises).map(ent)];
    case 'S5': return nodes(data.awards).map((a) => [uuidOf(a.id), a.amount, a.status, a.grantedOn,
      a.disbursements.map((d) => `${d.tranche}/${d.amount}/${d.paidOn}`).join(','),
      sorted(a.expenditures.map((x) => `${x.amount}/${x.category}/${x.spentOn}`)).join(',')].join('|'));
    case 'S6': return data.awardFigures.map((f) => [f.province.code, f.province.name, f.awards, f.granted, f.disbursed, f.spent, f.clawedBack].join('|'));
    case 'S7': return ['underReview', 'recommended'].flatMap((k) => nodes(data[k]).map((a) => [k, uuidOf(a.id), a.status, a.tier, a.score, a.enterprise.name,
      a.reviews.map((r) => `${r.kind}/${r.decision}/${r.reviewerRole}/${r.score}`).join(',')].join('|')));
    default: throw new Error(`no canonical form for ${s}`);
  }
}

module.exports = { QUERIES, CALLER, gid, uuidOf, readRequest, writeBody, canonical };
