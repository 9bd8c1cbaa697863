import fc from 'fast-check';
import { CertificationStatus } from '../../src/modules/certification/certification.enums';
import { checkCreditCode, creditCodeProvince } from '../../src/modules/enterprise/credit-code.rules';
import { ProductField, SizeClass, Tier } from '../../src/modules/enterprise/enterprise.enums';
import { centsToMoney, compareMoney } from '../../src/core/money';
import { insertSql } from '../../src/seed/bulk-insert';
import { liftToApplicationBar, nicheYearsRequired } from '../../src/seed/applicants';
import { evaluate } from '../../src/modules/eligibility/evaluate';
import { ruleSetsInForce } from '../../src/modules/eligibility/rule-sets';
import { littleGiantTimeline, provincialTimeline, ruleSetFor } from '../../src/seed/certifications';
import { EvaluationPurpose, IndicatorResult } from '../../src/modules/eligibility/eligibility.enums';
import { CreditCodeFactory } from '../../src/seed/credit-codes';
import { day, isoDate, REFERENCE_DAY } from '../../src/seed/dates';
import { fenToMoney, generateFinancials, sizeClassOf } from '../../src/seed/financials';
import { CompanyNamer, INDUSTRIES, LINES_OF_BUSINESS } from '../../src/seed/names';
import { apportion, IdFactory, Rng } from '../../src/seed/random';
import { shortPlaceName } from '../../src/seed/regions';
import { FINANCIAL_REPORT } from '../../src/seed/tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MONEY = /^(0|[1-9][0-9]*)\.[0-9]{2}$/;

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('keeps int() within bounds and reaches both ends', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const counts = apportion(total, weights);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          counts.forEach((c, i) => expect(Math.abs(c - (weights[i] / sum) * total)).toBeLessThanOrEqual(1));
        },
      ),
    );
  });

  it('gives every option one when asked and the total allows', () => {
    expect(apportion(10, [1000, 1, 1], true)).toEqual([8, 1, 1]);
    expect(apportion(2, [1000, 1, 1], true).reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe('IdFactory', () => {
  it('makes unique, ascending, reproducible UUIDs', () => {
    const ids = (seed: number) => {
      const f = new IdFactory(new Rng(seed));
      return Array.from({ length: 20_000 }, () => f.next());
    };
    const a = ids(5);
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((id) => !UUID.test(id))).toEqual([]);
    expect(a.filter((id, i) => i > 0 && id <= a[i - 1])).toEqual([]);
    expect(ids(5).join()).toBe(a.join());
    expect(ids(6)[0]).not.toBe(a[0]);
  });
});

describe('fenToMoney', () => {
  it('agrees with the Money helpers for any amount of fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(fenToMoney(fen)).toBe(centsToMoney(BigInt(fen)));
      }),
    );
    expect(() => fenToMoney(1.5)).toThrow(RangeError);
    expect(() => fenToMoney(-1)).toThrow(RangeError);
  });
});

describe('generateFinancials', () => {
  const money = (s: string | null) => (s === null ? null : s);

  it('produces internally consistent figures for every kind of firm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom('LITTLE_GIANT', 'SRDI', 'INNOVATIVE', 'NONE' as const), (seed, firmClass) => {
        const f = generateFinancials(new Rng(seed), { firmClass });
        expect(f.rows.map((r) => r.year)).toEqual([2023, 2024, 2025]);
        for (const r of f.rows) {
          for (const m of [r.revenue, r.main_business_revenue, r.rd_expense, r.total_assets, r.total_liabilities, r.new_equity_financing]) {
            if (money(m) !== null) expect(m).toMatch(MONEY);
          }
          expect(compareMoney(r.main_business_revenue!, r.revenue!)).toBeLessThanOrEqual(0);
          expect(compareMoney(r.rd_expense!, r.revenue!)).toBeLessThanOrEqual(0);
          expect(r.rd_staff!).toBeLessThanOrEqual(r.employees!);
          const share = Number(r.niche_market_share);
          expect(share >= 0 && share <= 100).toBe(true);
        }
        if (firmClass !== 'NONE') expect(f.sizeClass).not.toBe(SizeClass.LARGE);
      }),
      { numRuns: 300 },
    );
  });

  it('meets the 2022 little-giant criteria when compliant, and breaks exactly one when not', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const compliant = seed % 4 !== 0;
      const f = generateFinancials(new Rng(seed), { firmClass: 'LITTLE_GIANT', compliant });
      const [y23, y24, y25] = f.rows.map((r) => ({
        rev: Number(r.revenue),
        main: Number(r.main_business_revenue),
        rd: Number(r.rd_expense),
        debt: Number(r.total_liabilities) / Number(r.total_assets),
        ip: r.class1_ip_count!,
        niche: Number(r.niche_market_share),
      }));
      const rdBand = y25.rev >= 100e6 ? 0.03 : 0.06;
      const checks = {
        MAIN_BUSINESS_SHARE: y25.main / y25.rev >= 0.7,
        GROWTH: (y24.main / y23.main + y25.main / y24.main) / 2 - 1 >= 0.05,
        DEBT_RATIO: y25.debt <= 0.7,
        RD_INTENSITY: y24.rd / y24.rev >= rdBand && y25.rd / y25.rev >= rdBand,
        IP_RIGHTS: y25.ip >= 2,
        NICHE_SHARE: y25.niche >= 10,
      };
      const failed = Object.entries(checks)
        .filter(([, ok]) => !ok)
        .map(([k]) => k);
      expect([seed, failed]).toEqual([seed, compliant ? [] : [f.breach]]);
    }
  });

  it('leaves figures out for firms with a gap', () => {
    const f = generateFinancials(new Rng(3), { firmClass: 'SRDI', gap: 'LATE_FIRST_YEAR' });
    expect(f.rows[0].revenue).toMatch(MONEY);
    expect(f.rows[0].main_business_revenue).toBeNull();
    expect(f.rows[1].main_business_revenue).toMatch(MONEY);
    expect(generateFinancials(new Rng(3), { firmClass: 'NONE', gap: 'NO_NICHE_SHARE' }).rows.every((r) => r.niche_market_share === null)).toBe(true);
  });

  it('classifies size by the 2011 industrial lines', () => {
    expect(sizeClassOf(1200, 500_000_000_00)).toBe(SizeClass.LARGE);
    expect(sizeClassOf(1200, 300_000_000_00)).toBe(SizeClass.MEDIUM);
    expect(sizeClassOf(300, 20_000_000_00)).toBe(SizeClass.MEDIUM);
    expect(sizeClassOf(299, 20_000_000_00)).toBe(SizeClass.SMALL);
    expect(sizeClassOf(20, 3_000_000_00)).toBe(SizeClass.SMALL);
    expect(sizeClassOf(19, 100_000_000_00)).toBe(SizeClass.MICRO);
  });
});

describe('credit codes and names', () => {
  it('makes unique codes that pass GB 32100 and keep the registration region', () => {
    const f = new CreditCodeFactory();
    const rng = new Rng(9);
    const codes = Array.from({ length: 20_000 }, (_, i) => f.next(rng, '91', i % 2 ? '320505' : '440305', 2000 + (i % 25)));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => checkCreditCode(c) !== null || !['320000', '440000'].includes(creditCodeProvince(c)))).toEqual([]);
    expect(codes.filter((c) => c.slice(8, 10) === 'MA').length).toBeGreaterThan(0);
  });

  it('never repeats a reserved code', () => {
    const f = new CreditCodeFactory();
    f.reserve('9132050574371952XF');
    const rng = new Rng(1);
    for (let i = 0; i < 2000; i++) expect(f.next(rng, '91', '320505', 2002)).not.toBe('9132050574371952XF');
  });

  it('names companies like registrations: place, trade name, business, legal form', () => {
    const namer = new CompanyNamer();
    namer.reserve('苏州精研精密机械股份有限公司');
    const rng = new Rng(2);
    const names = Array.from({ length: 5_000 }, () => namer.name(rng, '苏州', ProductField.CORE_BASIC_COMPONENTS, 'LITTLE_GIANT'));
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length);
    const shape = /^苏州.{2,3}(精密机械|轴承|液压|传动科技|密封科技|精密部件|紧固件|齿轮)(科技)?(股份)?有限公司$/;
    expect(names.filter((n) => !shape.test(n.name) || !['C34 通用设备制造业', 'C33 金属制品业'].includes(n.industry))).toEqual([]);
    expect(names.filter((n) => n.name.endsWith('股份有限公司')).length).toBeGreaterThan(names.length * 0.4);
    expect(names.map((n) => n.name)).not.toContain('苏州精研精密机械股份有限公司');
  });

  it('maps every product field to GB/T 4754 divisions that exist', () => {
    for (const field of Object.values(ProductField)) {
      expect(LINES_OF_BUSINESS[field].length).toBeGreaterThan(0);
      for (const [, division] of LINES_OF_BUSINESS[field]) expect(INDUSTRIES[division]).toMatch(/^[A-Z][0-9]{2} /);
    }
  });

  it('shortens place names the way company names use them', () => {
    expect(shortPlaceName('苏州市')).toBe('苏州');
    expect(shortPlaceName('延边朝鲜族自治州')).toBe('延边');
    expect(shortPlaceName('巴音郭楞蒙古自治州')).toBe('巴音郭楞');
    expect(shortPlaceName('阿克苏地区')).toBe('阿克苏');
    expect(shortPlaceName('兴安盟')).toBe('兴安');
    expect(shortPlaceName('市辖区')).toBeNull();
    expect(shortPlaceName('沙县')).toBe('沙县');
  });
});

describe('certification timelines', () => {
  const rng = new Rng(11);

  it('renews, reviews and certifies the published batches as the calendar allows', () => {
    const b4 = littleGiantTimeline(rng, 4, CertificationStatus.RENEWED)!;
    expect([isoDate(b4.certifiedOn!), isoDate(b4.validUntil!), b4.batchNumber, b4.ruleSetCode]).toEqual([
      '2022-08-26',
      '2028-08-25',
      4,
      'MIIT-2022-63',
    ]);
    const b5 = littleGiantTimeline(rng, 5, CertificationStatus.RENEWED)!;
    expect(b5.ruleSetCode).toBe('MIIT-2022-63'); // re-reviewed in August 2026: the 2026 re-reviews still follow the 2022 standard
    expect(littleGiantTimeline(rng, 2, CertificationStatus.UNDER_REVIEW)?.status).toBe(CertificationStatus.UNDER_REVIEW);
    expect(littleGiantTimeline(rng, 7, CertificationStatus.CERTIFIED)?.validUntil).toBe(day('2028-09-11'));
    // A 2025 title cannot have lapsed yet; a 2019 one was never judged under rules that did not exist.
    expect(littleGiantTimeline(rng, 7, CertificationStatus.EXPIRED)).toBeNull();
    expect(littleGiantTimeline(rng, 1, CertificationStatus.CERTIFIED)).toBeNull();
  });

  it('puts a title in public notice now, without a batch number', () => {
    const t = littleGiantTimeline(rng, null, CertificationStatus.PUBLIC_NOTICE)!;
    expect(t.batchNumber).toBeNull();
    expect(t.certifiedOn).toBeNull();
    expect(t.noticeStart).toBeLessThan(REFERENCE_DAY);
    expect(t.noticeEnd).toBeGreaterThanOrEqual(REFERENCE_DAY);
    expect(t.ruleSetCode).toBe('MIIT-2026-2');
  });

  it('places provincial titles in any status, consistent with their dates', () => {
    for (const tier of [Tier.SRDI_SME, Tier.INNOVATIVE_SME]) {
      for (const status of Object.values(CertificationStatus)) {
        for (let i = 0; i < 30; i++) {
          const t = provincialTimeline(rng, tier, status);
          expect(t.status).toBe(status);
          if (status === CertificationStatus.PUBLIC_NOTICE) continue;
          expect(t.validUntil!).toBeGreaterThan(t.certifiedOn!);
          expect(t.noticeEnd).toBeLessThan(t.certifiedOn!);
          if (status === CertificationStatus.CERTIFIED || status === CertificationStatus.RENEWED)
            expect(t.validUntil!).toBeGreaterThan(REFERENCE_DAY);
          if (status === CertificationStatus.EXPIRED) expect(t.validUntil!).toBeLessThan(REFERENCE_DAY);
          if (status === CertificationStatus.REVOKED) expect(t.revokedOn!).toBeLessThan(REFERENCE_DAY);
          if (tier === Tier.INNOVATIVE_SME) expect(t.certifiedOn!).toBeGreaterThanOrEqual(day('2022-08-01'));
          expect(t.judgedOn).toBeGreaterThanOrEqual(day('2022-08-01'));
        }
      }
    }
  });

  it('names the rule set in force on the day of judgement', () => {
    expect(ruleSetFor(Tier.LITTLE_GIANT, day('2026-03-31'))).toBe('MIIT-2022-63');
    expect(ruleSetFor(Tier.LITTLE_GIANT, day('2026-04-01'))).toBe('MIIT-2026-2');
    expect(ruleSetFor(Tier.SRDI_SME, day('2026-03-31'))).toBe('SRDI-PROVINCIAL-2022');
    expect(ruleSetFor(Tier.SRDI_SME, day('2026-06-01'))).toBe('SRDI-PROVINCIAL-2026');
    expect(ruleSetFor(Tier.INNOVATIVE_SME, day('2024-06-01'))).toBe('INNOVATIVE-SME-2022');
    // A re-review in 2026 follows the 2022 little-giant standard; one in 2027 the 2026 standard.
    expect(ruleSetFor(Tier.LITTLE_GIANT, day('2026-08-26'), EvaluationPurpose.RE_REVIEW)).toBe('MIIT-2022-63');
    expect(ruleSetFor(Tier.LITTLE_GIANT, day('2027-01-01'), EvaluationPurpose.RE_REVIEW)).toBe('MIIT-2026-2');
    // Judged before any of the texts: the tier's earliest set.
    expect(ruleSetFor(Tier.LITTLE_GIANT, day('2021-07-01'))).toBe('MIIT-2022-63');
  });
});

describe('insertSql', () => {
  it('inserts from one typed array per column', () => {
    const sql = insertSql(FINANCIAL_REPORT);
    expect(sql).toMatch(/^INSERT INTO "financial_report" \("id", "enterprise_id", "year", "revenue"/);
    expect(sql).toContain('SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::numeric[]');
    expect(sql.match(/\$\d+/g)).toHaveLength(Object.keys(FINANCIAL_REPORT.columns).length);
    expect(() => insertSql({ table: 'x; DROP TABLE y', columns: { a: 'text' } })).toThrow(RangeError);
  });
});

describe('liftToApplicationBar', () => {
  const today = isoDate(REFERENCE_DAY);
  const facts = (rows: ReturnType<typeof generateFinancials>['rows'], industry: string, sizeClass: SizeClass) => ({
    enterprise: { industry, sizeClass },
    today,
    reports: rows.map((r) => ({
      year: r.year,
      revenue: r.revenue,
      mainBusinessRevenue: r.main_business_revenue,
      rdExpense: r.rd_expense,
      rdStaff: r.rd_staff,
      employees: r.employees,
      totalAssets: r.total_assets,
      totalLiabilities: r.total_liabilities,
      newEquityFinancing: r.new_equity_financing,
      class1IpCount: r.class1_ip_count,
      nicheMarketShare: r.niche_market_share,
    })),
  });

  it.each([Tier.SRDI_SME, Tier.LITTLE_GIANT])(
    'leaves no %s indicator of the sets in force failing on the figures, whatever the firm and sector',
    (tier) => {
      const sets = ruleSetsInForce(tier, EvaluationPurpose.NEW_APPLICATION, today);
      expect(sets.length).toBeGreaterThan(0);
      for (let seed = 1; seed <= 40; seed++) {
        for (const firmClass of ['SRDI', 'INNOVATIVE', 'NONE'] as const) {
          const drawn = generateFinancials(new Rng(seed), { firmClass, gap: seed % 5 === 0 ? 'NO_LIABILITIES' : null });
          if (drawn.sizeClass === SizeClass.LARGE) continue;
          for (const industry of ['C34 通用设备制造业', 'I6510 软件开发', 'A0110 谷物种植', 'E4710 房屋建筑业']) {
            const lifted = liftToApplicationBar(drawn.rows, sets, { industry, sizeClass: drawn.sizeClass }, today);
            for (const set of sets) {
              const failing = evaluate(set, facts(lifted, industry, drawn.sizeClass)).indicators.filter((i) => i.result === IndicatorResult.FAIL);
              expect(failing.map((i) => i.key)).toEqual([]);
            }
            // What was not reported stays unreported, and what is stored stays well-formed.
            lifted.forEach((r, n) => {
              for (const [k, v] of Object.entries(r)) expect(v === null).toBe((drawn.rows[n] as Record<string, unknown>)[k] === null);
              for (const m of [r.revenue, r.main_business_revenue, r.rd_expense, r.total_assets, r.total_liabilities])
                if (m != null) expect(m).toMatch(MONEY);
              expect(Number(r.main_business_revenue)).toBeLessThanOrEqual(Number(r.revenue));
            });
          }
        }
      }
    },
  );

  it('changes nothing that already meets the bar', () => {
    const sets = ruleSetsInForce(Tier.SRDI_SME, EvaluationPurpose.NEW_APPLICATION, today);
    const once = liftToApplicationBar(
      generateFinancials(new Rng(9), { firmClass: 'SRDI' }).rows,
      sets,
      { industry: 'C34 通用设备制造业', sizeClass: SizeClass.SMALL },
      today,
    );
    expect(liftToApplicationBar(once, sets, { industry: 'C34 通用设备制造业', sizeClass: SizeClass.SMALL }, today)).toEqual(once);
  });

  it('reads the years in the niche the rules ask from the rule-set data', () => {
    expect(nicheYearsRequired(ruleSetsInForce(Tier.LITTLE_GIANT, EvaluationPurpose.NEW_APPLICATION, today))).toBe(3);
    expect(nicheYearsRequired([])).toBe(0);
  });
});
