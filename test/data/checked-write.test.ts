import { Viewer } from '../../src/auth/viewer';
import { Authorizer } from '../../src/authz/authorizer';
import { assertMayCreate, assertMayUpdateFields } from '../../src/data/checked-write';
import { RequestContext } from '../../src/core/context';
import { EnterpriseEntity } from '../../src/modules/enterprise/enterprise.entity';

/** The policy checks on new and changed rows, with the codes and messages the mutations answer with. */

const ctxOf = (viewer: Viewer) => ({ viewer, authz: new Authorizer(viewer) }) as unknown as RequestContext;
const jiangsu = ctxOf({ role: 'LOCAL_GOV', subject: 'test:320000', regionCode: '320000' });
const miit = ctxOf({ role: 'MIIT', subject: 'test:miit' });
const mof = ctxOf({ role: 'MOF', subject: 'test:mof' });
const ENTERPRISE_ID = '00000000-0000-4000-8000-000000000001';
const self = ctxOf({ role: 'ENTERPRISE', subject: 'test:e', enterpriseId: ENTERPRISE_ID });

const refusal = (f: () => void) => {
  try {
    f();
  } catch (err) {
    const e = err as { message: string; extensions?: { code?: string } };
    return { code: e.extensions?.code, message: e.message };
  }
  return null;
};

describe('assertMayCreate', () => {
  it('refuses a caller without the action at all, then one whose draft lies outside its rule, and passes one inside', () => {
    expect(refusal(() => assertMayCreate(miit, 'Enterprise', { regionCode: '320102' }, 'an enterprise'))).toEqual({
      code: 'FORBIDDEN',
      message: 'MIIT may not create an enterprise',
    });
    expect(refusal(() => assertMayCreate(jiangsu, 'Enterprise', { regionCode: '330106' }, 'an enterprise'))).toEqual({
      code: 'FORBIDDEN',
      message: 'LOCAL_GOV may not create an enterprise there',
    });
    expect(refusal(() => assertMayCreate(jiangsu, 'Enterprise', { regionCode: '320102' }, 'an enterprise'))).toBeNull();
  });

  it('checks a workflow step that creates a row by its own action', () => {
    expect(refusal(() => assertMayCreate(miit, 'Award', { batchId: 'b', enterpriseId: 'e', platformId: null }, 'an award', 'grant'))).toEqual({
      code: 'FORBIDDEN',
      message: 'MIIT may not grant an award',
    });
    expect(refusal(() => assertMayCreate(mof, 'Award', { batchId: 'b', enterpriseId: 'e', platformId: null }, 'an award', 'grant'))).toBeNull();
    // MoF may create funding batches but grants no create on awards: the step's action is what counts.
    expect(refusal(() => assertMayCreate(mof, 'Award', { batchId: 'b' }, 'an award'))).toEqual({
      code: 'FORBIDDEN',
      message: 'MOF may not create an award',
    });
  });

  it('leaves the draft it was given as it was', () => {
    const draft = { regionCode: '320102' };
    assertMayCreate(jiangsu, 'Enterprise', draft, 'an enterprise');
    expect(Object.getOwnPropertyNames(draft)).toEqual(['regionCode']);
  });
});

describe('assertMayUpdateFields', () => {
  const row = Object.assign(new EnterpriseEntity(), { id: ENTERPRISE_ID, regionCode: '320102', tier: null });

  it('passes fields the caller may change and refuses the first it may not, named by the policy', () => {
    expect(refusal(() => assertMayUpdateFields(self, 'Enterprise', row, 'enterprise', ['name', 'industry']))).toBeNull();
    expect(
      refusal(() => assertMayUpdateFields(self, 'Enterprise', row, 'enterprise', ['name', 'regionCode'], (p) => (p === 'regionCode' ? 'region' : p))),
    ).toEqual({ code: 'FORBIDDEN', message: 'ENTERPRISE may not update this Enterprise (region)' });
  });

  it('is NOT_FOUND for a row the caller cannot read', () => {
    const other = Object.assign(new EnterpriseEntity(), { id: '00000000-0000-4000-8000-000000000002', regionCode: '320102', tier: null });
    expect(refusal(() => assertMayUpdateFields(self, 'Enterprise', other, 'enterprise', ['name']))).toEqual({
      code: 'NOT_FOUND',
      message: 'enterprise not found',
    });
  });
});
