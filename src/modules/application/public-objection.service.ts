import { randomUUID } from 'node:crypto';
import { GraphQLResolveInfo } from 'graphql';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { mutation } from '../../db/mutation';
import { assertMayCreate } from '../../data/checked-write';
import { loadForAction } from '../../data/load-for-action';
import { lockRow } from '../../data/row-lock';
import { visibleById } from '../../data/scoped-reader';
import { visibleRow } from '../../data/visible-row';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../core/context';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { ListFilter } from '../../graphql/list-filter';
import { recordAudit } from '../audit/audit-trail.service';
import { programmeToday } from '../../core/calendar';
import { ApplicationEntity } from './application.entity';
import { ApplicationStatus, PublicObjectionStatus } from './application.enums';
import { ObjectionRuling } from './application.input';
import { PublicObjectionEntity } from './public-objection.entity';
import { PublicObjectionFilter, PublicObjectionOrderField, RaisePublicObjectionInput, ResolvePublicObjectionInput } from './public-objection.input';

const LIST: ListSpec<PublicObjectionEntity, PublicObjectionFilter, PublicObjectionOrderField> = {
  subject: 'PublicObjection',
  sortKeys: {
    RAISED_AT: { property: 'createdAt', field: 'raisedAt' },
  },
  defaultOrder: [{ field: PublicObjectionOrderField.RAISED_AT, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<PublicObjectionEntity>, f) {
    new ListFilter(ctx, qb, 'PublicObjection')
      .globalId('applicationId', f.applicationId, 'Application', 'applicationId', 'application')
      .equals('status', f.status, 'status');
  },
};

/** A phone number (digits, spaces, dashes, an optional leading +, an extension) or an e-mail address. */
const PHONE = /^\+?[0-9][0-9 ()-]{5,30}(?:[#x转][0-9]{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function optionalText(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/**
 * What the audit trail keeps of an objection: never the objector's name,
 * contact or identity. The trail of an enterprise's records is the
 * enterprise's to read; who objected is on the objection, for its handlers.
 */
function trailSnapshot(o: PublicObjectionEntity): Record<string, unknown> {
  return {
    id: o.id,
    applicationId: o.applicationId,
    grounds: o.grounds,
    status: o.status,
    resolutionReason: o.resolutionReason,
    resolvedAt: o.resolvedAt,
  };
}

function wrongState(a: ApplicationEntity, today: string): ConflictError | null {
  if (a.status !== ApplicationStatus.PUBLIC_NOTICE) {
    return new ConflictError(`the application is ${a.status}; objections are raised only during its public notice`, { currentState: a.status });
  }
  if (a.publicNoticeEndsOn != null && a.publicNoticeEndsOn < today) {
    return new ConflictError(`the public notice ended on ${a.publicNoticeEndsOn}; objections are closed`, { currentState: a.status });
  }
  return null;
}

export class PublicObjectionService {
  list(ctx: RequestContext, args: ListArgs<PublicObjectionFilter, PublicObjectionOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, LIST, args, info);
  }

  byId(ctx: RequestContext, id: string): Promise<PublicObjectionEntity | null> {
    return visibleById<PublicObjectionEntity>(ctx, 'PublicObjection').load(id);
  }
}

/** Objections still waiting for MIIT's ruling: an application with one cannot be certified. */
export async function openPublicObjections(db: EntityManager, applicationId: string): Promise<number> {
  const [row] = await db.query<{ open: number }[]>(
    `SELECT count(*)::int AS open FROM public_objection WHERE application_id = $1 AND status = 'OPEN'`,
    [applicationId],
  );
  return row.open;
}

export class PublicObjectionMutations {
  /**
   * Anyone objects to an application on public notice, up to the notice's
   * last day: the public giving a name and a contact (and limited in how
   * often, per address), a signed-in caller under its own identity.
   */
  async raise(ctx: RequestContext, applicationId: string, input: RaisePublicObjectionInput): Promise<{ id: string; raisedAt: Date }> {
    const grounds = input.grounds.trim();
    if (!grounds) throw new BadUserInputError('grounds must not be empty', 'grounds');
    const name = optionalText(input.objectorName);
    const contact = optionalText(input.objectorContact);
    const anonymous = ctx.viewer.role === 'PUBLIC';
    if (anonymous && !name)
      throw new BadUserInputError('objectorName is required without a token: the notice asks objectors to give their name', 'objectorName');
    if (anonymous && !contact)
      throw new BadUserInputError('objectorContact is required without a token: a phone number or an e-mail address', 'objectorContact');
    if (contact && !PHONE.test(contact) && !EMAIL.test(contact)) {
      throw new BadUserInputError('objectorContact must be a phone number or an e-mail address', 'objectorContact');
    }
    await ctx.throttle?.('publicObjection');

    return mutation(ctx, async (db) => {
      const today = programmeToday();
      const application = await visibleRow<ApplicationEntity>(ctx, db, 'Application', applicationId);
      if (!application) throw new NotFoundError('application');
      assertMayCreate(
        ctx,
        'PublicObjection',
        { applicationId, enterpriseId: application.enterpriseId, regionCode: application.regionCode },
        'an objection',
      );
      const closed = wrongState(application, today);
      if (closed) throw closed;

      const v = ctx.viewer;
      const objection = db.getRepository(PublicObjectionEntity).create({
        id: randomUUID(),
        applicationId,
        grounds,
        objectorRole: v.role,
        objectorSubject: v.subject,
        objectorTenant: v.enterpriseId ?? v.platformId ?? v.regionCode ?? null,
        objectorName: name,
        objectorContact: contact,
        status: PublicObjectionStatus.OPEN,
        resolutionReason: null,
        resolvedBy: null,
        resolvedAt: null,
        createdAt: new Date(),
      });
      // Nothing read back: whoever objects may write the row but not read it.
      await db.createQueryBuilder().insert().into(PublicObjectionEntity).values(objection).updateEntity(false).execute();
      // The insert's foreign key holds the application against certification (FOR KEY SHARE) until
      // this commits, so a notice closed while the insert waited is seen now, and refused.
      const still = await visibleRow<ApplicationEntity>(ctx, db, 'Application', applicationId);
      const closedMeanwhile = still ? wrongState(still, today) : new ConflictError('the public notice closed meanwhile', { currentState: null });
      if (closedMeanwhile) throw closedMeanwhile;

      await recordAudit(ctx, db, {
        action: 'raisePublicObjection',
        subjectType: 'PublicObjection',
        subjectId: objection.id,
        // Not the enterprise's trail: even the role of who objected stays with the objection's handlers.
        enterpriseId: null,
        regionCode: application.regionCode,
        after: { ...trailSnapshot(objection), enterpriseId: application.enterpriseId },
      });
      return { id: objection.id, raisedAt: objection.createdAt };
    });
  }

  /**
   * MIIT rules on one objection, with a reason: UPHELD rejects an
   * application still on notice, as resolveObjection does; DISMISSED leaves
   * it there. Each objection is ruled on once.
   */
  async resolve(
    ctx: RequestContext,
    objectionId: string,
    input: ResolvePublicObjectionInput,
  ): Promise<{ objection: PublicObjectionEntity; application: ApplicationEntity }> {
    const reason = input.reason.trim();
    if (!reason) throw new BadUserInputError('reason must not be empty', 'reason');
    return mutation(ctx, async (db) => {
      const objection = await loadForAction<PublicObjectionEntity>(ctx, db, 'PublicObjection', objectionId, 'resolve', 'objection');
      if (objection.status !== PublicObjectionStatus.OPEN) {
        throw new ConflictError(`the objection was already ruled on: it is ${objection.status}`, { currentState: objection.status });
      }
      const before = trailSnapshot(objection);
      const application = await lockRow<ApplicationEntity>(db, 'Application', objection.applicationId);
      const applicationBefore = application.status;
      const upheld = input.ruling === ObjectionRuling.UPHELD;
      objection.status = upheld ? PublicObjectionStatus.UPHELD : PublicObjectionStatus.DISMISSED;
      objection.resolutionReason = reason;
      objection.resolvedBy = ctx.viewer.subject;
      objection.resolvedAt = new Date();
      const saved = await db.getRepository(PublicObjectionEntity).save(objection);
      if (upheld && application.status === ApplicationStatus.PUBLIC_NOTICE) {
        application.status = ApplicationStatus.REJECTED;
        await db.getRepository(ApplicationEntity).save(application);
      }
      await recordAudit(ctx, db, {
        action: 'resolvePublicObjection',
        subjectType: 'PublicObjection',
        subjectId: saved.id,
        enterpriseId: saved.enterpriseId,
        regionCode: saved.regionCode,
        before: { ...before, applicationStatus: applicationBefore },
        after: { ...trailSnapshot(saved), applicationStatus: application.status },
      });
      return { objection: saved, application };
    });
  }
}

export const publicObjectionService = new PublicObjectionService();
export const publicObjectionMutations = new PublicObjectionMutations();
