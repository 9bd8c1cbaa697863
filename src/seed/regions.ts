import { Queryable } from './bulk-insert';
import { Rng, WeightedPicker } from './random';

/**
 * The GB/T 2260 table as the generators need it: where enterprises can be
 * registered, which authority recommends them, and short place names for
 * company names. Read from the region table, never from a copy.
 */
export interface RegionInfo {
  code: string;
  name: string;
  level: 'PROVINCE' | 'PREFECTURE' | 'COUNTY';
  parentCode: string | null;
}

/** The plan-listed cities (计划单列市): they recommend little giants themselves, like provinces. */
export const PLAN_LISTED_CITIES: ReadonlySet<string> = new Set(['210200', '370200', '330200', '350200', '440300']);

/** The NBS "eastern region": Beijing, Tianjin, Hebei, Shanghai, Jiangsu, Zhejiang, Fujian, Shandong, Guangdong, Hainan. */
export const EAST_PROVINCES: ReadonlySet<string> = new Set([
  '110000',
  '120000',
  '130000',
  '310000',
  '320000',
  '330000',
  '350000',
  '370000',
  '440000',
  '460000',
]);

/**
 * Shares of SRDI firms by province, in percent, after the published
 * little-giant lists: the east holds 60%, the coastal manufacturing provinces
 * most of it, the far west very little.
 */
export const NATIONAL_PROVINCE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['110000', 5.5],
  ['120000', 2.5],
  ['130000', 4.0],
  ['310000', 5.0],
  ['320000', 10.5],
  ['330000', 10.5],
  ['350000', 3.5],
  ['370000', 8.0],
  ['440000', 10.0],
  ['460000', 0.5],
  // centre
  ['140000', 1.2],
  ['340000', 5.0],
  ['360000', 2.5],
  ['410000', 3.5],
  ['420000', 5.3],
  ['430000', 4.0],
  // north-east
  ['210000', 2.3],
  ['220000', 0.9],
  ['230000', 0.8],
  // west
  ['150000', 0.8],
  ['450000', 1.2],
  ['500000', 2.8],
  ['510000', 3.5],
  ['520000', 1.0],
  ['530000', 1.0],
  ['540000', 0.1],
  ['610000', 2.2],
  ['620000', 0.6],
  ['630000', 0.2],
  ['640000', 0.4],
  ['650000', 0.7],
];

/** Industrial centres that hold more than their share of SRDI firms within their province. */
const HUBS: ReadonlySet<string> = new Set([
  '320500',
  '320100',
  '320200',
  '320400',
  '330100',
  '330200',
  '330400',
  '330700',
  '440300',
  '440100',
  '441900',
  '440600',
  '350200',
  '350100',
  '350500',
  '370200',
  '370100',
  '370700',
  '510100',
  '420100',
  '340100',
  '610100',
  '430100',
  '410100',
  '500100',
  '210100',
  '210200',
  '130100',
  '360100',
  '450100',
]);

export const PROVINCE_SHORT_NAMES: Readonly<Record<string, string>> = {
  '110000': '北京',
  '120000': '天津',
  '130000': '河北',
  '140000': '山西',
  '150000': '内蒙古',
  '210000': '辽宁',
  '220000': '吉林',
  '230000': '黑龙江',
  '310000': '上海',
  '320000': '江苏',
  '330000': '浙江',
  '340000': '安徽',
  '350000': '福建',
  '360000': '江西',
  '370000': '山东',
  '410000': '河南',
  '420000': '湖北',
  '430000': '湖南',
  '440000': '广东',
  '450000': '广西',
  '460000': '海南',
  '500000': '重庆',
  '510000': '四川',
  '520000': '贵州',
  '530000': '云南',
  '540000': '西藏',
  '610000': '陕西',
  '620000': '甘肃',
  '630000': '青海',
  '640000': '宁夏',
  '650000': '新疆',
};

/** Prefecture rows that are groupings, not places a company name starts with. */
const NOT_A_PLACE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const ETHNIC_PART =
  /(朝鲜族|土家族|藏族|彝族|布依族|苗族|傣族|哈尼族|壮族|白族|傈僳族|回族|蒙古|柯尔克孜|哈萨克|羌族|侗族|黎族|瑶族|满族|畲族|仡佬族|水族|景颇族|纳西族|土族|撒拉族|保安族|东乡族|裕固族|达斡尔族|鄂温克族|鄂伦春族|锡伯族|仫佬族|毛南族|拉祜族|佤族|各族|自治)/;

/** "苏州市" → "苏州", "延边朝鲜族自治州" → "延边", "阿克苏地区" → "阿克苏"; null for groupings like "市辖区". */
export function shortPlaceName(name: string): string | null {
  if (NOT_A_PLACE.test(name)) return null;
  let s = name;
  const m = ETHNIC_PART.exec(s);
  if (m && m.index > 0) s = s.slice(0, m.index);
  s = s.replace(/(特别行政区|地区|林区|新区|市|盟|区|县|旗)$/, '');
  return s.length >= 2 ? s : name;
}

export class RegionCatalog {
  private readonly byCode = new Map<string, RegionInfo>();
  private readonly children = new Map<string, RegionInfo[]>();

  constructor(rows: readonly RegionInfo[]) {
    for (const r of rows) this.byCode.set(r.code, r);
    for (const r of rows) {
      if (r.parentCode === null) continue;
      const list = this.children.get(r.parentCode) ?? [];
      list.push(r);
      this.children.set(r.parentCode, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }

  static async load(db: Queryable): Promise<RegionCatalog> {
    const rows = (await db.query(`SELECT code, name, level, parent_code AS "parentCode" FROM region ORDER BY code`)) as RegionInfo[];
    if (rows.length === 0) throw new Error('the region table is empty: run the migrations first');
    return new RegionCatalog(rows);
  }

  get(code: string): RegionInfo {
    const r = this.byCode.get(code);
    if (!r) throw new RangeError(`region ${code} is not in the region table`);
    return r;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  childrenOf(code: string): readonly RegionInfo[] {
    return this.children.get(code) ?? [];
  }

  provinces(): RegionInfo[] {
    return [...this.byCode.values()].filter((r) => r.level === 'PROVINCE');
  }

  provinceOf(code: string): RegionInfo {
    let r = this.get(code);
    while (r.parentCode !== null) r = this.get(r.parentCode);
    return r;
  }

  /** The prefecture a region belongs to (itself for a prefecture), or null for a province. */
  prefectureOf(code: string): RegionInfo | null {
    let r = this.get(code);
    while (r.level === 'COUNTY' && r.parentCode !== null) r = this.get(r.parentCode);
    return r.level === 'PREFECTURE' ? r : null;
  }

  /** Who recommends a little giant registered here: a plan-listed city, or else the province. */
  littleGiantAuthority(code: string): string {
    const pref = this.prefectureOf(code);
    if (pref && PLAN_LISTED_CITIES.has(pref.code)) return pref.code;
    return this.provinceOf(code).code;
  }

  /** The city-level body that first checks a provincial application: the prefecture, or the province for municipalities. */
  cityAuthority(code: string): string {
    const pref = this.prefectureOf(code);
    if (!pref || NOT_A_PLACE.test(pref.name)) return this.provinceOf(code).code;
    return pref.code;
  }

  /**
   * A place name for a company registered at `code`: usually the city
   * ("苏州"), sometimes the city with 市, the province ("江苏") or a
   * county-level city ("昆山").
   */
  companyPlaceName(rng: Rng, code: string): string {
    const province = PROVINCE_SHORT_NAMES[this.provinceOf(code).code] ?? shortPlaceName(this.provinceOf(code).name)!;
    const region = this.get(code);
    const pref = this.prefectureOf(code);
    const prefShort = pref ? shortPlaceName(pref.name) : null;
    const roll = rng.next();
    if (region.level === 'COUNTY' && region.name.endsWith('市') && roll < 0.35) {
      return shortPlaceName(region.name) ?? province;
    }
    if (prefShort === null || roll > 0.92) return province;
    if (roll > 0.82 && pref!.name.endsWith('市')) return pref!.name;
    return prefShort;
  }
}

/**
 * Draws a registration place: province by the given weights, then a
 * prefecture (hubs and provincial capitals weigh more), then one of its
 * counties (or the prefecture itself when it has none, like Dongguan).
 */
export class PlacePicker {
  private readonly prefectures = new Map<string, WeightedPicker<RegionInfo>>();

  constructor(
    private readonly catalog: RegionCatalog,
    options: { hubWeight?: number; boost?: Readonly<Record<string, number>> } = {},
  ) {
    const hubWeight = options.hubWeight ?? 4;
    for (const province of catalog.provinces()) {
      const prefs = catalog.childrenOf(province.code).filter((p) => p.level === 'PREFECTURE');
      if (prefs.length === 0) continue;
      const weights = prefs.map((p, i) => {
        let w = 1 + catalog.childrenOf(p.code).length / 8;
        if (HUBS.has(p.code)) w *= hubWeight;
        else if (i === 0) w *= 2; // the provincial capital is listed first
        if (NOT_A_PLACE.test(p.name) && prefs.length > 1) w *= 0.4;
        return w * (options.boost?.[p.code] ?? 1);
      });
      this.prefectures.set(province.code, new WeightedPicker(prefs, weights));
    }
  }

  /** A county (or county-less prefecture) code within `provinceCode`. */
  pick(rng: Rng, provinceCode: string): string {
    const picker = this.prefectures.get(provinceCode);
    if (!picker) throw new RangeError(`no prefectures under ${provinceCode}`);
    const pref = picker.pick(rng);
    const counties = this.catalog.childrenOf(pref.code);
    return counties.length === 0 ? pref.code : rng.pick(counties).code;
  }
}
