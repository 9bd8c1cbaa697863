import { DataSource } from 'typeorm';
import { ROLE_DETAILS, ROLES, RoleTenant, TOKEN_ROLES } from '../../src/auth/roles';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The migrations are history: their row-level security policies and CHECK
 * constraints name the roles as SQL literals, written when they were made.
 * These tests read what the migrated database holds (pg_policies,
 * pg_constraint) and hold it to src/auth/roles.ts, so a role renamed or
 * added in the code without a migration fails here rather than in
 * production, where Postgres would quietly show such a caller no rows.
 */

/** The request's role (request-transaction.ts sets app.role) or a column holding a role (reviewer_role, objector_role, …), as PostgreSQL prints them. */
const ROLE_VALUE = /current_setting\('app\.role'::text, true\)|\b[a-z_]+_role\b/g;
/** What may stand between such a value and its comparison: closing parentheses, NULLIF's second argument, a sub-select's column alias. */
const BETWEEN = String.raw`(?:\s|\)|,\s*''::text|\s+AS\s+"?\w+"?)*`;
const COMPARED_WITH_LITERALS = new RegExp(String.raw`^${BETWEEN}(?:=|<>)\s*(?:ANY \(ARRAY\[([^\]]*)\]\)|('[^']*'::text))`);
/** A column compared with the request's role (the caller is named as the actor): no literal there. */
const COMPARED_WITH_CALLER = /^\s*=\s*\(\s*SELECT current_setting\('app\.role'::text, true\)/;
const CALLER_COMPARED_WITH_COLUMN = /\b[a-z_]+_role\s*=\s*\(\s*SELECT $/;
const LITERAL = /'([^']*)'::text/g;

interface Reading {
  /** The role literals the expression compares a role with. */
  named: string[];
  /** Uses of a role this reading does not understand, with some context: a new form for the test to learn, never to pass over. */
  unread: string[];
}

function readRoles(expression: string): Reading {
  const named: string[] = [];
  const unread: string[] = [];
  for (const m of expression.matchAll(ROLE_VALUE)) {
    const start = m.index;
    const rest = expression.slice(start + m[0].length);
    const compared = COMPARED_WITH_LITERALS.exec(rest);
    if (compared) {
      for (const literal of (compared[1] ?? compared[2]).matchAll(LITERAL)) named.push(literal[1]);
    } else if (!COMPARED_WITH_CALLER.test(rest) && !CALLER_COMPARED_WITH_COLUMN.test(expression.slice(0, start))) {
      unread.push(expression.slice(Math.max(0, start - 40), start + m[0].length + 60));
    }
  }
  return { named, unread };
}

interface Expression {
  where: string;
  text: string;
}

/** The settings a policy reads to scope a role's rows to its tenant. */
const TENANT_SETTING: Record<RoleTenant, string> = { enterprise: 'app.enterprise_id', platform: 'app.platform_id', region: 'app.region_lo' };

let db: TestDatabase;
let ds: DataSource;
let policies: Expression[];
let checks: Expression[];
beforeAll(async () => {
  db = await createTestDatabase();
  ds = db.dataSource;
  const rows: { tablename: string; policyname: string; qual: string | null; with_check: string | null }[] = await ds.query(
    `SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public'`,
  );
  policies = rows.flatMap((r) => [
    ...(r.qual ? [{ where: `${r.tablename}.${r.policyname} USING`, text: r.qual }] : []),
    ...(r.with_check ? [{ where: `${r.tablename}.${r.policyname} WITH CHECK`, text: r.with_check }] : []),
  ]);
  checks = await ds.query(
    `SELECT conrelid::regclass::text || '.' || conname AS "where", pg_get_constraintdef(oid) AS text
       FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`,
  );
});
afterAll(() => db.drop());

describe('the roles in the database', () => {
  it('are read from every policy and CHECK constraint that compares a role', () => {
    const unread = [...policies, ...checks].flatMap((e) => readRoles(e.text).unread.map((u) => `${e.where}: …${u}…`));
    expect(unread).toEqual([]);
    // The reading finds something to check: policies compare the request's role.
    expect(policies.filter((p) => readRoles(p.text).named.length > 0).length).toBeGreaterThan(10);
  });

  it('are all roles of src/auth/roles.ts', () => {
    const known = new Set<string>(ROLES);
    const strangers = [...policies, ...checks].flatMap((e) =>
      readRoles(e.text)
        .named.filter((r) => !known.has(r))
        .map((r) => `${e.where}: ${r}`),
    );
    expect(strangers).toEqual([]);
  });

  it('include every role that acts for a tenant, in a policy that reads its tenant', () => {
    const scoped = TOKEN_ROLES.filter((r) => ROLE_DETAILS[r].tenant !== null);
    expect(scoped).toEqual(['ENTERPRISE', 'PLATFORM', 'LOCAL_GOV']);
    const unscoped = scoped.filter(
      (role) =>
        !policies.some(
          (p) => readRoles(p.text).named.includes(role) && p.text.includes(`current_setting('${TENANT_SETTING[ROLE_DETAILS[role].tenant!]}'`),
        ),
    );
    expect(unscoped).toEqual([]);
  });

  it('include every role that holds a token', () => {
    const named = new Set(policies.flatMap((p) => readRoles(p.text).named));
    expect(TOKEN_ROLES.filter((r) => !named.has(r))).toEqual([]);
  });

  it('let every role raise an objection: objector_role admits exactly the roles', () => {
    const objector = checks.filter((c) => /objector_role = ANY/.test(c.text));
    expect(objector).toHaveLength(1);
    expect(readRoles(objector[0].text).named).toEqual([...ROLES]);
  });
});
