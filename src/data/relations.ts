import { defaultFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { SubjectName } from '../authz/policy';

/**
 * How the policy subjects' GraphQL types reach each other: the map a
 * compiled read follows to fetch a selected relation in its parent's own
 * statement. Each entry describes exactly what the field's resolver reads
 * on its own (the same rows, through the same policy, in the same order),
 * so a value read ahead and a value read by the resolver are the same.
 */
export type Relation =
  /** The rows of `subject` whose `foreignKey` is the parent's id, ordered by `orderBy` then id (visibleChildren). */
  | { kind: 'many'; subject: SubjectName; foreignKey: string; orderBy: string; narrowBy?: Record<string, string> }
  /** The row of `subject` whose id is the parent's `key`; null when the key is null or the row invisible (visibleById). */
  | { kind: 'one'; subject: SubjectName; key: string }
  /**
   * The newest row of `subject` whose `foreignKey` is the parent's id and whose
   * properties equal `where`, by `orderBy` then id, both descending; null when
   * none is visible (visibleLatestChild).
   */
  | { kind: 'latest'; subject: SubjectName; foreignKey: string; where: Record<string, string>; orderBy: string };

/**
 * `narrowBy` maps the field's arguments to row properties: a given argument
 * keeps the rows whose property equals it (narrowChildren), whether the rows
 * were read ahead or by the resolver, which applies the same function.
 */
const many = (subject: SubjectName, foreignKey: string, orderBy = 'createdAt', narrowBy?: Record<string, string>): Relation => ({
  kind: 'many',
  subject,
  foreignKey,
  orderBy,
  ...(narrowBy ? { narrowBy } : {}),
});
const one = (subject: SubjectName, key: string): Relation => ({ kind: 'one', subject, key });
export type LatestRelation = Extract<Relation, { kind: 'latest' }>;
const latest = (subject: SubjectName, foreignKey: string, where: Record<string, string>, orderBy: string): LatestRelation => ({
  kind: 'latest',
  subject,
  foreignKey,
  where,
  orderBy,
});

/** An enterprise's key-little-giant support: its latest proposal MoF approved (Enterprise.keySupport). */
export const APPROVED_KEY_SUPPORT = latest('KeySupportProposal', 'enterpriseId', { status: 'APPROVED' }, 'decidedAt');

export const RELATIONS: Partial<Record<SubjectName, Record<string, Relation>>> = {
  Enterprise: {
    certifications: many('Certification', 'enterpriseId'),
    financials: many('FinancialReport', 'enterpriseId', 'year'),
    applications: many('Application', 'enterpriseId'),
    awards: many('Award', 'enterpriseId'),
    assessments: many('Assessment', 'enterpriseId', 'year', { year: 'year' }),
    keySupport: APPROVED_KEY_SUPPORT,
  },
  FinancialReport: { enterprise: one('Enterprise', 'enterpriseId') },
  Assessment: { enterprise: one('Enterprise', 'enterpriseId') },
  Certification: { enterprise: one('Enterprise', 'enterpriseId') },
  Application: {
    enterprise: one('Enterprise', 'enterpriseId'),
    certification: one('Certification', 'certificationId'),
    reviews: many('Review', 'applicationId'),
  },
  Review: { application: one('Application', 'applicationId') },
  Platform: { awards: many('Award', 'platformId') },
  Award: {
    enterprise: one('Enterprise', 'enterpriseId'),
    platform: one('Platform', 'platformId'),
    disbursements: many('Disbursement', 'awardId', 'tranche'),
    expenditures: many('Expenditure', 'awardId', 'spentOn'),
    clawBacks: many('ClawBack', 'awardId'),
  },
  Disbursement: { award: one('Award', 'awardId') },
  Expenditure: { award: one('Award', 'awardId') },
  ClawBack: { award: one('Award', 'awardId') },
  KeySupportProposal: { enterprise: one('Enterprise', 'enterpriseId'), batch: one('FundingBatch', 'batchId') },
  KeyLittleGiant: { enterprise: one('Enterprise', 'enterpriseId'), batch: one('FundingBatch', 'batchId') },
  PublicObjection: { application: one('Application', 'applicationId') },
};

/**
 * Fields computed from columns of other names: what a compiled read must
 * fetch for them. A selected field that is neither a column, a relation nor
 * listed here makes the read fetch every column, which is always safe.
 */
export const COLUMNS_FOR: Partial<Record<SubjectName, Record<string, string[]>>> = {
  Enterprise: { region: ['regionCode'] },
  Platform: { region: ['regionCode'] },
  Application: { recommendedBy: ['recommendedByRegionCode'] },
  // effectiveStatus: a lapsing title past its last valid day is EXPIRED.
  Certification: { status: ['status', 'validUntil'] },
  Review: { reviewerRegion: ['reviewerRegionCode'] },
  Assessment: { decidedByRegion: ['decidedByRegionCode'] },
  KeyLittleGiant: { region: ['regionCode'] },
  PublicObjection: { raisedAt: ['createdAt'] },
  AuditEvent: { enterpriseId: ['enterpriseId'], platformId: ['platformId'] },
};

/** The rows of a child list whose properties equal the given arguments, as `narrowBy` maps them; all rows without any. */
export function narrowChildren<T extends object>(rows: T[], narrowBy: Record<string, string> | undefined, args: Record<string, unknown>): T[] {
  const given = Object.entries(narrowBy ?? {}).filter(([arg]) => args[arg] != null);
  if (!given.length) return rows;
  return rows.filter((row) => given.every(([arg, property]) => (row as Record<string, unknown>)[property] === args[arg]));
}

/** Where a compiled read leaves the relations it fetched with a row: field name → value. */
export const PRELOADED = Symbol('srdi.preloaded');

export function preloaded(row: object, values: Map<string, unknown>): void {
  Object.defineProperty(row, PRELOADED, { value: values, enumerable: false });
}

/**
 * Lets every relation field answer from what its row brought along, and call
 * its own resolver only when the row came from elsewhere (a mutation's
 * payload, a lookup by id). Installed under the field guard and the list
 * limits, so masking and counting see the value as before.
 */
export function servePreloaded(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(RELATIONS)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`relation map names ${typeName}, which is not an object type`);
    for (const name of Object.keys(fields)) {
      const field = type.getFields()[name];
      if (!field) throw new Error(`relation map names ${typeName}.${name}, which is not a field`);
      const resolve = field.resolve ?? defaultFieldResolver;
      const relation = fields[name];
      const narrowBy = relation.kind === 'many' ? relation.narrowBy : undefined;
      field.resolve = (root, args: Record<string, unknown>, context, info) => {
        const values = (root as { [PRELOADED]?: Map<string, unknown> } | null)?.[PRELOADED];
        if (!values?.has(name)) return resolve(root, args, context, info);
        const value = values.get(name);
        return narrowBy && Array.isArray(value) ? narrowChildren(value, narrowBy, args) : value;
      };
    }
  }
  return schema;
}
