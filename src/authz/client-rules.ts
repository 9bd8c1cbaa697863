import { GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { Viewer } from '../auth/viewer';
import { toGlobalId } from '../core/global-id';
import { AppRule, policyScopeOf, rulesFor } from './ability';
import { hasOperation } from './operations';
import { SubjectName } from './policy';

/**
 * The caller's rules in the API's own language, for a frontend's CASL
 * ability (`viewer { permissions }`): subjects are GraphQL type names (the
 * policy's subjects already are), fields are GraphQL field names, conditions
 * test what the API returns (global IDs, `enterprise.id`, `region.code`), and
 * only actions some mutation exercises remain. The server's own rules speak
 * of entity properties and uuids, which a client never sees.
 *
 * A condition is never widened: a property with no way to read it over the
 * API drops an allowing rule (the client then under-promises), and throws for
 * an inverted one (dropping it would let the client over-promise).
 */

/** Where a client reads one property of the policy's conditions: a GraphQL path, and the type of global ID its value is. */
interface ClientPath {
  path: string;
  idOf?: SubjectName;
}

/** One property read in several places, any of which matching matches (an award is an enterprise's or a platform's). */
type ClientPaths = ClientPath[];

const at = (path: string, idOf?: SubjectName): ClientPaths => [{ path, ...(idOf ? { idOf } : {}) }];
const ownerOf = (via: string, owners: ('enterprise' | 'platform')[]) => ({
  ...(owners.includes('enterprise') ? { enterpriseId: at(`${via}enterprise.id`, 'Enterprise') } : {}),
  ...(owners.includes('platform') ? { platformId: at(`${via}platform.id`, 'Platform') } : {}),
  regionCode: owners.map((o) => ({ path: `${via}${o}.region.code` })),
});
const BY_ENTERPRISE = ownerOf('', ['enterprise']);

/**
 * Per subject, the entity properties the policy's conditions test that a
 * client reads under another name or as a global ID. A property not listed
 * is read as the GraphQL field of the same name (tier, status, level,
 * valueKind, action), and `id` as the row's global ID. The scope columns
 * (enterpriseId, platformId, regionCode) are copies of the owner's, kept by
 * triggers, so the owner's fields say the same.
 */
const CLIENT_PATHS: Record<SubjectName, Record<string, ClientPaths>> = {
  Region: {},
  Enterprise: { regionCode: at('region.code') },
  Platform: { regionCode: at('region.code') },
  FinancialReport: BY_ENTERPRISE,
  Assessment: BY_ENTERPRISE,
  Certification: BY_ENTERPRISE,
  Application: BY_ENTERPRISE,
  KeySupportProposal: BY_ENTERPRISE,
  KeyLittleGiant: { ...BY_ENTERPRISE, regionCode: at('region.code') },
  Review: ownerOf('application.', ['enterprise']),
  PublicObjection: ownerOf('application.', ['enterprise']),
  Award: ownerOf('', ['enterprise', 'platform']),
  Disbursement: ownerOf('award.', ['enterprise', 'platform']),
  Expenditure: ownerOf('award.', ['enterprise', 'platform']),
  ClawBack: ownerOf('award.', ['enterprise', 'platform']),
  AuditEvent: { enterpriseId: at('enterpriseId', 'Enterprise'), platformId: at('platformId', 'Platform') },
  FundingProgram: {},
  FundingBatch: {},
};

/** Whether `path` (dot notation) names a field of `type` and of the types below it in the schema. */
export function isApiPath(schema: GraphQLSchema, type: string, path: string): boolean {
  let here = schema.getType(type);
  for (const step of path.split('.')) {
    if (!isObjectType(here)) return false;
    const field = here.getFields()[step];
    if (!field) return false;
    here = getNamedType(field.type);
  }
  return true;
}

class Unexpressible extends Error {}

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** A condition value with each uuid of an id path turned into the global ID the API returns for it. */
function globalIds(value: unknown, idOf: SubjectName | undefined): unknown {
  if (!idOf) return value;
  if (typeof value === 'string') return toGlobalId(idOf, value);
  if (Array.isArray(value)) return value.map((v) => globalIds(v, idOf));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([op, v]) => [op, globalIds(v, idOf)]));
  return value;
}

/**
 * One condition over entity properties as the conditions a client tests,
 * any of which granting: several when a property is read in several places
 * (CASL's conditions have no $or; several rules stand for one).
 */
function translateConditions(schema: GraphQLSchema, subject: SubjectName, conditions: Record<string, unknown>): Record<string, unknown>[] {
  let alternatives: Record<string, unknown>[] = [{}];
  for (const [property, value] of Object.entries(conditions)) {
    if (property.startsWith('$')) throw new Unexpressible(`${subject}: top-level ${property}`);
    // A row's own key is its global ID, on every type.
    const paths = CLIENT_PATHS[subject][property] ?? (property === 'id' ? at('id', subject) : at(property));
    for (const p of paths) if (!isApiPath(schema, subject, p.path)) throw new Unexpressible(`${subject}.${property}: ${p.path} is not in the schema`);
    alternatives = alternatives.flatMap((a) => paths.map((p) => ({ ...a, [p.path]: globalIds(value, p.idOf) })));
  }
  return alternatives;
}

/** The client's rules for one server rule: per subject, only actions with an operation, only fields of the GraphQL type. */
function translateRule(schema: GraphQLSchema, rule: AppRule): AppRule[] {
  const out: AppRule[] = [];
  for (const subject of list(rule.subject)) {
    const actions = list(rule.action).filter((a) => hasOperation(subject, a));
    if (!actions.length) continue;
    const type = schema.getType(subject);
    if (!isObjectType(type)) throw new Error(`policy subject ${subject} has no GraphQL object type`);
    let fields: string[] | undefined;
    if (rule.fields) {
      fields = list(rule.fields).filter((f) => type.getFields()[f]);
      // Only fields the API does not have: the rule says nothing a client can ask.
      if (!fields.length) continue;
    }
    let alternatives: Record<string, unknown>[] | undefined;
    try {
      alternatives = rule.conditions ? translateConditions(schema, subject, rule.conditions) : undefined;
    } catch (e) {
      if (!(e instanceof Unexpressible)) throw e;
      // An allowing rule left out only narrows what the client is told; an inverted one left out would widen it.
      if (rule.inverted) throw new Error(`an inverted rule on ${subject} cannot be told to clients: ${e.message}`, { cause: e });
      continue;
    }
    const base: AppRule = { action: actions.length === 1 ? actions[0] : actions, subject };
    if (fields) base.fields = fields;
    if (rule.inverted) base.inverted = true;
    if (!alternatives) out.push(base);
    else for (const conditions of alternatives) out.push({ ...base, conditions });
  }
  return out;
}

/** Server rules (entity properties, uuids) as the rules a client gets, in the same order. */
export function translateRules(schema: GraphQLSchema, rules: AppRule[]): AppRule[] {
  return rules.flatMap((r) => translateRule(schema, r));
}

/** Client rules by schema and policy scope: the same for every caller of one scope. */
const cache = new WeakMap<GraphQLSchema, Map<string, AppRule[]>>();
const KEPT = 1000;

/** The caller's rules as a frontend uses them; see the file's comment and docs/frontend-permissions.md. */
export function clientRulesFor(viewer: Viewer, schema: GraphQLSchema): AppRule[] {
  let byScope = cache.get(schema);
  if (!byScope) cache.set(schema, (byScope = new Map<string, AppRule[]>()));
  const key = policyScopeOf(viewer);
  let rules = byScope.get(key);
  if (!rules) {
    rules = translateRules(schema, rulesFor(viewer));
    if (byScope.size >= KEPT) byScope.delete(byScope.keys().next().value!);
    byScope.set(key, rules);
  }
  return rules;
}
