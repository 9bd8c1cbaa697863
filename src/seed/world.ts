import { EntityManager } from 'typeorm';
import { Role } from '../auth/roles';
import { ApplicationStatus, ReviewDecision, ReviewKind } from '../modules/application/application.enums';
import { CertificationStatus, RevocationReason } from '../modules/certification/certification.enums';
import { HELD_STATUSES } from '../modules/certification/certification.rules';
import { ProductField, Tier, TIER_ORDER } from '../modules/enterprise/enterprise.enums';
import { EvaluationPurpose } from '../modules/eligibility/eligibility.enums';
import { GENERAL_CONDITION_KEYS, ruleSetByCode, RuleSet, ruleSetsInForce } from '../modules/eligibility/rule-sets';
import { AwardStatus, ExpenditureCategory, SERVICE_CATEGORIES, UsageRestriction } from '../modules/funding/award/award.enums';
import { PlatformKind, PlatformLevel } from '../modules/platform/platform.enums';
import { assessedIndicators } from '../modules/assessment/assessment.rules';
import { AssessmentValueKind } from '../modules/assessment/assessment.enums';
import { BulkWriter } from './bulk-insert';
import { CertificationTimeline, littleGiantTimeline, provincialTimeline, ruleSetFor } from './certifications';
import { CreditCodeFactory } from './credit-codes';
import { addYears, Day, day, isoDate, officeTimestamp, REFERENCE_DAY, yearOf } from './dates';
import { fenToMoney, Gap, generateFinancials, REPORT_YEARS } from './financials';
import { liftToApplicationBar, nicheYearsRequired } from './applicants';
import { CompanyNamer, FirmKind, PlatformName, PlatformNamer, pickProductField, tradeName } from './names';
import { apportion, IdFactory, quotaList, Rng, WeightedPicker } from './random';
import { PlacePicker, PROVINCE_SHORT_NAMES, RegionCatalog, shortPlaceName } from './regions';
import {
  APPLICATION,
  ApplicationRow,
  ASSESSMENT,
  AssessmentRow,
  AUDIT_EVENT,
  AuditEventRow,
  AWARD,
  AwardRow,
  CERTIFICATION,
  CertificationRow,
  CLAW_BACK,
  ClawBackRow,
  DISBURSEMENT,
  DisbursementRow,
  ENTERPRISE,
  EnterpriseRow,
  EXPENDITURE,
  ExpenditureRow,
  FINANCIAL_REPORT,
  FinancialReportRow,
  FUNDING_BATCH,
  FUNDING_PROGRAM,
  FundingBatchRow,
  FundingProgramRow,
  KEY_SUPPORT_PROPOSAL,
  KeySupportProposalRow,
  PLATFORM,
  PlatformRow,
  PUBLIC_OBJECTION,
  PublicObjectionRow,
  REVIEW,
  ReviewRow,
} from './tables';

/**
 * The shared generator behind the demo and the national datasets: it plans
 * who is what (tier, certification history, key little giant, open
 * application), writes the platforms, then enterprises chunk by chunk with
 * their reports, certifications, applications and reviews, then the funding
 * (programme, batches, key-support proposals, awards, tranches, spending,
 * claw-backs), and last the audit trail in time order.
 */

/** A certification to give a firm: its status and, for little giants, its batch (null: in public notice). */
export interface CertChoice {
  status: CertificationStatus;
  batch?: number | null;
  /** For REVOKED: the ground (default: drawn). */
  reason?: RevocationReason;
}

/** A firm the dataset must contain exactly as described (demo tenants). */
export interface FixedEnterprise {
  id: string;
  creditCode: string;
  name: string;
  regionCode: string;
  productField: ProductField;
  industry: string;
  foundedOn: string;
  nicheSinceYear: number;
  kind: FirmKind;
  littleGiant?: CertChoice;
  srdi?: CertChoice;
  innovative?: CertChoice;
  /** Key little giant in this funding batch (1–3). */
  keyBatch?: number;
}

export interface FixedPlatform {
  id: string;
  name: string;
  kind: PlatformKind;
  level: PlatformLevel;
  regionCode: string;
  operator: string;
  operatorCreditCode: string;
  /** Funding batches (1–3) that give it a services-only award. */
  awardBatches: number[];
}

export interface WorldPlan {
  /** "demo" or "national": marks the audit trail (request_id "seed:<label>"). */
  label: string;
  seed: number;
  /** All enterprises, fixed ones included. */
  enterprises: number;
  /** Relative weights of provinces for the non-fixed enterprises. */
  provinceWeights: ReadonlyArray<readonly [string, number]>;
  /** Extra weight for some prefectures (the demo makes sure the plan-listed cities appear). */
  prefectureBoost?: Readonly<Record<string, number>>;
  /** Firms whose highest held title is each tier (fixed ones included); the rest hold none. */
  littleGiants: number;
  srdiSmes: number;
  innovativeSmes: number;
  keyLittleGiants: number;
  platforms: number;
  developmentZones: number;
  platformAwardsPerBatch: number;
  pendingApplications: number;
  /** Share of firms with some figures missing on purpose. */
  gapShare: number;
  /** Multiplies the programme's budgets (larger datasets need more money to award). */
  budgetFactor: number;
  /** "full": every step of every application and award; "summary": the latest step of each. */
  audit: 'full' | 'summary';
  /** Make every status, batch and gap occur at least once (the demo promises them). */
  everyOption: boolean;
  /** A province that gets an application in every open state (the demo's local-government tenant). */
  focusProvince?: string;
  fixedEnterprises: readonly FixedEnterprise[];
  fixedPlatforms: readonly FixedPlatform[];
  /** Enterprises generated and queued per round. */
  chunkSize?: number;
}

/** Counts of rows written, by table. */
export type WrittenCounts = ReadonlyMap<string, number>;

// ---------------------------------------------------------------------------
// The programme's shape, as weights.

/** Held little-giant titles on the reference day: batch and status, weighted by the batch sizes that survive re-review. */
const LG_HELD: readonly (readonly [CertChoice, number])[] = [
  [{ batch: 1, status: CertificationStatus.RENEWED }, 188],
  // Renewed in 2023, their second re-review (due 2026-12-01) is under way.
  [{ batch: 2, status: CertificationStatus.UNDER_REVIEW }, 1517],
  [{ batch: 3, status: CertificationStatus.RENEWED }, 2549],
  [{ batch: 4, status: CertificationStatus.RENEWED }, 3791],
  [{ batch: 5, status: CertificationStatus.RENEWED }, 2800],
  [{ batch: 5, status: CertificationStatus.UNDER_REVIEW }, 500],
  [{ batch: 6, status: CertificationStatus.CERTIFIED }, 3012],
  [{ batch: 7, status: CertificationStatus.CERTIFIED }, 3482],
];

/**
 * Titles in public notice count for nobody's tier (they are not yet held), so
 * they go to firms one tier below: an SRDI SME on MIIT's list, an innovative
 * SME on a provincial SRDI list, a firm on a provincial innovative-SME list.
 * These are lists imported as published; applications of the round that are
 * in public notice through this API have no certification yet (one is made
 * when they are certified), as the application workflow does it.
 */
const IN_NOTICE_SHARE = { LITTLE_GIANT: 0.0015, SRDI_SME: 0.02, INNOVATIVE_SME: 0.1 } as const;

/** Little giants that lost the title: failed re-review (about 13%), or revoked. */
const LG_EXPIRED_BATCHES = WeightedPicker.of<number>([
  [1, 32],
  [2, 227],
  [3, 381],
  [4, 566],
  [5, 370],
]);
const LG_REVOKED_BATCHES = WeightedPicker.of<number>([
  [1, 1],
  [2, 12],
  [3, 20],
  [4, 30],
  [5, 25],
  [6, 15],
  [7, 6],
]);

const PROVINCIAL_HELD: Readonly<Record<'SRDI' | 'INNOVATIVE', readonly (readonly [CertificationStatus, number])[]>> = {
  SRDI: [
    [CertificationStatus.CERTIFIED, 45],
    [CertificationStatus.RENEWED, 36],
    [CertificationStatus.UNDER_REVIEW, 15],
  ],
  INNOVATIVE: [
    [CertificationStatus.CERTIFIED, 60],
    [CertificationStatus.RENEWED, 18],
    [CertificationStatus.UNDER_REVIEW, 12],
  ],
};
const ENDED: readonly (readonly [CertificationStatus, number])[] = [
  [CertificationStatus.EXPIRED, 85],
  [CertificationStatus.REVOKED, 15],
];

/** The rule sets a new application of the 2026 round names for `tier`: those in force on the reference day. */
function roundRuleSets(tier: Tier): RuleSet[] {
  return ruleSetsInForce(tier, EvaluationPurpose.NEW_APPLICATION, isoDate(REFERENCE_DAY));
}

/** Applications still in the 2026 round, by status. */
const PENDING_STATUSES: readonly (readonly [ApplicationStatus, number])[] = [
  [ApplicationStatus.DRAFT, 15],
  [ApplicationStatus.SUBMITTED, 15],
  [ApplicationStatus.RETURNED, 8],
  [ApplicationStatus.WITHDRAWN, 5],
  [ApplicationStatus.RECOMMENDED, 15],
  [ApplicationStatus.UNDER_REVIEW, 15],
  [ApplicationStatus.APPROVED, 10],
  [ApplicationStatus.REJECTED, 17],
  [ApplicationStatus.PUBLIC_NOTICE, 8],
];

const GAPS: readonly Gap[] = ['LATE_FIRST_YEAR', 'NO_NICHE_SHARE', 'NO_HEADCOUNT', 'NO_LIABILITIES'];

/** Round 1 of central funds, 财建〔2021〕2号. Budgets in fen. */
const PROGRAM = {
  documentNumber: '财建〔2021〕2号',
  name: '关于支持“专精特新”中小企业高质量发展的通知（中小企业发展专项资金，2021—2025年）',
  startYear: 2021,
  endYear: 2025,
  publishedOn: day('2021-01-23'),
  totalBudgetFen: 10_000_000_000 * 100,
  batches: [
    { number: 1, year: 2021, budgetFen: 3_000_000_000 * 100 },
    { number: 2, year: 2022, budgetFen: 3_200_000_000 * 100 },
    { number: 3, year: 2023, budgetFen: 3_400_000_000 * 100 },
  ],
} as const;

const ENTERPRISE_AWARD_YUAN = WeightedPicker.of<number>([
  [6_000_000, 70],
  [5_000_000, 10],
  [5_500_000, 6],
  [6_500_000, 8],
  [4_500_000, 6],
]);
const PLATFORM_AWARD_YUAN = WeightedPicker.of<number>([
  [3_000_000, 20],
  [5_000_000, 30],
  [8_000_000, 25],
  [10_000_000, 15],
  [12_000_000, 10],
]);

const ENTERPRISE_SPENDING = WeightedPicker.of<ExpenditureCategory>([
  [ExpenditureCategory.RESEARCH_AND_DEVELOPMENT, 35],
  [ExpenditureCategory.EQUIPMENT, 25],
  [ExpenditureCategory.TALENT, 14],
  [ExpenditureCategory.WORKING_CAPITAL, 8],
  [ExpenditureCategory.DIGITAL_TRANSFORMATION_SERVICE, 6],
  [ExpenditureCategory.TECHNOLOGY_INNOVATION_SERVICE, 4],
  [ExpenditureCategory.INTELLECTUAL_PROPERTY_SERVICE, 4],
  [ExpenditureCategory.OTHER, 4],
]);
const SERVICE_LIST = [...SERVICE_CATEGORIES];

const SPENDING_NOTES: Partial<Record<ExpenditureCategory, string>> = {
  RESEARCH_AND_DEVELOPMENT: '关键核心技术攻关研发投入',
  EQUIPMENT: '生产线智能化改造设备购置',
  TALENT: '研发人才引进及培养',
  WORKING_CAPITAL: '补充流动资金',
  OTHER: '质量体系认证及品牌建设',
  TECHNOLOGY_INNOVATION_SERVICE: '为中小企业提供技术攻关与检测服务',
  LISTING_COACHING_SERVICE: '专精特新企业上市辅导培训',
  COMMERCIALISATION_SERVICE: '科技成果转化对接服务',
  DIGITAL_TRANSFORMATION_SERVICE: '中小企业数字化诊断与改造服务',
  INTELLECTUAL_PROPERTY_SERVICE: '专利导航与知识产权托管服务',
  CLOUD_ADOPTION_SERVICE: '企业上云用云补贴服务',
  INDUSTRIAL_DESIGN_SERVICE: '工业设计赋能服务',
  TRAINING_SERVICE: '中小企业经营管理人才培训',
};

// ---------------------------------------------------------------------------

interface Actor {
  role: Role;
  subject: string;
  tenant: string | null;
}

const MIIT: Actor = { role: 'MIIT', subject: 'miit-user:sme-bureau', tenant: null };
const MOF: Actor = { role: 'MOF', subject: 'mof-user:economic-construction', tenant: null };
const gov = (regionCode: string): Actor => ({ role: 'LOCAL_GOV', subject: `gov-user:${regionCode}`, tenant: regionCode });

interface PendingChoice {
  tier: Tier;
  status: ApplicationStatus;
}

export interface Profile {
  id: string;
  kind: FirmKind;
  provinceCode: string;
  fixed: FixedEnterprise | null;
  lg: CertChoice | null;
  srdi: CertChoice | null;
  innovative: CertChoice | null;
  keyBatch: number | null;
  /** Proposed by MIIT for this funding batch and rejected by MoF. */
  rejectedKeyBatch: number | null;
  pending: PendingChoice | null;
  gap: Gap | null;
}

interface KeyRecipient {
  firm: FirmRef;
  keyBatch: number;
  revokedOn: Day | null;
  revocationReason: string | null;
  /** The revocation's audit event, which lists the awards it froze. */
  revocation: AuditEventRow | null;
}

const emptyEnterpriseRows = (): EnterpriseRows => ({
  enterprises: [],
  reports: [],
  certifications: [],
  applications: [],
  reviews: [],
  assessments: [],
  objections: [],
});

/** Lets queued inserts go out: PostgreSQL works on them while the next rows are generated. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface EnterpriseRows {
  enterprises: EnterpriseRow[];
  reports: FinancialReportRow[];
  certifications: CertificationRow[];
  applications: ApplicationRow[];
  reviews: ReviewRow[];
  assessments: AssessmentRow[];
  objections: PublicObjectionRow[];
}

/** Held titles (in force, or in force while re-reviewed): what enterprise.tier is made of (certification.rules.ts). */
const isHeld = (s: CertificationStatus) => HELD_STATUSES.includes(s);

/** When a funding batch's awards are granted, and the latest little-giant batch its key little giants can come from. */
const fundingGrantDay = (year: number) => day(`${year}-09-30`);
const latestEligibleLgBatch = (fundingBatch: number) => fundingBatch + 1;

export class WorldBuilder {
  private readonly ids: IdFactory;
  private readonly planRng: Rng;
  private readonly nameRng: Rng;
  private readonly financeRng: Rng;
  private readonly certRng: Rng;
  private readonly appRng: Rng;
  private readonly fundRng: Rng;
  private readonly auditRng: Rng;
  /** Assessments and objections draw from their own streams, so adding them moved no other generated value. */
  private readonly assessmentIds: IdFactory;
  private readonly assessmentRng: Rng;
  private objectionsRaised = 0;
  private readonly places: PlacePicker;
  private readonly companyNamer = new CompanyNamer();
  private readonly platformNamer = new PlatformNamer();
  private readonly codes = new CreditCodeFactory();
  private readonly requestId: string;
  readonly audit: AuditEventRow[] = [];
  private readonly keyRecipients: KeyRecipient[] = [];
  private readonly keyRejections: { firm: FirmRef; keyBatch: number }[] = [];
  private platformRows: PlatformRow[] = [];

  constructor(
    private readonly plan: WorldPlan,
    private readonly catalog: RegionCatalog,
  ) {
    const root = new Rng(plan.seed);
    this.ids = new IdFactory(root.fork('ids'));
    this.planRng = root.fork('plan');
    this.nameRng = root.fork('names');
    this.financeRng = root.fork('finance');
    this.certRng = root.fork('certifications');
    this.appRng = root.fork('applications');
    this.fundRng = root.fork('funding');
    this.auditRng = root.fork('audit');
    this.assessmentIds = new IdFactory(root.fork('assessment-ids'));
    this.assessmentRng = root.fork('assessments');
    this.places = new PlacePicker(catalog, { boost: plan.prefectureBoost });
    this.requestId = `seed:${plan.label}`;
    for (const f of plan.fixedEnterprises) {
      this.companyNamer.reserve(f.name);
      this.codes.reserve(f.creditCode);
    }
    for (const p of plan.fixedPlatforms) {
      this.platformNamer.reserve(p.name, p.operator);
      this.codes.reserve(p.operatorCreditCode);
    }
    this.validatePlan();
  }

  private validatePlan(): void {
    const p = this.plan;
    const tiers = p.littleGiants + p.srdiSmes + p.innovativeSmes;
    if (tiers > p.enterprises) throw new RangeError(`plan has ${tiers} certified firms but only ${p.enterprises} enterprises`);
    if (p.keyLittleGiants > p.littleGiants) throw new RangeError('more key little giants than little giants');
    if (p.platforms < p.fixedPlatforms.length || p.enterprises < p.fixedEnterprises.length) {
      throw new RangeError('plan is smaller than its fixed tenants');
    }
    for (const f of p.fixedEnterprises) this.catalog.get(f.regionCode);
    for (const f of p.fixedPlatforms) this.catalog.get(f.regionCode);
  }

  // -------------------------------------------------------------------------
  // Planning

  /** Decides, for every enterprise, its tier, titles, funding and pending application. */
  planProfiles(): Profile[] {
    const rng = this.planRng;
    const plan = this.plan;
    const every = plan.everyOption;
    const fixed = plan.fixedEnterprises;
    const fixedOf = (k: FirmKind) => fixed.filter((f) => f.kind === k).length;
    const free = plan.enterprises - fixed.length;

    const kindCounts: Record<FirmKind, number> = {
      LITTLE_GIANT: plan.littleGiants - fixedOf('LITTLE_GIANT'),
      SRDI: plan.srdiSmes - fixedOf('SRDI'),
      INNOVATIVE: plan.innovativeSmes - fixedOf('INNOVATIVE'),
      NONE: 0,
    };
    kindCounts.NONE = free - kindCounts.LITTLE_GIANT - kindCounts.SRDI - kindCounts.INNOVATIVE;
    for (const [k, n] of Object.entries(kindCounts)) if (n < 0) throw new RangeError(`negative count of ${k} firms`);
    const kinds = quotaList<FirmKind>(
      rng,
      ['LITTLE_GIANT', 'SRDI', 'INNOVATIVE', 'NONE'],
      [kindCounts.LITTLE_GIANT, kindCounts.SRDI, kindCounts.INNOVATIVE, kindCounts.NONE],
    );
    const provinces = quotaList(
      rng,
      plan.provinceWeights.map((w) => w[0]),
      apportion(
        free,
        plan.provinceWeights.map((w) => w[1]),
      ),
    );

    const profiles: Profile[] = fixed.map((f) => ({
      id: f.id,
      kind: f.kind,
      provinceCode: this.catalog.provinceOf(f.regionCode).code,
      fixed: f,
      lg: f.littleGiant ?? null,
      srdi: f.srdi ?? null,
      innovative: f.innovative ?? null,
      keyBatch: f.keyBatch ?? null,
      rejectedKeyBatch: null,
      pending: null,
      gap: null,
    }));
    for (let i = 0; i < free; i++) {
      profiles.push({
        id: this.ids.next(),
        kind: kinds[i],
        provinceCode: provinces[i],
        fixed: null,
        lg: null,
        srdi: null,
        innovative: null,
        keyBatch: null,
        rejectedKeyBatch: null,
        pending: null,
        gap: null,
      });
    }
    const freeOf = (k: FirmKind) => profiles.filter((p) => p.fixed === null && p.kind === k);
    const quota = <T>(options: readonly (readonly [T, number])[], n: number): T[] =>
      quotaList(
        rng,
        options.map((o) => o[0]),
        apportion(
          n,
          options.map((o) => o[1]),
          every,
        ),
      );
    const endedQuota = (n: number) => quota(ENDED, n);

    // Little giants hold a little-giant title and a provincial SRDI title; a few an innovative-SME title too.
    const lgFirms = freeOf('LITTLE_GIANT');
    const lgHeld = quota(LG_HELD, lgFirms.length);
    const lgSrdi = quota(PROVINCIAL_HELD.SRDI, lgFirms.length);
    lgFirms.forEach((p, i) => {
      p.lg = lgHeld[i];
      p.srdi = { status: lgSrdi[i] };
    });
    const lgInnov = rng.sample(lgFirms, Math.round(lgFirms.length * 0.1));
    quota(PROVINCIAL_HELD.INNOVATIVE, lgInnov.length).forEach((s, i) => (lgInnov[i].innovative = { status: s }));

    // SRDI SMEs: some lost a little-giant title; a quarter also hold an innovative-SME title (live or lapsed).
    const srdiFirms = freeOf('SRDI');
    quota(PROVINCIAL_HELD.SRDI, srdiFirms.length).forEach((s, i) => (srdiFirms[i].srdi = { status: s }));
    const formerLg = rng.sample(srdiFirms, Math.max(every ? 6 : 0, Math.round(srdiFirms.length * 0.035)));
    const endedLg = endedQuota(formerLg.length);
    // The demo needs revoked little giants old enough to have been funded (batches 2 and 3).
    const earlyRevoked = every ? [2, 3] : [];
    if (every) endedLg.splice(0, 2, CertificationStatus.REVOKED, CertificationStatus.REVOKED);
    endedLg.forEach((s, i) => {
      const batch = s === CertificationStatus.EXPIRED ? LG_EXPIRED_BATCHES.pick(rng) : (earlyRevoked.shift() ?? LG_REVOKED_BATCHES.pick(rng));
      formerLg[i].lg = { status: s, batch };
    });
    const srdiInnov = rng.sample(srdiFirms, Math.round(srdiFirms.length * 0.25));
    quota([...PROVINCIAL_HELD.INNOVATIVE, ...ENDED.map(([s, w]) => [s, w / 10] as const)], srdiInnov.length).forEach(
      (s, i) => (srdiInnov[i].innovative = { status: s }),
    );

    // Innovative SMEs; a few lost a provincial SRDI title.
    const innovFirms = freeOf('INNOVATIVE');
    quota(PROVINCIAL_HELD.INNOVATIVE, innovFirms.length).forEach((s, i) => (innovFirms[i].innovative = { status: s }));
    const formerSrdi = rng.sample(innovFirms, Math.max(every ? 2 : 0, Math.round(innovFirms.length * 0.04)));
    endedQuota(formerSrdi.length).forEach((s, i) => (formerSrdi[i].srdi = { status: s }));

    // Firms without a title; some let an innovative-SME title lapse or lost it.
    const noneFirms = freeOf('NONE');
    const formerInnov = rng.sample(noneFirms, Math.max(every ? 2 : 0, Math.round(noneFirms.length * 0.12)));
    endedQuota(formerInnov.length).forEach((s, i) => (formerInnov[i].innovative = { status: s }));

    // Lists in public notice now, one tier above what each firm holds.
    const notice = (firms: Profile[], share: number, set: (p: Profile) => void) => {
      const n = Math.min(firms.length, Math.max(every ? 1 : 0, Math.round(firms.length * share)));
      for (const p of rng.sample(firms, n)) set(p);
    };
    const inNotice: CertChoice = { status: CertificationStatus.PUBLIC_NOTICE, batch: null };
    notice(
      srdiFirms.filter((p) => p.lg === null),
      IN_NOTICE_SHARE.LITTLE_GIANT,
      (p) => (p.lg = inNotice),
    );
    notice(
      innovFirms.filter((p) => p.srdi === null),
      IN_NOTICE_SHARE.SRDI_SME,
      (p) => (p.srdi = inNotice),
    );
    notice(
      noneFirms.filter((p) => p.innovative === null),
      IN_NOTICE_SHARE.INNOVATIVE_SME,
      (p) => (p.innovative = inNotice),
    );

    this.planKeyLittleGiants(profiles);
    this.planPendingApplications(profiles);

    const gapFirms = rng.sample(
      profiles.filter((p) => p.fixed === null),
      Math.round(profiles.length * plan.gapShare),
    );
    quotaList(
      rng,
      GAPS,
      apportion(
        gapFirms.length,
        GAPS.map(() => 1),
        every,
      ),
    ).forEach((g, i) => (gapFirms[i].gap = g));
    return profiles;
  }

  /**
   * Key little giants, batch by batch: each funding batch picks from little
   * giants certified before it; a few picked firms later lose the title
   * (their awards are frozen or clawed back).
   */
  private planKeyLittleGiants(profiles: Profile[]): void {
    const rng = this.planRng;
    const fixedKeys = profiles.filter((p) => p.fixed !== null && p.keyBatch !== null).length;
    const perBatch = apportion(Math.max(0, this.plan.keyLittleGiants - fixedKeys), [1, 1, 1]);
    let clawBackShown = false;
    for (let b = 1; b <= 3; b++) {
      const eligible = (p: Profile) =>
        p.fixed === null && p.keyBatch === null && p.lg !== null && p.lg.batch != null && p.lg.batch <= latestEligibleLgBatch(b);
      const live = profiles.filter((p) => eligible(p) && p.kind === 'LITTLE_GIANT');
      const revoked = profiles.filter((p) => eligible(p) && p.lg!.status === CertificationStatus.REVOKED);
      // About 3% of key firms are later revoked; at least one per batch when every case must show.
      const nRevoked = Math.min(revoked.length, Math.max(this.plan.everyOption ? 1 : 0, Math.round(perBatch[b - 1] * 0.03)));
      for (const p of rng.sample(revoked, nRevoked)) {
        p.keyBatch = b;
        // The demo shows a claw-back: its first funded firm to lose the title was caught out by a false declaration.
        if (this.plan.everyOption && !clawBackShown) p.lg = { ...p.lg!, reason: RevocationReason.FALSE_DECLARATION };
        clawBackShown = true;
      }
      for (const p of rng.sample(live, perBatch[b - 1] - nRevoked)) p.keyBatch = b;
      // MoF turned down a few of MIIT's proposals.
      const nRejected = Math.max(this.plan.everyOption ? 1 : 0, Math.round(perBatch[b - 1] * 0.05));
      for (const p of rng.sample(
        live.filter((x) => x.keyBatch === null && x.rejectedKeyBatch === null),
        nRejected,
      ))
        p.rejectedKeyBatch = b;
    }
  }

  /**
   * Applications of the 2026 round not yet certified: SRDI SMEs for little
   * giant, innovative SMEs for provincial SRDI. (The application workflow
   * knows no rule set for the innovative-SME tier, whose firms assess
   * themselves: their titles come without an application.)
   */
  private planPendingApplications(profiles: Profile[]): void {
    const rng = this.planRng;
    const { everyOption, focusProvince } = this.plan;
    const byTier = apportion(this.plan.pendingApplications, [55, 45], true);
    // Applicants hold the tier below and never held (or were listed for) the one they apply for.
    const holds = (c: CertChoice | null) => c !== null && isHeld(c.status);
    const pools: [Tier, Profile[]][] = [
      [Tier.LITTLE_GIANT, profiles.filter((p) => p.fixed === null && p.kind === 'SRDI' && holds(p.srdi) && p.lg === null)],
      [Tier.SRDI_SME, profiles.filter((p) => p.fixed === null && p.kind === 'INNOVATIVE' && holds(p.innovative) && p.srdi === null)],
    ];
    pools.forEach(([tier, pool], i) => {
      const statuses = quotaList(
        rng,
        PENDING_STATUSES.map((s) => s[0]),
        apportion(
          byTier[i],
          PENDING_STATUSES.map((s) => s[1]),
          everyOption,
        ),
      );
      let applicants: Profile[];
      let ordered = statuses;
      if (focusProvince) {
        // One application in each state from the focus province (the demo's local-government tenant), so every step can be shown there.
        const local = rng.sample(
          pool.filter((p) => p.provinceCode === focusProvince),
          PENDING_STATUSES.length,
        );
        const taken = new Set(local);
        applicants = [
          ...local,
          ...rng.sample(
            pool.filter((p) => !taken.has(p)),
            statuses.length - local.length,
          ),
        ];
        const firsts = PENDING_STATUSES.map(([st]) => statuses.indexOf(st)).filter((k) => k >= 0);
        ordered = [...firsts.map((k) => statuses[k]), ...statuses.filter((_, k) => !firsts.includes(k))];
      } else {
        applicants = rng.sample(pool, statuses.length);
      }
      applicants.forEach((p, k) => (p.pending = { tier, status: ordered[k] }));
    });
  }

  // -------------------------------------------------------------------------
  // Platforms

  buildPlatforms(): PlatformRow[] {
    const rng = this.nameRng.fork('platforms');
    const plan = this.plan;
    const rows: PlatformRow[] = plan.fixedPlatforms.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      level: f.level,
      region_code: f.regionCode,
      operator: f.operator,
      operator_credit_code: f.operatorCreditCode,
    }));
    const free = plan.platforms - rows.length;
    const zones = Math.min(
      free,
      Math.max(0, plan.developmentZones - plan.fixedPlatforms.filter((f) => f.kind === PlatformKind.DEVELOPMENT_ZONE).length),
    );
    const provincePicker = WeightedPicker.of(plan.provinceWeights);
    for (let i = 0; i < free; i++) {
      const province = provincePicker.pick(rng);
      const county = this.places.pick(rng, province);
      const prefecture = this.catalog.prefectureOf(county);
      const provinceName = this.catalog.get(province).name;
      const zone = i < zones;
      let regionCode: string;
      let place: string;
      let level: PlatformLevel;
      let named: PlatformName;
      if (zone) {
        level = rng.chance(0.6) ? PlatformLevel.NATIONAL : PlatformLevel.PROVINCIAL;
        regionCode = rng.chance(0.5) ? county : (prefecture?.code ?? county);
        place = (prefecture && shortPlaceName(prefecture.name)) ?? PROVINCE_SHORT_NAMES[province];
        named = this.platformNamer.developmentZone(rng, place);
      } else {
        level = rng.chance(0.4) ? PlatformLevel.NATIONAL : PlatformLevel.PROVINCIAL;
        const atProvince = level === PlatformLevel.PROVINCIAL && rng.chance(0.35);
        regionCode = atProvince ? province : (prefecture?.code ?? county);
        place = atProvince || !prefecture || !shortPlaceName(prefecture.name) ? provinceName : prefecture.name;
        const trade = () => tradeName(rng);
        let found = this.platformNamer.demonstrationPlatform(rng, place, atProvince, trade);
        if (!found && county !== regionCode) {
          // Every name for this city is taken: name it after its district instead.
          regionCode = county;
          place = `${prefecture && shortPlaceName(prefecture.name) ? prefecture.name : provinceName}${this.catalog.get(county).name}`;
          found = this.platformNamer.demonstrationPlatform(rng, place, false, trade);
        }
        if (!found) throw new Error(`could not find a free platform name in ${regionCode}`);
        named = found;
      }
      const code = rng.chance(0.9) ? this.codes.next(rng, named.operatorType, regionCode, rng.int(2003, 2020)) : null;
      rows.push({
        id: this.ids.next(),
        name: named.name,
        kind: zone ? PlatformKind.DEVELOPMENT_ZONE : PlatformKind.PUBLIC_SERVICE_DEMONSTRATION_PLATFORM,
        level,
        region_code: regionCode,
        operator: named.operator,
        operator_credit_code: code,
      });
    }
    this.platformRows = rows;
    return rows;
  }

  // -------------------------------------------------------------------------
  // Enterprises

  /** Generates the rows of `profiles`, into `out` (or, per profile, the collection `out` picks). */
  buildEnterprises(profiles: readonly Profile[], out: EnterpriseRows | ((p: Profile) => EnterpriseRows) = emptyEnterpriseRows()): void {
    for (const p of profiles) this.buildEnterprise(p, typeof out === 'function' ? out(p) : out);
  }

  private buildEnterprise(p: Profile, out: EnterpriseRows): void {
    const rng = this.nameRng;
    const f = p.fixed;
    const regionCode = f ? f.regionCode : this.places.pick(rng, p.provinceCode);
    const field = f ? f.productField : pickProductField(rng, p.kind);
    const lg = p.kind === 'LITTLE_GIANT';
    const fin = generateFinancials(this.financeRng, {
      firmClass: p.kind,
      compliant: f ? true : undefined,
      gap: p.gap,
    });

    // Titles first: the firm must have been founded, and in its niche, a few years before its first one.
    const timelines: CertificationTimeline[] = [];
    const add = (tier: Tier, choice: CertChoice | null): void => {
      if (!choice) return;
      if (tier !== Tier.LITTLE_GIANT) {
        timelines.push(provincialTimeline(this.certRng, tier, choice.status));
        return;
      }
      const revokeAfter = p.keyBatch !== null ? fundingGrantDay(PROGRAM.batches[p.keyBatch - 1].year) + 120 : undefined;
      const t = littleGiantTimeline(this.certRng, choice.batch ?? null, choice.status, revokeAfter, choice.reason);
      if (!t) throw new Error(`little-giant batch ${choice.batch} cannot be ${choice.status} on ${isoDate(REFERENCE_DAY)}`);
      timelines.push(t);
    };
    add(Tier.INNOVATIVE_SME, p.innovative);
    add(Tier.SRDI_SME, p.srdi);
    add(Tier.LITTLE_GIANT, p.lg);
    const firstTitleYear = Math.min(yearOf(REFERENCE_DAY), ...timelines.map((t) => yearOf(t.certifiedOn ?? t.noticeStart)));
    // An applicant has been in its niche as long as the rules it applies under ask, by the end of its last reported year.
    const applyingUnder = p.pending ? roundRuleSets(p.pending.tier) : [];
    const nicheBy = Math.min(firstTitleYear - 3, REPORT_YEARS[REPORT_YEARS.length - 1] - nicheYearsRequired(applyingUnder));

    let foundedYear: number;
    let foundedOn: string;
    let nicheSince: number;
    if (f) {
      foundedOn = f.foundedOn;
      foundedYear = yearOf(day(f.foundedOn));
      nicheSince = f.nicheSinceYear;
    } else {
      const latest = Math.min(lg ? 2016 : 2023, nicheBy);
      foundedYear = rng.int(Math.min(latest, lg ? 1993 : 1995), latest);
      foundedOn = isoDate(day(`${foundedYear}-01-01`) + rng.int(0, 364));
      nicheSince = Math.max(foundedYear, Math.min(foundedYear + rng.int(0, 4), nicheBy));
    }
    let name: string;
    let industry: string;
    if (f) {
      name = f.name;
      industry = f.industry;
    } else {
      const named = this.companyNamer.name(rng, this.catalog.companyPlaceName(rng, regionCode), field, p.kind);
      name = named.name;
      industry = named.industry;
    }
    const codeRegion = rng.chance(0.8) ? regionCode : (this.catalog.prefectureOf(regionCode)?.code ?? regionCode);
    const creditCode = f ? f.creditCode : this.codes.next(rng, '91', codeRegion, foundedYear);
    // A little-giant applicant has what the rules ask of it; drawn all the same, so the draws of the firms after it do not move.
    const applicantLg = p.pending?.tier === Tier.LITTLE_GIANT;
    const flag = (pTrue: number): boolean | null => {
      const v = p.gap === 'LATE_FIRST_YEAR' ? null : lg && fin.compliant ? true : rng.chance(pTrue);
      return v === null ? null : applicantLg || v;
    };
    const flagP = lg ? 0.9 : p.kind === 'SRDI' ? 0.75 : p.kind === 'INNOVATIVE' ? 0.45 : 0.25;

    // The highest title it holds: in force or under re-review (not in public notice, expired or revoked).
    const held = timelines.filter((t) => isHeld(t.status)).map((t) => t.tier);
    out.enterprises.push({
      id: p.id,
      credit_code: creditCode,
      name,
      region_code: regionCode,
      industry,
      product_field: field,
      size_class: fin.sizeClass,
      founded_on: foundedOn,
      niche_since_year: p.gap === 'LATE_FIRST_YEAR' ? null : nicheSince,
      tier: TIER_ORDER.filter((t) => held.includes(t)).pop() ?? null,
      has_quality_certification: flag(flagP),
      has_rd_institution: flag(flagP),
      has_own_brand: flag(flagP),
      at_key_chain_link: flag(flagP * 0.8),
    });
    const reports = p.pending
      ? liftToApplicationBar(fin.rows, applyingUnder, { industry, sizeClass: fin.sizeClass }, isoDate(REFERENCE_DAY))
      : fin.rows;
    for (const r of reports) out.reports.push({ id: this.ids.next(), enterprise_id: p.id, ...r });

    const firm: FirmRef = { id: p.id, creditCode, regionCode, provinceCode: this.catalog.provinceOf(regionCode).code };
    if (p.rejectedKeyBatch !== null) this.keyRejections.push({ firm, keyBatch: p.rejectedKeyBatch });
    for (const t of timelines) {
      const revocation = this.certify(firm, t, out);
      if (p.keyBatch !== null && t.tier === Tier.LITTLE_GIANT && (t.status === CertificationStatus.REVOKED || p.kind === 'LITTLE_GIANT')) {
        this.keyRecipients.push({ firm, keyBatch: p.keyBatch, revokedOn: t.revokedOn, revocationReason: t.revocationReason, revocation });
      }
    }
    if (p.pending) this.pendingApplication(firm, p.pending, out);
  }

  /**
   * A certification row, the application it came from and its audit trail.
   * Applications exist for titles granted since the 2022 rules, through the
   * workflow (little giants, provincial SRDI titles); older titles, innovative-SME
   * titles and lists in public notice came in as published. Returns the
   * revocation's audit event, if any, so a frozen award can be added to it.
   */
  private certify(firm: FirmRef, t: CertificationTimeline, out: EnterpriseRows): AuditEventRow | null {
    const certId = this.ids.next();
    const lg = t.tier === Tier.LITTLE_GIANT;
    const decider = lg ? MIIT : gov(firm.provinceCode);
    out.certifications.push({
      id: certId,
      enterprise_id: firm.id,
      tier: t.tier,
      batch_number: t.batchNumber,
      rule_set_code: t.ruleSetCode,
      status: t.status,
      public_notice_starts_on: isoDate(t.noticeStart),
      public_notice_ends_on: isoDate(t.noticeEnd),
      certified_on: t.certifiedOn === null ? null : isoDate(t.certifiedOn),
      valid_until: t.validUntil === null ? null : isoDate(t.validUntil),
      revoked_on: t.revokedOn === null ? null : isoDate(t.revokedOn),
      revocation_reason: t.revocationReason,
      ...this.span(t.noticeStart, t.lastChange),
    });

    const full = this.plan.audit === 'full';
    const onCert = (d: Day, actor: Actor, action: string, before: unknown, after: unknown) =>
      this.event(d, actor, action, 'Certification', certId, firm, before, after);
    const filed = t.tier !== Tier.INNOVATIVE_SME && t.status !== CertificationStatus.PUBLIC_NOTICE && t.noticeStart >= day('2022-07-01');
    if (t.status === CertificationStatus.PUBLIC_NOTICE) {
      onCert(t.noticeStart, decider, 'openPublicNotice', null, { status: t.status, tier: t.tier, publicNoticeEndsOn: isoDate(t.noticeEnd) });
    } else if (filed) {
      this.certifiedApplication(firm, t, certId, out);
    } else {
      onCert(t.certifiedOn!, decider, 'certifyEnterprise', null, {
        certification: { status: CertificationStatus.CERTIFIED, tier: t.tier, batchNumber: t.batchNumber, certifiedOn: isoDate(t.certifiedOn!) },
      });
    }
    if (full) {
      t.renewals.forEach((r, i) => {
        const validUntil = isoDate(addYears(t.certifiedOn!, 3 * (i + 2)) - 1);
        onCert(
          r,
          decider,
          'renewCertification',
          { status: CertificationStatus.UNDER_REVIEW },
          { status: CertificationStatus.RENEWED, outcome: 'RENEW', validUntil, ruleSetCode: ruleSetFor(t.tier, r, EvaluationPurpose.RE_REVIEW) },
        );
      });
      if (t.reviewStarted !== null)
        onCert(
          t.reviewStarted,
          decider,
          'startReReview',
          { status: t.renewals.length ? CertificationStatus.RENEWED : CertificationStatus.CERTIFIED },
          { status: CertificationStatus.UNDER_REVIEW },
        );
      if (t.expiredOn !== null)
        onCert(
          t.expiredOn,
          decider,
          'renewCertification',
          { status: CertificationStatus.UNDER_REVIEW },
          { status: CertificationStatus.EXPIRED, outcome: 'LET_EXPIRE' },
        );
    }
    if (t.revokedOn === null) return null;
    onCert(t.revokedOn, decider, 'revokeCertification', null, {
      status: CertificationStatus.REVOKED,
      revocationReason: t.revocationReason,
      frozenAwardIds: [],
    });
    return this.audit[this.audit.length - 1];
  }

  /** The application behind a granted title: filed, recommended, reviewed, listed and certified. */
  private certifiedApplication(firm: FirmRef, t: CertificationTimeline, certId: string, out: EnterpriseRows): void {
    const rng = this.appRng;
    const lg = t.tier === Tier.LITTLE_GIANT;
    const recommender = lg ? this.catalog.littleGiantAuthority(firm.regionCode) : this.catalog.cityAuthority(firm.regionCode);
    const decider = lg ? MIIT : gov(firm.provinceCode);
    const created = t.noticeStart - rng.int(90, 170);
    const submitted = created + rng.int(2, 25);
    const recommended = submitted + rng.int(15, 40);
    const reviewStarted = recommended + rng.int(3, 10);
    const reviewed = reviewStarted + Math.floor((t.noticeStart - reviewStarted) * rng.between(0.4, 0.85));
    const ruleSet = ruleSetFor(t.tier, submitted);
    const score = expertScore(rng, true);
    const appId = this.ids.next();
    out.applications.push({
      id: appId,
      enterprise_id: firm.id,
      tier: t.tier,
      rule_set_code: ruleSet,
      status: ApplicationStatus.CERTIFIED,
      submitted_at: officeTimestamp(this.auditRng, submitted),
      recommended_by_region_code: recommender,
      score,
      public_notice_starts_on: isoDate(t.noticeStart),
      public_notice_ends_on: isoDate(t.noticeEnd),
      certification_id: certId,
      ...this.span(created, t.certifiedOn!),
    });
    this.review(
      out,
      appId,
      ReviewKind.RECOMMENDATION,
      ReviewDecision.RECOMMEND,
      gov(recommender),
      recommended,
      null,
      ruleSet,
      lg ? '经审核，同意推荐' : '材料齐全，同意上报',
    );
    this.review(
      out,
      appId,
      ReviewKind.EXPERT_REVIEW,
      ReviewDecision.APPROVE,
      decider,
      reviewed,
      score,
      ruleSet,
      '专家评审通过',
      evaluation(rng, t.tier, ruleSet, score, true),
    );
    const objection = rng.chance(0.03);
    const raised = t.noticeStart + rng.int(1, 7);
    if (objection) {
      this.review(
        out,
        appId,
        ReviewKind.OBJECTION,
        ReviewDecision.RAISED,
        gov(firm.provinceCode),
        raised,
        null,
        ruleSet,
        '公示期内收到关于知识产权权属的异议',
      );
      this.review(out, appId, ReviewKind.OBJECTION_RESOLUTION, ReviewDecision.DISMISSED, decider, t.noticeEnd, null, ruleSet, '经核实，异议不成立');
    }

    if (this.plan.audit === 'full') {
      const onApp = (d: Day, actor: Actor, action: string, before: unknown, after: unknown) =>
        this.event(d, actor, action, 'Application', appId, firm, before, after);
      const me = this.enterpriseActor(firm);
      onApp(created, me, 'createApplication', null, { status: ApplicationStatus.DRAFT, tier: t.tier, ruleSetCode: ruleSet });
      onApp(submitted, me, 'submitApplication', { status: ApplicationStatus.DRAFT }, { status: ApplicationStatus.SUBMITTED });
      onApp(
        recommended,
        gov(recommender),
        'recommendApplication',
        { status: ApplicationStatus.SUBMITTED },
        { status: ApplicationStatus.RECOMMENDED },
      );
      onApp(reviewStarted, decider, 'startReview', { status: ApplicationStatus.RECOMMENDED }, { status: ApplicationStatus.UNDER_REVIEW });
      onApp(reviewed, decider, 'reviewApplication', { status: ApplicationStatus.UNDER_REVIEW }, { status: ApplicationStatus.APPROVED, score });
      onApp(
        t.noticeStart,
        decider,
        'openPublicNotice',
        { status: ApplicationStatus.APPROVED },
        { status: ApplicationStatus.PUBLIC_NOTICE, publicNoticeEndsOn: isoDate(t.noticeEnd) },
      );
      if (objection) {
        onApp(
          raised,
          gov(firm.provinceCode),
          'raiseObjection',
          { status: ApplicationStatus.PUBLIC_NOTICE },
          { status: ApplicationStatus.PUBLIC_NOTICE },
        );
        onApp(
          t.noticeEnd,
          decider,
          'resolveObjection',
          { status: ApplicationStatus.PUBLIC_NOTICE },
          { status: ApplicationStatus.PUBLIC_NOTICE, decision: ReviewDecision.DISMISSED },
        );
      }
    }
    this.event(
      t.certifiedOn!,
      decider,
      'certifyEnterprise',
      'Certification',
      certId,
      firm,
      { application: { status: ApplicationStatus.PUBLIC_NOTICE } },
      {
        certification: {
          status: CertificationStatus.CERTIFIED,
          tier: t.tier,
          batchNumber: t.batchNumber,
          certifiedOn: isoDate(t.certifiedOn!),
          ruleSetCode: ruleSet,
        },
        application: { id: appId, status: ApplicationStatus.CERTIFIED },
      },
    );
  }

  /** An application of the 2026 round that has no title yet, in any state up to public notice. */
  private pendingApplication(firm: FirmRef, choice: PendingChoice, out: EnterpriseRows): void {
    const rng = this.appRng;
    const { tier, status } = choice;
    const lg = tier === Tier.LITTLE_GIANT;
    const recommender = lg ? this.catalog.littleGiantAuthority(firm.regionCode) : this.catalog.cityAuthority(firm.regionCode);
    const decider = lg ? MIIT : gov(firm.provinceCode);
    const me = this.enterpriseActor(firm);
    const R = REFERENCE_DAY;
    const S = ApplicationStatus;
    // Later states started earlier in the round.
    const depth = [S.DRAFT, S.SUBMITTED, S.WITHDRAWN, S.RETURNED, S.RECOMMENDED, S.UNDER_REVIEW, S.APPROVED, S.REJECTED, S.PUBLIC_NOTICE].indexOf(
      status,
    );
    const created = R - rng.int(20 + depth * 12, 60 + depth * 18);
    const submittedDay = created + rng.int(2, 12);
    const recommendedDay = submittedDay + rng.int(10, 20);
    const reviewStart = recommendedDay + rng.int(3, 10);
    const reviewedDay = Math.min(R - 9, reviewStart + rng.int(10, 25));
    const inNotice = status === S.PUBLIC_NOTICE;
    const noticeStart = R - rng.int(1, 8);
    const noticeEnd = noticeStart + (lg ? 14 : 9);
    const submitted = status !== S.DRAFT && !(status === S.WITHDRAWN && rng.chance(0.3));
    const recommended = [S.RECOMMENDED, S.UNDER_REVIEW, S.APPROVED, S.REJECTED, S.PUBLIC_NOTICE].includes(status);
    const reviewed = [S.APPROVED, S.REJECTED, S.PUBLIC_NOTICE].includes(status);
    const approved = status !== S.REJECTED;
    const ruleSet = ruleSetFor(tier, created);
    // The applicant's figures were lifted to the bar of the sets in force on the reference day: the round's drafts must name one.
    if (!roundRuleSets(tier).some((r) => r.code === ruleSet))
      throw new Error(`seed: a ${tier} application of ${isoDate(created)} names ${ruleSet}, not a rule set of the round`);
    const score = reviewed ? expertScore(rng, approved) : null;
    const appId = this.ids.next();
    const lastDay = inNotice
      ? noticeStart
      : reviewed
        ? reviewedDay
        : status === S.UNDER_REVIEW
          ? reviewStart
          : recommended || status === S.RETURNED
            ? recommendedDay
            : status === S.WITHDRAWN
              ? Math.min(R - 1, submittedDay + 9)
              : submitted
                ? submittedDay
                : created;
    out.applications.push({
      id: appId,
      enterprise_id: firm.id,
      tier,
      rule_set_code: ruleSet,
      status,
      submitted_at: submitted ? officeTimestamp(this.auditRng, submittedDay) : null,
      recommended_by_region_code: recommended ? recommender : null,
      score,
      public_notice_starts_on: inNotice ? isoDate(noticeStart) : null,
      public_notice_ends_on: inNotice ? isoDate(noticeEnd) : null,
      certification_id: null,
      ...this.span(created, lastDay),
    });
    if (status === S.RETURNED) {
      this.review(
        out,
        appId,
        ReviewKind.RETURN,
        ReviewDecision.RETURN,
        gov(recommender),
        recommendedDay,
        null,
        ruleSet,
        '请补充近两年研发费用专项审计报告及知识产权证明材料',
      );
    }
    if (recommended)
      this.review(
        out,
        appId,
        ReviewKind.RECOMMENDATION,
        ReviewDecision.RECOMMEND,
        gov(recommender),
        recommendedDay,
        null,
        ruleSet,
        '经审核，同意推荐',
      );
    if (reviewed) {
      this.review(
        out,
        appId,
        ReviewKind.EXPERT_REVIEW,
        approved ? ReviewDecision.APPROVE : ReviewDecision.REJECT,
        decider,
        reviewedDay,
        score,
        ruleSet,
        approved ? '专家评审通过' : '主营业务收入占比及研发投入强度未达到认定标准',
        evaluation(rng, tier, ruleSet, score!, approved),
      );
    }

    this.assess(out, firm, ruleSet, yearOf(submitted ? submittedDay : created), {
      declaredOn: created,
      // The recommender confirms the general conditions when it recommends; a returned application had one sent back.
      decidedOn: recommended || status === S.RETURNED ? recommendedDay : null,
      decider: gov(recommender),
      rejected: status === S.RETURNED,
      scoredOn: reviewed && lg ? reviewedDay : null,
      score,
    });
    if (inNotice) this.objectDuringNotice(out, firm, appId, noticeStart);

    const steps: [Day, Actor, string, unknown, unknown][] = [
      [created, me, 'createApplication', null, { status: S.DRAFT, tier, ruleSetCode: ruleSet }],
    ];
    if (submitted) steps.push([submittedDay, me, 'submitApplication', { status: S.DRAFT }, { status: S.SUBMITTED }]);
    if (status === S.WITHDRAWN) steps.push([lastDay, me, 'withdrawApplication', null, { status: S.WITHDRAWN }]);
    if (status === S.RETURNED) steps.push([recommendedDay, gov(recommender), 'returnApplication', { status: S.SUBMITTED }, { status: S.RETURNED }]);
    if (recommended) steps.push([recommendedDay, gov(recommender), 'recommendApplication', { status: S.SUBMITTED }, { status: S.RECOMMENDED }]);
    if (status === S.UNDER_REVIEW || reviewed)
      steps.push([reviewStart, decider, 'startReview', { status: S.RECOMMENDED }, { status: S.UNDER_REVIEW }]);
    if (reviewed)
      steps.push([reviewedDay, decider, 'reviewApplication', { status: S.UNDER_REVIEW }, { status: approved ? S.APPROVED : S.REJECTED, score }]);
    if (inNotice)
      steps.push([
        noticeStart,
        decider,
        'openPublicNotice',
        { status: S.APPROVED },
        { status: S.PUBLIC_NOTICE, publicNoticeEndsOn: isoDate(noticeEnd) },
      ]);
    for (const [d, actor, action, before, after] of this.plan.audit === 'full' ? steps : steps.slice(-1)) {
      this.event(d, actor, action, 'Application', appId, firm, before, after);
    }
  }

  /**
   * What an applicant records besides its figures: it declares the general
   * conditions every rule set asks (not on the abnormal or dishonest lists,
   * no major accident or tax evasion) for the year of assessment; its
   * recommender confirms them, or rejects one and returns the application;
   * MIIT's experts score the development score of a reviewed little-giant
   * application under a set that reads one. Drafts show declarations
   * waiting for their local government.
   */
  private assess(
    out: EnterpriseRows,
    firm: FirmRef,
    ruleSetCode: string,
    year: number,
    t: { declaredOn: Day; decidedOn: Day | null; decider: Actor; rejected: boolean; scoredOn: Day | null; score: string | null },
  ): void {
    const assessed = assessedIndicators([ruleSetByCode(ruleSetCode)!]);
    const me = this.enterpriseActor(firm);
    const at = (d: Day) => officeTimestamp(this.assessmentRng, Math.min(d, REFERENCE_DAY));
    const general = GENERAL_CONDITION_KEYS.filter((k) => assessed.get(k)?.valueKind === AssessmentValueKind.FLAG);
    general.forEach((key, i) => {
      const id = this.assessmentIds.next();
      const declaredAt = at(t.declaredOn);
      const row: AssessmentRow = {
        id,
        enterprise_id: firm.id,
        region_code: firm.regionCode,
        indicator_key: key,
        year,
        value_kind: 'FLAG',
        flag: true,
        score: null,
        evidence: GENERAL_CONDITION_EVIDENCE[key] ?? '企业承诺书及有关部门出具的证明材料',
        status: 'DECLARED',
        asserted_by: me.subject,
        asserted_by_role: me.role,
        asserted_at: declaredAt,
        decided_by: null,
        decided_by_region_code: null,
        decided_at: null,
        rejection_reason: null,
        created_at: declaredAt,
        updated_at: declaredAt,
      };
      const declared = { indicatorKey: key, year, flag: true, status: row.status };
      this.event(t.declaredOn, me, 'declareAssessment', 'Assessment', id, firm, null, declared);
      if (t.decidedOn !== null) {
        const reject = t.rejected && i === 0;
        const decidedAt = at(t.decidedOn);
        Object.assign(row, {
          status: reject ? 'REJECTED' : 'CONFIRMED',
          decided_by: t.decider.subject,
          decided_by_region_code: t.decider.tenant,
          decided_at: decidedAt,
          rejection_reason: reject ? '信用中国查询截图未覆盖近三年，请补充完整查询记录' : null,
          updated_at: decidedAt,
        });
        this.event(t.decidedOn, t.decider, reject ? 'rejectAssessment' : 'confirmAssessment', 'Assessment', id, firm, declared, {
          ...declared,
          status: row.status,
        });
      }
      out.assessments.push(row);
    });
    if (t.scoredOn !== null && t.score !== null && assessed.get('developmentScore')?.valueKind === AssessmentValueKind.SCORE) {
      const id = this.assessmentIds.next();
      const scoredAt = at(t.scoredOn);
      out.assessments.push({
        id,
        enterprise_id: firm.id,
        region_code: firm.regionCode,
        indicator_key: 'developmentScore',
        year,
        value_kind: 'SCORE',
        flag: null,
        score: t.score,
        evidence: '专家组依据企业发展水平评分细则评定',
        status: 'SCORED',
        asserted_by: MIIT.subject,
        asserted_by_role: MIIT.role,
        asserted_at: scoredAt,
        decided_by: null,
        decided_by_region_code: null,
        decided_at: null,
        rejection_reason: null,
        created_at: scoredAt,
        updated_at: scoredAt,
      });
      this.event(t.scoredOn, MIIT, 'scoreAssessment', 'Assessment', id, firm, null, {
        indicatorKey: 'developmentScore',
        year,
        score: t.score,
        status: 'SCORED',
      });
    }
  }

  /**
   * Now and then (and at least once) a member of the public objects to a
   * firm on notice, as the notices invite; the objection waits for MIIT.
   */
  private objectDuringNotice(out: EnterpriseRows, firm: FirmRef, applicationId: string, noticeStart: Day): void {
    if (this.objectionsRaised > 0 && !this.assessmentRng.chance(0.4)) return;
    this.objectionsRaised++;
    const id = this.assessmentIds.next();
    const on = Math.min(noticeStart + 1, REFERENCE_DAY);
    const raisedAt = officeTimestamp(this.assessmentRng, on);
    const grounds = this.assessmentRng.pick(OBJECTION_GROUNDS);
    out.objections.push({
      id,
      application_id: applicationId,
      enterprise_id: firm.id,
      region_code: firm.regionCode,
      grounds,
      objector_role: 'PUBLIC',
      objector_subject: 'anonymous',
      objector_tenant: null,
      objector_name: this.assessmentRng.pick(['王先生', '李女士', '张先生', '陈女士']),
      objector_contact: `1${this.assessmentRng.int(3, 9)}${String(this.assessmentRng.int(0, 999_999_999)).padStart(9, '0')}`,
      status: 'OPEN',
      created_at: raisedAt,
      updated_at: raisedAt,
    });
    // As the service records it: not on the enterprise's trail, and nothing of who objected.
    this.event(
      on,
      { role: 'PUBLIC', subject: 'anonymous', tenant: null },
      'raisePublicObjection',
      'PublicObjection',
      id,
      null,
      null,
      { id, applicationId, grounds, status: 'OPEN', enterpriseId: firm.id },
      null,
      firm.regionCode,
    );
  }

  private review(
    out: EnterpriseRows,
    applicationId: string,
    kind: ReviewKind,
    decision: ReviewDecision,
    actor: Actor,
    on: Day,
    score: string | null,
    ruleSet: string,
    comment: string,
    evaluation: unknown = null,
  ): void {
    out.reviews.push({
      id: this.ids.next(),
      application_id: applicationId,
      kind,
      decision,
      reviewer_role: actor.role,
      reviewer_subject: actor.subject,
      reviewer_region_code: actor.role === 'LOCAL_GOV' ? actor.tenant : null,
      score,
      comment,
      rule_set_code: ruleSet,
      evaluation,
      created_at: officeTimestamp(this.auditRng, on),
    });
  }

  // -------------------------------------------------------------------------
  // Funding

  /** The programme, its batches, awards to key little giants and platforms, tranches, spending and claw-backs. */
  buildFunding(): FundingRows {
    const rng = this.fundRng;
    const plan = this.plan;
    const factor = plan.budgetFactor;
    const out: FundingRows = { programs: [], batches: [], proposals: [], awards: [], disbursements: [], expenditures: [], clawBacks: [] };
    const programId = this.ids.next();
    out.programs.push({
      id: programId,
      document_number: PROGRAM.documentNumber,
      name: PROGRAM.name,
      start_year: PROGRAM.startYear,
      end_year: PROGRAM.endYear,
      total_budget: fenToMoney(Math.round(PROGRAM.totalBudgetFen * factor)),
      created_at: officeTimestamp(this.auditRng, PROGRAM.publishedOn),
    });
    this.event(PROGRAM.publishedOn, MOF, 'createFundingProgram', 'FundingProgram', programId, null, null, {
      documentNumber: PROGRAM.documentNumber,
      totalBudget: out.programs[0].total_budget,
    });

    const demonstration = this.platformRows.filter((p) => (p.kind as PlatformKind) === PlatformKind.PUBLIC_SERVICE_DEMONSTRATION_PLATFORM);
    for (const b of PROGRAM.batches) {
      const batchId = this.ids.next();
      const budgetFen = Math.round(b.budgetFen * factor);
      const opened = day(`${b.year}-04-15`);
      out.batches.push({
        id: batchId,
        program_id: programId,
        number: b.number,
        year: b.year,
        budget: fenToMoney(budgetFen),
        support_years: 3,
        created_at: officeTimestamp(this.auditRng, opened),
      });
      this.event(opened, MOF, 'createFundingBatch', 'FundingBatch', batchId, null, null, {
        number: b.number,
        year: b.year,
        budget: fenToMoney(budgetFen),
      });

      let remaining = budgetFen;
      const granted = fundingGrantDay(b.year);
      // Key little giants: MIIT proposes, MoF approves (or not), then grants.
      const byId = (x: { firm: FirmRef }, y: { firm: FirmRef }) => x.firm.id.localeCompare(y.firm.id);
      for (const k of this.keyRejections.filter((r) => r.keyBatch === b.number).sort(byId)) {
        this.keySupport(out, batchId, b.number, granted, k.firm, false);
      }
      for (const k of this.keyRecipients.filter((r) => r.keyBatch === b.number).sort(byId)) {
        const amount = ENTERPRISE_AWARD_YUAN.pick(rng) * 100;
        if (amount > remaining) continue; // the batch budget is a hard ceiling
        remaining -= amount;
        this.keySupport(out, batchId, b.number, granted, k.firm, true);
        const award = this.award(out, {
          batchId,
          batchNumber: b.number,
          year: b.year,
          granted,
          amountFen: amount,
          firm: k.firm,
          platform: null,
          revokedOn: k.revokedOn,
          revocationReason: k.revocationReason,
        });
        // The revocation's audit event lists the awards it froze, as the certification workflow records it.
        const after = k.revocation?.after as { frozenAwardIds?: string[] } | undefined;
        if (award.frozen && after?.frozenAwardIds) after.frozenAwardIds.push(award.id);
      }

      const fixedHere = plan.fixedPlatforms
        .filter((p) => p.awardBatches.includes(b.number))
        .map((p) => this.platformRows.find((r) => r.id === p.id)!);
      const others = rng.sample(
        demonstration.filter((p) => !plan.fixedPlatforms.some((f) => f.id === p.id)),
        Math.max(0, plan.platformAwardsPerBatch - fixedHere.length),
      );
      for (const p of [...fixedHere, ...others]) {
        const amount = PLATFORM_AWARD_YUAN.pick(rng) * 100;
        if (amount > remaining) continue;
        remaining -= amount;
        this.award(out, {
          batchId,
          batchNumber: b.number,
          year: b.year,
          granted,
          amountFen: amount,
          firm: null,
          platform: p,
          revokedOn: null,
          revocationReason: null,
        });
      }
    }
    return out;
  }

  /** MIIT's proposal of a key little giant for a batch and MoF's decision on it. */
  private keySupport(out: FundingRows, batchId: string, batchNumber: number, granted: Day, firm: FirmRef, approve: boolean): void {
    const rng = this.fundRng;
    const id = this.ids.next();
    const proposed = granted - rng.int(40, 80);
    const decided = proposed + rng.int(10, 30);
    const status = approve ? 'APPROVED' : 'REJECTED';
    const reason = approve
      ? null
      : rng.pick(['研发投入强度低于本批次重点支持标准', '主导产品细分市场占有率未达到重点支持标准', '近两年营业收入增速低于重点支持标准']);
    const proposedAt = officeTimestamp(this.auditRng, proposed);
    const decidedAt = officeTimestamp(this.auditRng, decided);
    out.proposals.push({
      id,
      batch_id: batchId,
      enterprise_id: firm.id,
      status,
      proposed_by: MIIT.subject,
      decided_by: MOF.subject,
      reason,
      proposed_at: proposedAt,
      decided_at: decidedAt,
      created_at: proposedAt,
      updated_at: decidedAt,
    });
    if (this.plan.audit === 'full') {
      this.event(proposed, MIIT, 'proposeKeySupport', 'KeySupportProposal', id, firm, null, { status: 'PROPOSED', batchId, batchNumber });
    }
    this.event(decided, MOF, 'approveKeySupport', 'KeySupportProposal', id, firm, { status: 'PROPOSED' }, { status, batchId, batchNumber, reason });
  }

  /** An award with its tranches, spending and any claw-back; returns its id and whether a revocation froze it. */
  private award(out: FundingRows, a: AwardPlan): { id: string; frozen: boolean } {
    const rng = this.fundRng;
    const R = REFERENCE_DAY;
    const awardId = this.ids.next();
    const isPlatform = a.platform !== null;
    const regionCode = isPlatform ? a.platform!.region_code : a.firm!.regionCode;
    const ref: FirmRef | null = a.firm;
    const platformId = a.platform?.id ?? null;
    const on = (d: Day, actor: Actor, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) =>
      this.event(d, actor, action, subjectType, subjectId, ref, before, after, platformId, regionCode);

    // Tranches: enterprises 40/30/30 over three years, platforms 60/40 over two; nothing after a revocation.
    const shares = isPlatform ? [0.6, 0.4] : [0.4, 0.3, 0.3];
    const payDays = isPlatform
      ? [day(`${a.year}-11-15`), day(`${a.year + 1}-06-30`)]
      : [day(`${a.year}-11-15`), day(`${a.year + 1}-06-30`), day(`${a.year + 2}-06-30`)];
    // A few enterprises of the last batch have their final tranche held back pending the performance evaluation.
    const withheld = !isPlatform && a.batchNumber === PROGRAM.batches.length && rng.chance(0.1);
    const tranches: { fen: number; day: Day }[] = [];
    let allotted = 0;
    shares.forEach((s, i) => {
      const fen = i === shares.length - 1 ? a.amountFen - allotted : Math.round((a.amountFen * s) / 100) * 100;
      allotted += fen;
      const d = payDays[i];
      if (d > R || (a.revokedOn !== null && d >= a.revokedOn) || (withheld && i === shares.length - 1)) return;
      tranches.push({ fen, day: d });
    });
    const disbursedFen = tranches.reduce((s, t) => s + t.fen, 0);

    // Settled after the performance evaluation that follows the last year of support.
    const complete = tranches.length === shares.length;
    const closesOn = day(`${a.year + shares.length}-12-31`);
    const revoked = a.revokedOn !== null;
    // A revocation freezes the awards still open then; fraud or tax evasion also brings a claw-back.
    const frozen = revoked && !(complete && closesOn <= a.revokedOn!);
    const recover = revoked && disbursedFen > 0 && (a.revocationReason === 'FALSE_DECLARATION' || a.revocationReason === 'TAX_EVASION');
    const status = recover
      ? AwardStatus.CLAWED_BACK
      : frozen
        ? AwardStatus.FROZEN
        : complete && closesOn <= R
          ? AwardStatus.CLOSED
          : AwardStatus.GRANTED;
    const actedOn = revoked ? Math.min(a.revokedOn! + rng.int(10, 40), R - 1) : null;
    const lastChange =
      actedOn !== null && (frozen || recover)
        ? actedOn
        : status === AwardStatus.CLOSED
          ? closesOn
          : tranches.length
            ? tranches[tranches.length - 1].day
            : a.granted;
    out.awards.push({
      id: awardId,
      batch_id: a.batchId,
      enterprise_id: a.firm?.id ?? null,
      platform_id: platformId,
      amount: fenToMoney(a.amountFen),
      usage_restriction: isPlatform ? UsageRestriction.SERVICES_ONLY : UsageRestriction.UNRESTRICTED,
      status,
      granted_on: isoDate(a.granted),
      ...this.span(a.granted, Math.min(lastChange, R)),
    });
    on(a.granted, MOF, 'grantAward', 'Award', awardId, null, {
      status: AwardStatus.GRANTED,
      amount: fenToMoney(a.amountFen),
      usageRestriction: isPlatform ? UsageRestriction.SERVICES_ONLY : UsageRestriction.UNRESTRICTED,
    });

    tranches.forEach((t, i) => {
      const id = this.ids.next();
      const key = `caijian-2021-2/b${a.batchNumber}/${awardId}/t${i + 1}`;
      out.disbursements.push({
        id,
        award_id: awardId,
        tranche: i + 1,
        amount: fenToMoney(t.fen),
        paid_on: isoDate(t.day),
        idempotency_key: key,
        created_at: officeTimestamp(this.auditRng, t.day),
      });
      on(t.day, MOF, 'disburseAward', 'Disbursement', id, null, { awardId, tranche: i + 1, amount: fenToMoney(t.fen), idempotencyKey: key });
    });

    // Spending: most of what arrived, after it arrived, never more than arrived (less any claw-back);
    // a services-only award only on services.
    const spendShare = status === AwardStatus.CLOSED ? rng.between(0.9, 1) : rng.between(0.5, 0.95);
    const clawFen = recover && disbursedFen > 0 ? Math.max(100, Math.round((disbursedFen * rng.between(0.3, 0.7)) / 100) * 100) : 0;
    const spendFen = Math.max(0, Math.min(Math.floor((disbursedFen * spendShare) / 100) * 100, disbursedFen - clawFen));
    let assigned = 0;
    tranches.forEach((t, i) => {
      const portion = i === tranches.length - 1 ? spendFen - assigned : Math.floor((spendFen * t.fen) / disbursedFen / 100) * 100;
      assigned += portion;
      const until = Math.min(i + 1 < tranches.length ? tranches[i + 1].day - 1 : R - 1, revoked ? a.revokedOn! - 1 : R - 1);
      if (until <= t.day) return; // no time to spend it: it stays unspent
      const pieces = rng.int(1, 3);
      let left = portion;
      for (let k = 0; k < pieces && left >= 100; k++) {
        const fen = k === pieces - 1 ? left : Math.floor((left * rng.between(0.3, 0.6)) / 100) * 100;
        if (fen < 100) continue;
        left -= fen;
        const category = isPlatform ? rng.pick(SERVICE_LIST) : ENTERPRISE_SPENDING.pick(rng);
        const spentOn = rng.int(t.day + 1, until);
        const id = this.ids.next();
        out.expenditures.push({
          id,
          award_id: awardId,
          category,
          amount: fenToMoney(fen),
          spent_on: isoDate(spentOn),
          description: SPENDING_NOTES[category] ?? null,
          created_at: officeTimestamp(this.auditRng, spentOn),
        });
        if (this.plan.audit === 'full') {
          const actor: Actor = isPlatform
            ? { role: 'PLATFORM', subject: `platform-user:${platformId}`, tenant: platformId }
            : this.enterpriseActor(a.firm!);
          on(spentOn, actor, 'recordExpenditure', 'Expenditure', id, null, { awardId, category, amount: fenToMoney(fen) });
        }
      }
    });

    if (clawFen > 0) {
      const id = this.ids.next();
      const reason =
        a.revocationReason === 'FALSE_DECLARATION'
          ? '企业虚假申报被撤销“小巨人”称号，收回已拨付奖补资金'
          : '企业偷逃税款被撤销“小巨人”称号，收回已拨付奖补资金';
      out.clawBacks.push({ id, award_id: awardId, amount: fenToMoney(clawFen), reason, created_at: officeTimestamp(this.auditRng, actedOn!) });
      on(
        actedOn!,
        MOF,
        'clawBackAward',
        'ClawBack',
        id,
        { awardStatus: frozen ? AwardStatus.FROZEN : AwardStatus.CLOSED },
        {
          awardId,
          amount: fenToMoney(clawFen),
          reason,
          awardStatus: AwardStatus.CLAWED_BACK,
        },
      );
    }
    return { id: awardId, frozen };
  }

  // -------------------------------------------------------------------------
  // Audit trail

  /** created_at and updated_at for a row made on `from` and last changed on `to` (never before it). */
  private span(from: Day, to: Day): { created_at: string; updated_at: string } {
    const created = officeTimestamp(this.auditRng, from);
    return { created_at: created, updated_at: to <= from ? created : officeTimestamp(this.auditRng, to) };
  }

  private enterpriseActor(firm: FirmRef): Actor {
    return { role: 'ENTERPRISE', subject: `enterprise-user:${firm.creditCode}`, tenant: firm.id };
  }

  private event(
    d: Day,
    actor: Actor,
    action: string,
    subjectType: string,
    subjectId: string,
    firm: FirmRef | null,
    before: unknown,
    after: unknown,
    platformId: string | null = null,
    regionCode: string | null = firm?.regionCode ?? null,
  ): void {
    this.audit.push({
      occurred_at: officeTimestamp(this.auditRng, Math.min(d, REFERENCE_DAY)),
      actor_subject: actor.subject,
      actor_role: actor.role,
      tenant: actor.tenant,
      action,
      subject_type: subjectType,
      subject_id: subjectId,
      enterprise_id: firm?.id ?? null,
      platform_id: platformId,
      region_code: regionCode,
      before,
      after,
      request_id: this.requestId,
    });
  }
}

/** What the applicant shows for each general condition it declares. */
const GENERAL_CONDITION_EVIDENCE: Record<string, string> = {
  notOnAbnormalOrDishonestLists: '国家企业信用信息公示系统、信用中国查询截图（均未列入）',
  noMajorAccidentOrTaxEvasion: '应急管理、市场监管、生态环境、税务部门出具的无违法记录证明',
};

const OBJECTION_GROUNDS = [
  '该企业申报材料中的主导产品市场占有率数据与行业协会公布数据不符，请予核实。',
  '据了解，该企业近三年曾发生环保处罚，与申报承诺不符。',
  '该企业研发人员数量疑似包含外包人员，请核查社保缴纳记录。',
];

interface FirmRef {
  id: string;
  creditCode: string;
  regionCode: string;
  provinceCode: string;
}

interface AwardPlan {
  batchId: string;
  batchNumber: number;
  year: number;
  granted: Day;
  amountFen: number;
  firm: FirmRef | null;
  platform: PlatformRow | null;
  revokedOn: Day | null;
  revocationReason: string | null;
}

export interface FundingRows {
  programs: FundingProgramRow[];
  batches: FundingBatchRow[];
  proposals: KeySupportProposalRow[];
  awards: AwardRow[];
  disbursements: DisbursementRow[];
  expenditures: ExpenditureRow[];
  clawBacks: ClawBackRow[];
}

/** An expert score with two decimals: passing 65–96, failing 38–59. */
function expertScore(rng: Rng, pass: boolean): string {
  const cents = pass ? rng.int(6500, 9600) : rng.int(3800, 5990);
  return (cents / 100).toFixed(2);
}

/** The top-level indicator keys of a rule set, for the evidence an expert review keeps. */
function indicatorKeys(ruleSetCode: string): string[] {
  return ruleSetByCode(ruleSetCode)?.indicators.map((i) => i.key) ?? [];
}

/**
 * The small evidence record an expert review keeps: the rule set, the verdict
 * and each indicator's result (a failed review names the indicator that
 * failed), the expert score, and for provincial titles the 100-point
 * dimension scores (specialized 25, refined 25, distinctive 15, innovation 35).
 */
function evaluation(rng: Rng, tier: Tier, ruleSetCode: string, score: string, passed: boolean): unknown {
  const keys = indicatorKeys(ruleSetCode);
  // Experts fail a firm on its figures, not on the general conditions a local government checks first.
  const failed = passed ? null : rng.pick(keys.filter((k) => k !== 'yearsInNiche' && !GENERAL_CONDITION_KEYS.includes(k)));
  const indicators = keys.map((key) => ({ key, result: key === failed ? 'FAIL' : 'PASS' }));
  const verdict = passed ? 'ELIGIBLE' : 'NOT_ELIGIBLE';
  if (tier === Tier.LITTLE_GIANT) return { ruleSetCode, verdict, expertScore: score, indicators };
  const total = Number(score);
  const [specialized, refined, distinctive, innovation] = [25, 25, 15, 35].map((max) =>
    Math.max(0, Math.min(max, Math.round((max * total) / 100 + rng.between(-2, 2)))),
  );
  return { ruleSetCode, verdict, expertScore: score, indicators, dimensions: { specialized, refined, distinctive, innovation } };
}

/**
 * Generates the plan and writes it. With one manager, everything goes through
 * it (inside its transaction: a failure leaves nothing behind). With two,
 * enterprises are split between them by chunk so two PostgreSQL backends work
 * in parallel: each enterprise's reports, certifications, applications and
 * reviews go to the same connection as the enterprise (a row must see its
 * parent), and the first connection takes the platforms, every enterprise
 * with an award, the funding and the audit trail. Generation does not depend
 * on the split: the same plan gives the same rows either way.
 * Returns rows written per table.
 */
export async function writeWorld(
  managers: EntityManager | readonly EntityManager[],
  plan: WorldPlan,
  onProgress?: (message: string) => void,
): Promise<WrittenCounts> {
  const list = Array.isArray(managers) ? (managers as readonly EntityManager[]) : [managers as EntityManager];
  if (list.length < 1 || list.length > 2) throw new RangeError('writeWorld takes one or two entity managers');
  const catalog = await RegionCatalog.load(list[0]);
  const builder = new WorldBuilder(plan, catalog);
  const writers = list.map((m) => new BulkWriter(m, { chunkSize: 5_000, maxPending: 10 }));
  const main = writers[0];
  const second = writers[writers.length - 1];
  try {
    const profiles = builder.planProfiles();
    main.enqueue(PLATFORM, builder.buildPlatforms());

    const chunk = plan.chunkSize ?? 2_500;
    for (let start = 0, n = 0; start < profiles.length; start += chunk, n++) {
      const rows = [emptyEnterpriseRows(), emptyEnterpriseRows()];
      // Enterprises with awards stay with the funding on the first connection.
      const target = (p: Profile) => (p.keyBatch !== null || p.rejectedKeyBatch !== null || n % 2 === 0 ? rows[0] : rows[1]);
      // Generate in slices and yield in between, so the database never waits for a whole chunk to be generated.
      for (let s = start; s < Math.min(start + chunk, profiles.length); s += 250) {
        builder.buildEnterprises(profiles.slice(s, Math.min(s + 250, start + chunk)), target);
        await yieldToEventLoop();
      }
      [main, second].forEach((w, i) => {
        w.enqueue(ENTERPRISE, rows[i].enterprises);
        w.enqueue(FINANCIAL_REPORT, rows[i].reports);
        w.enqueue(CERTIFICATION, rows[i].certifications);
        w.enqueue(APPLICATION, rows[i].applications);
        w.enqueue(REVIEW, rows[i].reviews);
        w.enqueue(ASSESSMENT, rows[i].assessments);
        w.enqueue(PUBLIC_OBJECTION, rows[i].objections);
      });
      await Promise.all(writers.map((w) => w.ready()));
      onProgress?.(`${Math.min(start + chunk, profiles.length)} / ${profiles.length} enterprises generated`);
    }

    const funding = builder.buildFunding();
    main.enqueue(FUNDING_PROGRAM, funding.programs);
    main.enqueue(FUNDING_BATCH, funding.batches);
    main.enqueue(KEY_SUPPORT_PROPOSAL, funding.proposals);
    main.enqueue(AWARD, funding.awards);
    main.enqueue(DISBURSEMENT, funding.disbursements);
    main.enqueue(EXPENDITURE, funding.expenditures);
    main.enqueue(CLAW_BACK, funding.clawBacks);

    // In time order, so audit ids rise with occurred_at as they would have in real life.
    const audit = builder.audit;
    audit.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0));
    main.enqueue(AUDIT_EVENT, audit);
    await Promise.all(writers.map((w) => w.flush()));
  } catch (err) {
    // Let whatever is still queued on the other connection finish (or fail) before the caller rolls back.
    await Promise.allSettled(writers.map((w) => w.flush()));
    throw err;
  }

  const counts = new Map<string, number>();
  for (const w of writers) for (const [table, n] of w.counts) counts.set(table, (counts.get(table) ?? 0) + n);
  return counts;
}
