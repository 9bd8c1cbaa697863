import { createMongoAbility, MongoAbility, RawRuleOf, subject as asSubject } from '@casl/ability';
import { Viewer } from '../auth/viewer';
import { isRegionCode, regionLevelOfCode } from '../modules/region/region-code';
import { Action, POLICY, RuleTemplate, SubjectName } from './policy';
import { detectSubjectType } from './subjects';

export type AppAbility = MongoAbility<[Action, SubjectName | Record<string, unknown>]>;
export type AppRule = RawRuleOf<AppAbility>;

/**
 * The code range of a region and everything below it. GB/T 2260 codes nest
 * by prefix (province 2 digits, prefecture 4), so 320000 covers
 * 320000..329999 and 320100 covers 320100..320199. A test checks this
 * against the ltree paths of all 3,348 regions.
 */
export function regionRange(code: string): { lo: string; hi: string } {
  if (!isRegionCode(code)) throw new Error(`not a region code: ${code}`);
  const level = regionLevelOfCode(code);
  const prefix = level === 'PROVINCE' ? code.slice(0, 2) : level === 'PREFECTURE' ? code.slice(0, 4) : code;
  return { lo: prefix.padEnd(6, '0'), hi: prefix.padEnd(6, '9') };
}

function placeholders(viewer: Viewer): Record<string, string | undefined> {
  const range = viewer.regionCode ? regionRange(viewer.regionCode) : undefined;
  return {
    enterpriseId: viewer.enterpriseId,
    platformId: viewer.platformId,
    regionLo: range?.lo,
    regionHi: range?.hi,
  };
}

/** Fills `${name}` placeholders; a placeholder without a value is a bug, never a wildcard. */
function interpolate(value: unknown, vars: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') {
    const m = /^\$\{(\w+)\}$/.exec(value);
    if (!m) return value;
    const v = vars[m[1]];
    if (v === undefined) throw new Error(`policy placeholder \${${m[1]}} has no value for this caller`);
    return v;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, vars)]));
  }
  return value;
}

export function rulesFor(viewer: Viewer, templates: RuleTemplate[] = POLICY[viewer.role]): AppRule[] {
  const vars = placeholders(viewer);
  return templates.map((t) => {
    const rule: AppRule = { action: t.action, subject: t.subject };
    if (t.conditions) rule.conditions = interpolate(t.conditions, vars) as AppRule['conditions'];
    if (t.fields) rule.fields = t.fields;
    return rule;
  });
}

/**
 * Names everything a viewer's rules depend on: the role and the values its
 * templates are filled with. Viewers with the same key have the same rules.
 */
export function policyScopeOf(viewer: Viewer): string {
  const vars = placeholders(viewer);
  return `${viewer.role}:${vars.enterpriseId ?? ''}:${vars.platformId ?? ''}:${vars.regionLo ?? ''}:${vars.regionHi ?? ''}`;
}

/** Abilities by policy scope: building one costs more than the request that asks for it. */
const abilities = new Map<string, AppAbility>();
const ABILITIES_KEPT = 1000;

export function abilityFor(viewer: Viewer): AppAbility {
  const key = policyScopeOf(viewer);
  let ability = abilities.get(key);
  if (ability) {
    abilities.delete(key);
  } else {
    ability = createMongoAbility<AppAbility>(rulesFor(viewer), {
      detectSubjectType: (o) => detectSubjectType(o as Record<string, unknown>),
    });
    if (abilities.size >= ABILITIES_KEPT) abilities.delete(abilities.keys().next().value!);
  }
  abilities.set(key, ability);
  return ability;
}

/** Tags a plain object or entity with its subject type for `ability.can()`. */
export function subjectOf(type: SubjectName, object: object): Record<string, unknown> {
  return asSubject(type, object as Record<string, unknown>);
}
