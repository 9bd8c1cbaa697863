import { createMongoAbility, MongoAbility, RawRuleOf, subject as asSubject } from '@casl/ability';
import { Viewer } from '../auth/viewer';
import { PLAN_LISTED_CITIES } from '../core/region-code';
import { isRegionCode, regionLevelOfCode } from '../core/region-code';
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

/** A range no code lies in: the placeholder of a range a caller does not have. */
const NO_RANGE = { lo: '999999', hi: '000000' };

const codeRange = (lo: number, hi: number) => ({ lo: String(lo).padStart(6, '0'), hi: String(hi).padStart(6, '0') });

/**
 * The code ranges of the enterprises whose little-giant applications the
 * local government of `code` recommends: a plan-listed city (计划单列市) its
 * own; a province the whole province but its plan-listed city (the codes on
 * either side of it); any other level none. Always two, NO_RANGE for none.
 */
export function littleGiantRanges(code: string): [{ lo: string; hi: string }, { lo: string; hi: string }] {
  if (PLAN_LISTED_CITIES.includes(code)) return [regionRange(code), NO_RANGE];
  if (regionLevelOfCode(code) !== 'PROVINCE') return [NO_RANGE, NO_RANGE];
  const province = regionRange(code);
  const city = PLAN_LISTED_CITIES.find((c) => c.startsWith(code.slice(0, 2)));
  if (!city) return [province, NO_RANGE];
  const { lo, hi } = regionRange(city);
  return [codeRange(Number(province.lo), Number(lo) - 1), codeRange(Number(hi) + 1, Number(province.hi))];
}

function placeholders(viewer: Viewer): Record<string, string | undefined> {
  const range = viewer.regionCode ? regionRange(viewer.regionCode) : undefined;
  const littleGiants = viewer.regionCode ? littleGiantRanges(viewer.regionCode) : undefined;
  return {
    enterpriseId: viewer.enterpriseId,
    platformId: viewer.platformId,
    regionLo: range?.lo,
    regionHi: range?.hi,
    littleGiantLo1: littleGiants?.[0].lo,
    littleGiantHi1: littleGiants?.[0].hi,
    littleGiantLo2: littleGiants?.[1].lo,
    littleGiantHi2: littleGiants?.[1].hi,
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
  return `${viewer.role}:${Object.values(placeholders(viewer))
    .map((v) => v ?? '')
    .join(':')}`;
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
      detectSubjectType: (o) => detectSubjectType(o),
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
