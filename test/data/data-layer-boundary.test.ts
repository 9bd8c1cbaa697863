import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The data layer's boundary, read from the source (issue 11, item 3). The
 * rules, precisely, and what they do not cover:
 *
 * 1. Row locks are taken in src/data only: no `setLock(` call anywhere else
 *    in src/, and no FOR UPDATE / FOR SHARE / FOR NO KEY UPDATE / FOR KEY
 *    SHARE in a string of src/modules. A lock taken in the wrong order under
 *    row-level security turns FORBIDDEN into NOT_FOUND; loadForAction and
 *    lockRow know the order. (Migrations say FOR UPDATE in policy DDL, which
 *    is no lock; they are not modules.)
 * 2. Modules neither scope a query by the policy nor check a loaded row
 *    themselves: no `authz.scope(`, `authz.assertCan(` or
 *    `authz.assertCanCreate(` under src/modules. Reads go through
 *    src/data/scoped-reader and src/graphql/list, mutations through
 *    src/data. These three calls are what each hand-written copy of "read
 *    through the policy, check, lock" was made of.
 * 3. A module touches only its own tables. A module owns the tables of the
 *    *.entity.ts files in its folder. In src/modules/<m>/, no data-access
 *    call (getRepository, createQueryBuilder, from, into, update, insert,
 *    delete, save, find…, count…, exist…, …) takes another module's entity
 *    class as an argument, and no string names another module's table after
 *    FROM, JOIN, UPDATE or INTO (upper case: how this code writes SQL).
 *    Another module's rows come through that module's functions
 *    (certification/titles.service.ts, funding/award/award-freeze.service.ts, …), the data layer
 *    (visibleRow, loadForAction, lockRow, by policy subject) or the read
 *    path's scoped readers. EXCEPTIONS below lists each exception and why;
 *    an exception that is no longer needed fails too.
 *
 * Not covered: a module's reads of its own tables for its rules (sums
 * under a lock, uniqueness, the row it just wrote) are not scoped by the
 * read policy; they run as the caller under row-level security, and must
 * see every row of the caller's tenant, not just the readable fields. A
 * query spelled in a way these patterns miss (a table name built at run
 * time) is not caught either; the unit tests of the scanner below show what is.
 */

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Exceptions to rule 3: file → another module's tables or entities it may name, and why. */
const EXCEPTIONS: Record<string, { names: string[]; why: string }> = {
  'src/modules/certification/tier-upkeep.ts': {
    names: ['enterprise'],
    why: 'upkeep runs as the schema owner with no caller; it finds the enterprises whose stored tier a lapsed title may have left stale, which takes both tables in one query',
  },
};

const DATA_ACCESS =
  /^(getRepository|createQueryBuilder|from|into|update|insert|delete|save|remove|upsert|increment|decrement|softDelete|restore|merge|preload|create|find\w*|count\w*|exist\w*|sum|average|minimum|maximum)$/;
const ROW_LOCK_SQL = /\bFOR\s+(UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b/i;

interface Ownership {
  /** Entity class name → module. */
  entities: Map<string, string>;
  /** Table name → module. */
  tables: Map<string, string>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const rel = (file: string) => relative(ROOT, file).split(sep).join('/');
const moduleOf = (path: string) => /^src\/modules\/([^/]+)\//.exec(path)?.[1] ?? null;

function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** Which module owns which entity class and table, from the @Entity classes in each module's folder. */
function ownershipOf(files: { path: string; text: string }[]): Ownership {
  const own: Ownership = { entities: new Map(), tables: new Map() };
  for (const { path, text } of files) {
    const m = moduleOf(path);
    if (!m || !path.endsWith('.entity.ts')) continue;
    walk(parse(path, text), (n) => {
      if (!ts.isClassDeclaration(n) || !n.name) return;
      const entity = ts.getDecorators(n)?.find((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === 'Entity');
      if (!entity) return;
      own.entities.set(n.name.text, m);
      const arg = (entity.expression as ts.CallExpression).arguments[0];
      let table: string | undefined;
      if (arg && ts.isStringLiteral(arg)) table = arg.text;
      if (arg && ts.isObjectLiteralExpression(arg)) {
        const name = arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'name') as ts.PropertyAssignment | undefined;
        if (name && ts.isStringLiteralLike(name.initializer)) table = name.initializer.text;
      }
      if (table) own.tables.set(table, m);
    });
  }
  return own;
}

/** The strings of a file: string literals and the text of template literals (SQL lives there). */
function stringsOf(node: ts.Node): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push([n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ? '));
  });
  return out;
}

function calleeName(call: ts.CallExpression): string | null {
  const e = call.expression;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isIdentifier(e)) return e.text;
  return null;
}

/** Violations of the rules in one file of src/, as "rule: what". */
function violationsIn(path: string, text: string, own: Ownership): string[] {
  if (path.startsWith('src/data/')) return [];
  const found: string[] = [];
  const source = parse(path, text);
  const m = moduleOf(path);
  walk(source, (n) => {
    if (!ts.isCallExpression(n)) return;
    const name = calleeName(n);
    if (name === 'setLock') found.push('lock: setLock(');
    if (!m) return;
    const callee = n.expression.getText(source).replace(/\s+/g, '');
    if (/(^|\.)authz\.(scope|assertCan|assertCanCreate)$/.test(callee)) found.push(`policy: ${callee}(`);
    if (name && DATA_ACCESS.test(name)) {
      for (const a of n.arguments) {
        if (!ts.isIdentifier(a)) continue;
        const owner = own.entities.get(a.text);
        if (owner && owner !== m) found.push(`table: ${name}(${a.text}) of ${owner}`);
      }
    }
  });
  if (m) {
    for (const s of stringsOf(source)) {
      if (ROW_LOCK_SQL.test(s)) found.push(`lock: ${ROW_LOCK_SQL.exec(s)![0]}`);
      for (const [table, owner] of own.tables) {
        if (owner === m) continue;
        const sql = new RegExp(`\\b(FROM|JOIN|UPDATE|INTO)\\s+"?${table}"?(?![\\w.])`);
        if (sql.test(s)) found.push(`table: ${sql.exec(s)![0]} of ${owner}`);
      }
    }
  }
  return found;
}

/** Drops the findings an exception allows; reports exceptions that allowed nothing. */
function afterExceptions(path: string, found: string[]): string[] {
  const ex = EXCEPTIONS[path];
  if (!ex) return found;
  const named = (f: string) => /^table: (?:\w+ "?(\w+)"?|\w+\((\w+)\)) of /.exec(f)?.slice(1).find(Boolean);
  const allowed = (f: string) => ex.names.includes(named(f) ?? '');
  const left = found.filter((f) => !allowed(f));
  return found.some(allowed) ? left : [...left, `stale exception: ${ex.names.join(', ')} no longer named here`];
}

const sources = filesUnder(SRC).map((file) => ({ path: rel(file), text: readFileSync(file, 'utf8') }));
const ownership = ownershipOf(sources);

describe('the scanner', () => {
  // Proof that the rules can fail: the copies this issue removed, as they were.
  const own = ownershipOf(sources);

  it('knows which module owns which table', () => {
    expect(own.tables.get('enterprise')).toBe('enterprise');
    expect(own.tables.get('award')).toBe('funding');
    expect(own.entities.get('CertificationEntity')).toBe('certification');
    expect(own.tables.size).toBeGreaterThanOrEqual(15);
  });

  it('finds a hand-written "read through the policy, check, lock" in a module', () => {
    const copy = `
      async function load(ctx, db, id) {
        const repo = db.getRepository(CertificationEntity);
        const qb = ctx.authz.scope(repo.createQueryBuilder('certification'), 'Certification', 'read');
        const visible = qb ? await qb.andWhere('certification.id = :id', { id }).getOne() : null;
        ctx.authz.assertCan('revoke', 'Certification', visible, 'certification');
        return repo.createQueryBuilder('certification').setLock('pessimistic_write').where('certification.id = :id', { id }).getOne();
      }`;
    expect(violationsIn('src/modules/certification/x.ts', copy, own)).toEqual([
      'policy: ctx.authz.scope(',
      'policy: ctx.authz.assertCan(',
      'lock: setLock(',
    ]);
  });

  it('finds a lock outside src/data, in a call or in SQL, and leaves the data layer alone', () => {
    expect(violationsIn('src/graphql/x.ts', `qb.setLock('pessimistic_read')`, own)).toEqual(['lock: setLock(']);
    expect(violationsIn('src/modules/funding/x.ts', 'db.query(`SELECT * FROM award WHERE id = $1 FOR UPDATE`)', own)).toEqual(['lock: FOR UPDATE']);
    expect(violationsIn('src/modules/funding/x.ts', '// the batch is locked FOR UPDATE first', own)).toEqual([]);
    expect(violationsIn('src/data/x.ts', `qb.setLock('pessimistic_write'); ctx.authz.scope(qb, 'Award')`, own)).toEqual([]);
  });

  it('finds another module’s table through a repository, a query builder or SQL, but not the module’s own', () => {
    expect(violationsIn('src/modules/application/x.ts', 'db.getRepository(CertificationEntity).findBy({ enterpriseId })', own)).toEqual([
      'table: getRepository(CertificationEntity) of certification',
    ]);
    expect(violationsIn('src/modules/certification/x.ts', 'db.createQueryBuilder().update(AwardEntity).set({ status })', own)).toEqual([
      'table: update(AwardEntity) of funding',
    ]);
    expect(violationsIn('src/modules/application/x.ts', 'db.query(`SELECT day FROM audit_event WHERE subject_id = $1`)', own)).toEqual([
      'table: FROM audit_event of audit',
    ]);
    expect(
      violationsIn('src/modules/funding/x.ts', 'db.query(`SELECT sum(amount) FROM award a JOIN disbursement d ON d.award_id = a.id`)', own),
    ).toEqual([]);
    // A type, a decorator or a message naming another module's entity is no data access.
    expect(
      violationsIn(
        'src/modules/funding/x.ts',
        "visibleRow<EnterpriseEntity>(ctx, db, 'Enterprise', id); new ConflictError('not from enterprise');",
        own,
      ),
    ).toEqual([]);
  });

  it('reports an exception that is no longer needed', () => {
    expect(afterExceptions('src/modules/certification/tier-upkeep.ts', [])).toEqual(['stale exception: enterprise no longer named here']);
    expect(afterExceptions('src/modules/certification/tier-upkeep.ts', ['table: JOIN enterprise of enterprise'])).toEqual([]);
    expect(
      afterExceptions('src/modules/certification/tier-upkeep.ts', ['table: JOIN enterprise of enterprise', 'table: FROM award of funding']),
    ).toEqual(['table: FROM award of funding']);
    expect(afterExceptions('src/modules/certification/tier-upkeep.ts', ['table: JOIN enterprise of enterprise', 'lock: setLock('])).toEqual([
      'lock: setLock(',
    ]);
  });
});

describe('src/ keeps to the data layer’s boundary', () => {
  it.each(sources.map((s) => [s.path, s.text] as const))('%s', (path, text) => {
    expect(afterExceptions(path, violationsIn(path, text, ownership))).toEqual([]);
  });

  it('lists exceptions only for files that exist', () => {
    const paths = new Set(sources.map((s) => s.path));
    expect(Object.keys(EXCEPTIONS).filter((p) => !paths.has(p))).toEqual([]);
  });
});
