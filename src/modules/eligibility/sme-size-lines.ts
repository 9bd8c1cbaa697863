/**
 * The size lines of 中小企业划型标准规定 (工信部联企业〔2011〕300号, art. 4),
 * per sector, as data. Each class names the least of each measure it needs
 * ("X及以上"): a firm is of the highest class whose every minimum it reaches,
 * else MICRO. The LARGE row is the SME line: the text makes a firm an SME when
 * it is under any one of the sector's measures ("…以下或…以下的为中小微型企业"),
 * so only a firm at or over all of them is LARGE.
 *
 * Money in yuan (the text gives 万元), staff in persons (从业人员).
 */
import Decimal from 'decimal.js';
import { SizeClass } from '../enterprise/enterprise.enums';

export enum SizeSector {
  AGRICULTURE = 'AGRICULTURE',
  INDUSTRY = 'INDUSTRY',
  CONSTRUCTION = 'CONSTRUCTION',
  WHOLESALE = 'WHOLESALE',
  RETAIL = 'RETAIL',
  TRANSPORT = 'TRANSPORT',
  WAREHOUSING = 'WAREHOUSING',
  POSTAL = 'POSTAL',
  ACCOMMODATION = 'ACCOMMODATION',
  CATERING = 'CATERING',
  INFORMATION_TRANSMISSION = 'INFORMATION_TRANSMISSION',
  SOFTWARE_AND_IT_SERVICES = 'SOFTWARE_AND_IT_SERVICES',
  REAL_ESTATE_DEVELOPMENT = 'REAL_ESTATE_DEVELOPMENT',
  PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT',
  LEASING_AND_BUSINESS_SERVICES = 'LEASING_AND_BUSINESS_SERVICES',
  /** 其他未列明行业: staff only. */
  OTHER = 'OTHER',
}

/** The least of each measure a class needs; a measure left out is not one of the sector's. */
export interface SizeMinimum {
  employees?: number;
  revenue?: string;
  totalAssets?: string;
}

export interface SectorSizeLines {
  sector: SizeSector;
  /** The item of art. 4 the lines come from. */
  article: string;
  large: SizeMinimum;
  medium: SizeMinimum;
  small: SizeMinimum;
}

const wan = (n: number) => String(n * 10_000);

export const SIZE_LINES: readonly SectorSizeLines[] = [
  {
    sector: SizeSector.AGRICULTURE,
    article: '4(1) 农、林、牧、渔业',
    large: { revenue: wan(20000) },
    medium: { revenue: wan(500) },
    small: { revenue: wan(50) },
  },
  {
    sector: SizeSector.INDUSTRY,
    article: '4(2) 工业',
    large: { employees: 1000, revenue: wan(40000) },
    medium: { employees: 300, revenue: wan(2000) },
    small: { employees: 20, revenue: wan(300) },
  },
  {
    sector: SizeSector.CONSTRUCTION,
    article: '4(3) 建筑业',
    large: { revenue: wan(80000), totalAssets: wan(80000) },
    medium: { revenue: wan(6000), totalAssets: wan(5000) },
    small: { revenue: wan(300), totalAssets: wan(300) },
  },
  {
    sector: SizeSector.WHOLESALE,
    article: '4(4) 批发业',
    large: { employees: 200, revenue: wan(40000) },
    medium: { employees: 20, revenue: wan(5000) },
    small: { employees: 5, revenue: wan(1000) },
  },
  {
    sector: SizeSector.RETAIL,
    article: '4(5) 零售业',
    large: { employees: 300, revenue: wan(20000) },
    medium: { employees: 50, revenue: wan(500) },
    small: { employees: 10, revenue: wan(100) },
  },
  {
    sector: SizeSector.TRANSPORT,
    article: '4(6) 交通运输业',
    large: { employees: 1000, revenue: wan(30000) },
    medium: { employees: 300, revenue: wan(3000) },
    small: { employees: 20, revenue: wan(200) },
  },
  {
    sector: SizeSector.WAREHOUSING,
    article: '4(7) 仓储业',
    large: { employees: 200, revenue: wan(30000) },
    medium: { employees: 100, revenue: wan(1000) },
    small: { employees: 20, revenue: wan(100) },
  },
  {
    sector: SizeSector.POSTAL,
    article: '4(8) 邮政业',
    large: { employees: 1000, revenue: wan(30000) },
    medium: { employees: 300, revenue: wan(2000) },
    small: { employees: 20, revenue: wan(100) },
  },
  {
    sector: SizeSector.ACCOMMODATION,
    article: '4(9) 住宿业',
    large: { employees: 300, revenue: wan(10000) },
    medium: { employees: 100, revenue: wan(2000) },
    small: { employees: 10, revenue: wan(100) },
  },
  {
    sector: SizeSector.CATERING,
    article: '4(10) 餐饮业',
    large: { employees: 300, revenue: wan(10000) },
    medium: { employees: 100, revenue: wan(2000) },
    small: { employees: 10, revenue: wan(100) },
  },
  {
    sector: SizeSector.INFORMATION_TRANSMISSION,
    article: '4(11) 信息传输业',
    large: { employees: 2000, revenue: wan(100000) },
    medium: { employees: 100, revenue: wan(1000) },
    small: { employees: 10, revenue: wan(100) },
  },
  {
    sector: SizeSector.SOFTWARE_AND_IT_SERVICES,
    article: '4(12) 软件和信息技术服务业',
    large: { employees: 300, revenue: wan(10000) },
    medium: { employees: 100, revenue: wan(1000) },
    small: { employees: 10, revenue: wan(50) },
  },
  {
    sector: SizeSector.REAL_ESTATE_DEVELOPMENT,
    article: '4(13) 房地产开发经营',
    large: { revenue: wan(200000), totalAssets: wan(10000) },
    medium: { revenue: wan(1000), totalAssets: wan(5000) },
    small: { revenue: wan(100), totalAssets: wan(2000) },
  },
  {
    sector: SizeSector.PROPERTY_MANAGEMENT,
    article: '4(14) 物业管理',
    large: { employees: 1000, revenue: wan(5000) },
    medium: { employees: 300, revenue: wan(1000) },
    small: { employees: 100, revenue: wan(500) },
  },
  {
    sector: SizeSector.LEASING_AND_BUSINESS_SERVICES,
    article: '4(15) 租赁和商务服务业',
    large: { employees: 300, totalAssets: wan(120000) },
    medium: { employees: 100, totalAssets: wan(8000) },
    small: { employees: 10, totalAssets: wan(100) },
  },
  { sector: SizeSector.OTHER, article: '4(16) 其他未列明行业', large: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
];

/**
 * The sector of a GB/T 4754-2017 industry ("C34 通用设备制造业", "K7010 …"):
 * the section letter, and for the sections the standard splits, the
 * division (F51 wholesale, F52 retail; G59 warehousing, G60 postal; H61
 * accommodation, H62 catering; I63–I64 transmission, I65 software) or the
 * group (K701 development, K702 property management). Null when the text
 * does not start with a code.
 */
export function sectorOfIndustry(industry: string | null | undefined): SizeSector | null {
  const m = /^\s*([A-T])(\d{2})?(\d)?/.exec(industry ?? '');
  if (!m) return null;
  const [, section, division, group] = m;
  const div = division == null ? null : Number(division);
  switch (section) {
    case 'A':
      return SizeSector.AGRICULTURE;
    case 'B':
    case 'C':
    case 'D':
      return SizeSector.INDUSTRY;
    case 'E':
      return SizeSector.CONSTRUCTION;
    case 'F':
      return div === 51 ? SizeSector.WHOLESALE : div === 52 ? SizeSector.RETAIL : null;
    case 'G':
      if (div == null) return null;
      return div === 59 ? SizeSector.WAREHOUSING : div === 60 ? SizeSector.POSTAL : SizeSector.TRANSPORT;
    case 'H':
      return div === 61 ? SizeSector.ACCOMMODATION : div === 62 ? SizeSector.CATERING : null;
    case 'I':
      if (div == null) return null;
      return div === 65 ? SizeSector.SOFTWARE_AND_IT_SERVICES : SizeSector.INFORMATION_TRANSMISSION;
    case 'K':
      // K has the one division 70; without its group the two lines cannot be told apart.
      if (group == null) return null;
      return group === '1' ? SizeSector.REAL_ESTATE_DEVELOPMENT : group === '2' ? SizeSector.PROPERTY_MANAGEMENT : SizeSector.OTHER;
    case 'L':
      return SizeSector.LEASING_AND_BUSINESS_SERVICES;
    default:
      return SizeSector.OTHER;
  }
}

export interface SizeMeasures {
  employees: number | null;
  revenue: Decimal | null;
  totalAssets: Decimal | null;
}

/** The measures a sector's lines read. */
export function measuresOf(lines: SectorSizeLines): (keyof SizeMinimum)[] {
  return (['employees', 'revenue', 'totalAssets'] as const).filter((m) => lines.large[m] != null);
}

function reaches(min: SizeMinimum, m: SizeMeasures): boolean {
  return (
    (min.employees == null || m.employees! >= min.employees) &&
    (min.revenue == null || m.revenue!.gte(min.revenue)) &&
    (min.totalAssets == null || m.totalAssets!.gte(min.totalAssets))
  );
}

/** The size class by the sector's lines; every measure the sector reads must be given. */
export function sizeClassOf(lines: SectorSizeLines, m: SizeMeasures): SizeClass {
  if (reaches(lines.large, m)) return SizeClass.LARGE;
  if (reaches(lines.medium, m)) return SizeClass.MEDIUM;
  if (reaches(lines.small, m)) return SizeClass.SMALL;
  return SizeClass.MICRO;
}

export function sizeLinesOf(sector: SizeSector): SectorSizeLines {
  return SIZE_LINES.find((l) => l.sector === sector)!;
}
