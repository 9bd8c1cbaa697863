import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { subjectOf } from '../../authz/ability';
import { assertMayCreate, assertMayUpdateFields } from '../../data/checked-write';
import { loadForAction } from '../../data/load-for-action';
import { visibleById } from '../../data/scoped-reader';
import { mutation } from '../../db/mutation';
import { UNIQUE_VIOLATION } from '../../db/pg-errors';
import { BadUserInputError, ConflictError } from '../../core/errors';
import { recordAudit, snapshot } from '../audit/audit-trail.service';
import { checkCreditCode, creditCodeProblemMessage, creditCodeProvince } from '../enterprise/credit-code.rules';
import { regionService } from '../region/region.service';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { ListFilter } from '../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { PlatformEntity } from './platform.entity';
import { PlatformFilter, PlatformOrderField, RegisterPlatformInput, UpdatePlatformInput } from './platform.input';

const LIST: ListSpec<PlatformEntity, PlatformFilter, PlatformOrderField> = {
  subject: 'Platform',
  sortKeys: {
    NAME: { property: 'name', field: 'name' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: PlatformOrderField.NAME, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<PlatformEntity>, f) {
    new ListFilter(ctx, qb, 'Platform')
      .regionSubtree('regionCode', f.regionCode, 'region')
      .equals('kind', f.kind, 'kind')
      .equals('level', f.level, 'level')
      .contains('search', f.search, ['name', 'operator'], ['name', 'operator']);
  },
};

export class PlatformService {
  list(ctx: RequestContext, args: ListArgs<PlatformFilter, PlatformOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, LIST, args, info);
  }

  byId(ctx: RequestContext, id: string): Promise<PlatformEntity | null> {
    return visibleById<PlatformEntity>(ctx, 'Platform').load(id);
  }
}

function requireText(value: string, field: string): string {
  const t = value.trim();
  if (!t) throw new BadUserInputError(`${field} must not be empty`, field);
  return t;
}

async function requireRegion(ctx: RequestContext, code: string, field: string): Promise<void> {
  if (!(await regionService.byCode(ctx, code))) throw new BadUserInputError(`${field} is not a GB/T 2260 region code`, field);
}

/**
 * The operator's credit code, checked as an enterprise's is (GB 32100; a real
 * code failing only the check character is admitted with the override, which
 * the audit action records). Returns whether the override was needed.
 */
async function checkOperatorCode(ctx: RequestContext, code: string, override: boolean): Promise<boolean> {
  const problem = checkCreditCode(code);
  if (problem && !(problem === 'CHECK_CHARACTER' && override)) {
    throw new BadUserInputError(creditCodeProblemMessage(problem), 'operatorCreditCode');
  }
  await requireRegion(ctx, creditCodeProvince(code), 'operatorCreditCode');
  return !!problem;
}

/** An operator runs one platform here: operator_credit_code is UNIQUE. */
function duplicateOperator(err: unknown): never {
  if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
    throw new ConflictError('a platform with this operator credit code is already registered', { field: 'operatorCreditCode' });
  }
  throw err;
}

const policyField = (property: string) => (property === 'regionCode' ? 'region' : property);

export class PlatformMutations {
  /** A local government registers a provincial platform of its region; MIIT a national one. */
  async register(ctx: RequestContext, input: RegisterPlatformInput): Promise<PlatformEntity> {
    const name = requireText(input.name, 'name');
    const operator = requireText(input.operator, 'operator');
    await requireRegion(ctx, input.regionCode, 'regionCode');
    const operatorCreditCode = input.operatorCreditCode ?? null;
    const overridden = operatorCreditCode != null && (await checkOperatorCode(ctx, operatorCreditCode, input.operatorCreditCodeOverride));
    const draft = ctx.db
      .getRepository(PlatformEntity)
      .create({ name, kind: input.kind, level: input.level, regionCode: input.regionCode, operator, operatorCreditCode });
    assertMayCreate(ctx, 'Platform', draft, `a ${input.level.toLowerCase()} platform`);
    return mutation(ctx, async (db) => {
      const saved = await db.getRepository(PlatformEntity).save(draft).catch(duplicateOperator);
      await recordAudit(ctx, db, {
        action: overridden ? 'registerPlatform(creditCodeOverride)' : 'registerPlatform',
        subjectType: 'Platform',
        subjectId: saved.id,
        platformId: saved.id,
        regionCode: saved.regionCode,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /** Changes only the given fields, each checked against the policy's field rules. */
  async update(ctx: RequestContext, id: string, input: UpdatePlatformInput): Promise<PlatformEntity> {
    return mutation(ctx, async (db) => {
      const row = await loadForAction<PlatformEntity>(ctx, db, 'Platform', id, 'update', 'platform');
      const before = snapshot(row);
      const changes: Partial<PlatformEntity> = {};
      let overridden = false;
      if (input.name != null) changes.name = requireText(input.name, 'name');
      if (input.operator != null) changes.operator = requireText(input.operator, 'operator');
      if (input.kind != null) changes.kind = input.kind;
      if (input.level != null) changes.level = input.level;
      if (input.regionCode != null) {
        await requireRegion(ctx, input.regionCode, 'regionCode');
        changes.regionCode = input.regionCode;
      }
      if (input.operatorCreditCode != null) {
        overridden = await checkOperatorCode(ctx, input.operatorCreditCode, input.operatorCreditCodeOverride);
        changes.operatorCreditCode = input.operatorCreditCode;
      }
      if (!Object.keys(changes).length) throw new BadUserInputError('nothing to change');
      assertMayUpdateFields(ctx, 'Platform', row, 'platform', Object.keys(changes), policyField);
      const repo = db.getRepository(PlatformEntity);
      const updated = repo.merge(row, changes);
      // The platform as changed must still be one the caller keeps: a local government's
      // stays in its region and provincial, MIIT's stays national.
      if (!ctx.authz.can('update', subjectOf('Platform', { ...updated }))) {
        const field = changes.regionCode != null ? 'regionCode' : 'level';
        throw new BadUserInputError(
          `${field}: the platform would no longer be one you keep (your region's provincial platforms, or MIIT's national ones)`,
          field,
        );
      }
      await repo.save(updated).catch(duplicateOperator);
      await recordAudit(ctx, db, {
        action: overridden ? 'updatePlatform(creditCodeOverride)' : 'updatePlatform',
        subjectType: 'Platform',
        subjectId: updated.id,
        platformId: updated.id,
        regionCode: updated.regionCode,
        before,
        after: snapshot(updated),
      });
      return updated;
    });
  }
}

export const platformService = new PlatformService();
export const platformMutations = new PlatformMutations();
