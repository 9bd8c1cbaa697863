import Decimal from 'decimal.js';
import { SizeClass } from '../../../src/modules/enterprise/enterprise.enums';
import { sectorOfIndustry, SizeSector, sizeClassOf, sizeLinesOf, SIZE_LINES } from '../../../src/modules/eligibility/sme-size-lines';

/** Lines of 工信部联企业〔2011〕300号, art. 4, worked by hand: 万元 × 10,000 yuan. */

const measures = (employees: number | null, revenue: string | null, totalAssets: string | null = null) => ({
  employees,
  revenue: revenue == null ? null : new Decimal(revenue),
  totalAssets: totalAssets == null ? null : new Decimal(totalAssets),
});

describe('the sector of a GB/T 4754 industry', () => {
  it.each([
    ['A01 农业', SizeSector.AGRICULTURE],
    ['B06 煤炭开采和洗选业', SizeSector.INDUSTRY],
    ['C34 通用设备制造业', SizeSector.INDUSTRY],
    ['D44 电力、热力生产和供应业', SizeSector.INDUSTRY],
    ['E47 房屋建筑业', SizeSector.CONSTRUCTION],
    ['F51 批发业', SizeSector.WHOLESALE],
    ['F52 零售业', SizeSector.RETAIL],
    ['G54 道路运输业', SizeSector.TRANSPORT],
    ['G59 装卸搬运和仓储业', SizeSector.WAREHOUSING],
    ['G60 邮政业', SizeSector.POSTAL],
    ['H61 住宿业', SizeSector.ACCOMMODATION],
    ['H62 餐饮业', SizeSector.CATERING],
    ['I63 电信、广播电视和卫星传输服务', SizeSector.INFORMATION_TRANSMISSION],
    ['I65 软件和信息技术服务业', SizeSector.SOFTWARE_AND_IT_SERVICES],
    ['K7010 房地产开发经营', SizeSector.REAL_ESTATE_DEVELOPMENT],
    ['K7020 物业管理', SizeSector.PROPERTY_MANAGEMENT],
    ['K7030 房地产中介服务', SizeSector.OTHER],
    ['L72 商务服务业', SizeSector.LEASING_AND_BUSINESS_SERVICES],
    ['M74 专业技术服务业', SizeSector.OTHER],
  ])('%s → %s', (industry, sector) => {
    expect(sectorOfIndustry(industry)).toBe(sector);
  });

  it('reads a section letter alone where the section is not split, and a code after leading spaces', () => {
    expect(sectorOfIndustry('B 采矿业')).toBe(SizeSector.INDUSTRY);
    expect(sectorOfIndustry('A 农、林、牧、渔业')).toBe(SizeSector.AGRICULTURE);
    expect(sectorOfIndustry('L 租赁和商务服务业')).toBe(SizeSector.LEASING_AND_BUSINESS_SERVICES);
    expect(sectorOfIndustry('  C34 通用设备制造业')).toBe(SizeSector.INDUSTRY);
  });

  it('a code must open the text: one further on is not read as the industry', () => {
    expect(sectorOfIndustry('制造业 C34')).toBeNull();
    expect(sectorOfIndustry('Zhejiang C34')).toBeNull();
  });

  it('transport and information services are split by division: their section letter alone cannot tell', () => {
    expect(sectorOfIndustry('G 交通运输、仓储和邮政业')).toBeNull();
    expect(sectorOfIndustry('I 信息传输、软件和信息技术服务业')).toBeNull();
  });

  it('cannot tell without a code, or where the section is split and the division is not given', () => {
    for (const industry of ['机械制造', '', null, 'F 批发和零售业', 'K70 房地产业', 'H 住宿和餐饮业']) expect(sectorOfIndustry(industry)).toBeNull();
  });
});

describe('the size class by the lines', () => {
  const industry = sizeLinesOf(SizeSector.INDUSTRY);

  it('industry: LARGE only at 1,000 staff and ¥400m both; medium from 300 and ¥20m; small from 20 and ¥3m; else micro', () => {
    expect(sizeClassOf(industry, measures(1000, '400000000'))).toBe(SizeClass.LARGE);
    expect(sizeClassOf(industry, measures(999, '4000000000'))).toBe(SizeClass.MEDIUM);
    expect(sizeClassOf(industry, measures(5000, '399999999.99'))).toBe(SizeClass.MEDIUM);
    expect(sizeClassOf(industry, measures(300, '20000000'))).toBe(SizeClass.MEDIUM);
    expect(sizeClassOf(industry, measures(299, '20000000'))).toBe(SizeClass.SMALL);
    expect(sizeClassOf(industry, measures(20, '3000000'))).toBe(SizeClass.SMALL);
    expect(sizeClassOf(industry, measures(20, '2999999.99'))).toBe(SizeClass.MICRO);
  });

  it('construction reads revenue and total assets; leasing and business services staff and total assets; agriculture revenue alone', () => {
    const building = sizeLinesOf(SizeSector.CONSTRUCTION);
    expect(sizeClassOf(building, measures(null, '800000000', '800000000'))).toBe(SizeClass.LARGE);
    expect(sizeClassOf(building, measures(null, '800000000', '799999999'))).toBe(SizeClass.MEDIUM);
    const leasing = sizeLinesOf(SizeSector.LEASING_AND_BUSINESS_SERVICES);
    expect(sizeClassOf(leasing, measures(300, null, '1200000000'))).toBe(SizeClass.LARGE);
    expect(sizeClassOf(leasing, measures(10, null, '1000000'))).toBe(SizeClass.SMALL);
    const farming = sizeLinesOf(SizeSector.AGRICULTURE);
    expect(sizeClassOf(farming, measures(null, '200000000'))).toBe(SizeClass.LARGE);
    expect(sizeClassOf(farming, measures(null, '499999'))).toBe(SizeClass.MICRO);
  });

  it('has lines for all sixteen sectors, each class needing no more than the one above it', () => {
    expect(SIZE_LINES.map((l) => l.sector).sort()).toEqual(Object.values(SizeSector).sort());
    for (const l of SIZE_LINES) {
      for (const m of ['employees', 'revenue', 'totalAssets'] as const) {
        const [large, medium, small] = [l.large[m], l.medium[m], l.small[m]].map((v) => (v == null ? null : Number(v)));
        expect([l.sector, m, large == null, medium == null, small == null]).toEqual([l.sector, m, large == null, large == null, large == null]);
        if (large != null) expect(large > medium! && medium! > small!).toBe(true);
      }
    }
  });
});
