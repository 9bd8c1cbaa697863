/**
 * GB/T 2260 region codes: six digits, province (2) + prefecture (2) + county (2).
 *
 * These helpers read a code's shape only. The level stored in the region table
 * is authoritative: a few county-level cities share their code with the
 * prefecture (Dongguan 441900, Zhongshan 442000, Danzhou 460400) and read as
 * prefectures here, and a syntactically valid code need not exist at all.
 */

export type RegionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

const REGION_CODE_RE = /^[1-9][0-9]{5}$/;

/** Exactly six ASCII digits, not starting with '0'. Says nothing about whether the region exists. */
export function isRegionCode(s: string): boolean {
  return REGION_CODE_RE.test(s);
}

function assertRegionCode(code: string): void {
  if (!isRegionCode(code)) {
    throw new RangeError(`Expected a six-digit region code, got ${JSON.stringify(code)}.`);
  }
}

/** The level a code reads as from its trailing zeros: xx0000 province, xxxx00 prefecture, otherwise county. */
export function regionLevelOfCode(code: string): RegionLevel {
  assertRegionCode(code);
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'PREFECTURE';
  return 'COUNTY';
}

/** "320102" -> "320000". */
export function provinceCodeOf(code: string): string {
  assertRegionCode(code);
  return `${code.slice(0, 2)}0000`;
}

/** "320102" -> "320100"; a prefecture code maps to itself; null for a province. */
export function prefectureCodeOf(code: string): string | null {
  assertRegionCode(code);
  if (code.endsWith('0000')) return null;
  return `${code.slice(0, 4)}00`;
}

/** The 5 plan-listed cities (计划单列市), which recommend little giants like a province. */
export const PLAN_LISTED_CITIES: readonly string[] = ['210200', '370200', '330200', '350200', '440300'];
