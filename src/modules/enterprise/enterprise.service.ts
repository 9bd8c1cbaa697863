import { GraphQLResolveInfo } from 'graphql';
import { readOneCompiled } from '../../data/compiled-read';
import { isUuid } from '../../core/global-id';
import { SelectQueryBuilder } from 'typeorm';
import { visibleById } from '../../data/scoped-reader';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { BadUserInputError, ConflictError } from '../../core/errors';
import { mutation } from '../../db/mutation';
import { UNIQUE_VIOLATION } from '../../db/pg-errors';
import { assertMayCreate, assertMayUpdateFields } from '../../data/checked-write';
import { loadForAction } from '../../data/load-for-action';
import { recordAudit, snapshot } from '../audit/audit-trail.service';
import { isIsoDate } from '../../core/calendar';
import { programmeToday } from '../../core/calendar';
import { regionService } from '../region/region.service';
import { checkCreditCode, creditCodeProblemMessage, creditCodeProvince } from './credit-code.rules';
import { likeEscape, ListFilter } from '../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterpriseFilter, EnterpriseOrderField, RegisterEnterpriseInput, UpdateEnterpriseInput } from './enterprise.input';

const LIST: ListSpec<EnterpriseEntity, EnterpriseFilter, EnterpriseOrderField> = {
  subject: 'Enterprise',
  sortKeys: {
    NAME: { property: 'name', field: 'name' },
    CREDIT_CODE: { property: 'creditCode', field: 'creditCode', unique: true },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: EnterpriseOrderField.NAME, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<EnterpriseEntity>, f) {
    new ListFilter(ctx, qb, 'Enterprise')
      .regionSubtree('regionCode', f.regionCode, 'region')
      .equals('tier', f.tier, 'tier')
      .equals('productField', f.productField, 'productField')
      .equals('sizeClass', f.sizeClass, 'sizeClass')
      .custom('search', f.search?.trim() || null, ['name', 'creditCode'], (q, p, text) => {
        // Text in the name, or the start of the credit code.
        q.andWhere(`(${q.alias}.name ILIKE :${p} OR ${q.alias}.creditCode LIKE :${p}_code)`, {
          [p]: `%${likeEscape(text)}%`,
          [`${p}_code`]: `${likeEscape(text.toUpperCase())}%`,
        });
      });
  },
};

export class EnterpriseService {
  list(ctx: RequestContext, args: ListArgs<EnterpriseFilter, EnterpriseOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, LIST, args, info);
  }

  byId(ctx: RequestContext, id: string): Promise<EnterpriseEntity | null> {
    return visibleById<EnterpriseEntity>(ctx, 'Enterprise').load(id);
  }

  /** The enterprise(id | creditCode) query: one statement with what the request selects of it. */
  async lookup(ctx: RequestContext, by: { id: string } | { creditCode: string }, info: GraphQLResolveInfo): Promise<EnterpriseEntity | null> {
    if ('id' in by ? !isUuid(by.id) : !/^[0-9A-Z]{18}$/.test(by.creditCode)) return null;
    return (await readOneCompiled(ctx, 'Enterprise', by, info)) as EnterpriseEntity | null;
  }
}

function requireText(value: string, field: string): string {
  const t = value.trim();
  if (!t) throw new BadUserInputError(`${field} must not be empty`, field);
  return t;
}

function requireFoundingDate(date: string): string {
  if (!isIsoDate(date)) throw new BadUserInputError('foundedOn must be a date, YYYY-MM-DD', 'foundedOn');
  const today = programmeToday();
  if (date > today) throw new BadUserInputError(`foundedOn must not be after today (${today})`, 'foundedOn');
  return date;
}

/** The table's CHECK starts at 1949; a niche entered before the firm existed is a typo in one of the two. */
const FIRST_NICHE_YEAR = 1949;

function requireNicheYear(year: number, foundedOn: string | null, field = 'nicheSinceYear'): number {
  const thisYear = Number(programmeToday().slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_NICHE_YEAR || year > thisYear) {
    throw new BadUserInputError(`nicheSinceYear must be a year from ${FIRST_NICHE_YEAR} to ${thisYear}`, field);
  }
  if (foundedOn != null && year < Number(foundedOn.slice(0, 4))) {
    throw new BadUserInputError(`nicheSinceYear ${year} is before the enterprise was founded (${foundedOn})`, field);
  }
  return year;
}

async function requireRegion(ctx: RequestContext, code: string, field: string): Promise<void> {
  // The region module's directory, not its table: regions are its rows.
  if (!(await regionService.byCode(ctx, code))) {
    throw new BadUserInputError(`${field} is not a GB/T 2260 region code`, field);
  }
}

export class EnterpriseMutations {
  /** A local government registers an enterprise of its region. */
  async register(ctx: RequestContext, input: RegisterEnterpriseInput): Promise<EnterpriseEntity> {
    const problem = checkCreditCode(input.creditCode);
    if (problem && !(problem === 'CHECK_CHARACTER' && input.creditCodeOverride)) {
      throw new BadUserInputError(creditCodeProblemMessage(problem), 'creditCode');
    }
    // The region segment is the code at registration and may be gone since: only its province must exist.
    await requireRegion(ctx, creditCodeProvince(input.creditCode), 'creditCode');
    await requireRegion(ctx, input.regionCode, 'regionCode');
    const draft = ctx.db.getRepository(EnterpriseEntity).create({
      creditCode: input.creditCode,
      creditCodeOverride: !!problem,
      name: requireText(input.name, 'name'),
      regionCode: input.regionCode,
      industry: requireText(input.industry, 'industry'),
      productField: input.productField,
      sizeClass: input.sizeClass,
      tier: null,
    });
    assertMayCreate(ctx, 'Enterprise', draft, 'an enterprise');
    return mutation(ctx, async (db) => {
      let saved: EnterpriseEntity;
      try {
        saved = await db.getRepository(EnterpriseEntity).save(draft);
      } catch (err) {
        if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
          throw new ConflictError('an enterprise with this credit code is already registered', { field: 'creditCode' });
        }
        throw err;
      }
      await recordAudit(ctx, db, {
        action: problem ? 'registerEnterprise(creditCodeOverride)' : 'registerEnterprise',
        subjectType: 'Enterprise',
        subjectId: saved.id,
        enterpriseId: saved.id,
        regionCode: saved.regionCode,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /** Changes only the given fields, each checked against the policy's field rules. */
  async update(ctx: RequestContext, id: string, input: UpdateEnterpriseInput): Promise<EnterpriseEntity> {
    return mutation(ctx, async (db) => {
      const row = await loadForAction<EnterpriseEntity>(ctx, db, 'Enterprise', id, 'update', 'enterprise');
      const before = snapshot(row);
      const changes: Partial<EnterpriseEntity> = {};
      if (input.name != null) changes.name = requireText(input.name, 'name');
      if (input.industry != null) changes.industry = requireText(input.industry, 'industry');
      if (input.productField != null) changes.productField = input.productField;
      if (input.sizeClass != null) changes.sizeClass = input.sizeClass;
      if (input.regionCode != null) {
        await requireRegion(ctx, input.regionCode, 'regionCode');
        changes.regionCode = input.regionCode;
      }
      if (input.foundedOn != null) changes.foundedOn = requireFoundingDate(input.foundedOn.trim());
      if (input.nicheSinceYear != null) changes.nicheSinceYear = requireNicheYear(input.nicheSinceYear, changes.foundedOn ?? row.foundedOn);
      else if (changes.foundedOn != null && row.nicheSinceYear != null) requireNicheYear(row.nicheSinceYear, changes.foundedOn, 'foundedOn');
      for (const flag of ['hasQualityCertification', 'hasRdInstitution', 'hasOwnBrand', 'atKeyChainLink'] as const) {
        if (input[flag] != null) changes[flag] = input[flag];
      }
      if (!Object.keys(changes).length) throw new BadUserInputError('nothing to change');
      assertMayUpdateFields(ctx, 'Enterprise', row, 'enterprise', Object.keys(changes), (p) => (p === 'regionCode' ? 'region' : p));
      const repo = db.getRepository(EnterpriseEntity);
      const updated = repo.merge(row, changes);
      // A move must land inside the caller's own region too.
      if (!ctx.authz.can('update', updated)) throw new BadUserInputError('regionCode is outside your region', 'regionCode');
      await repo.save(updated);
      await recordAudit(ctx, db, {
        action: 'updateEnterprise',
        subjectType: 'Enterprise',
        subjectId: updated.id,
        enterpriseId: updated.id,
        regionCode: updated.regionCode,
        before,
        after: snapshot(updated),
      });
      return updated;
    });
  }
}

export const enterpriseService = new EnterpriseService();
export const enterpriseMutations = new EnterpriseMutations();
