import { TableSpec } from './bulk-insert';

/**
 * Rows as the seed writes them: snake_case like the columns, money as
 * two-decimal strings, dates as "YYYY-MM-DD", timestamps as ISO strings.
 * Columns left out keep their database defaults (created_at, overrides).
 */

export interface EnterpriseRow {
  id: string;
  credit_code: string;
  name: string;
  region_code: string;
  industry: string;
  product_field: string;
  size_class: string;
  founded_on: string | null;
  niche_since_year: number | null;
  tier: string | null;
  has_quality_certification: boolean | null;
  has_rd_institution: boolean | null;
  has_own_brand: boolean | null;
  at_key_chain_link: boolean | null;
}

export const ENTERPRISE: TableSpec<EnterpriseRow> = {
  table: 'enterprise',
  columns: {
    id: 'uuid',
    credit_code: 'text',
    name: 'text',
    region_code: 'text',
    industry: 'text',
    product_field: 'text',
    size_class: 'text',
    founded_on: 'date',
    niche_since_year: 'int',
    tier: 'text',
    has_quality_certification: 'boolean',
    has_rd_institution: 'boolean',
    has_own_brand: 'boolean',
    at_key_chain_link: 'boolean',
  },
};

export interface FinancialReportRow {
  id: string;
  enterprise_id: string;
  year: number;
  revenue: string | null;
  main_business_revenue: string | null;
  rd_expense: string | null;
  rd_staff: number | null;
  employees: number | null;
  total_assets: string | null;
  total_liabilities: string | null;
  new_equity_financing: string | null;
  class1_ip_count: number | null;
  niche_market_share: string | null;
}

export const FINANCIAL_REPORT: TableSpec<FinancialReportRow> = {
  table: 'financial_report',
  columns: {
    id: 'uuid',
    enterprise_id: 'uuid',
    year: 'int',
    revenue: 'numeric',
    main_business_revenue: 'numeric',
    rd_expense: 'numeric',
    rd_staff: 'int',
    employees: 'int',
    total_assets: 'numeric',
    total_liabilities: 'numeric',
    new_equity_financing: 'numeric',
    class1_ip_count: 'int',
    niche_market_share: 'numeric',
  },
};

export interface CertificationRow {
  id: string;
  enterprise_id: string;
  tier: string;
  batch_number: number | null;
  rule_set_code: string;
  status: string;
  public_notice_starts_on: string | null;
  public_notice_ends_on: string | null;
  certified_on: string | null;
  valid_until: string | null;
  revoked_on: string | null;
  revocation_reason: string | null;
  created_at: string;
  updated_at: string;
}

export const CERTIFICATION: TableSpec<CertificationRow> = {
  table: 'certification',
  columns: {
    id: 'uuid',
    enterprise_id: 'uuid',
    tier: 'text',
    batch_number: 'int',
    rule_set_code: 'text',
    status: 'text',
    public_notice_starts_on: 'date',
    public_notice_ends_on: 'date',
    certified_on: 'date',
    valid_until: 'date',
    revoked_on: 'date',
    revocation_reason: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
};

export interface PlatformRow {
  id: string;
  name: string;
  kind: string;
  level: string;
  region_code: string;
  operator: string;
  operator_credit_code: string | null;
}

export const PLATFORM: TableSpec<PlatformRow> = {
  table: 'platform',
  columns: {
    id: 'uuid',
    name: 'text',
    kind: 'text',
    level: 'text',
    region_code: 'text',
    operator: 'text',
    operator_credit_code: 'text',
  },
};

export interface FundingProgramRow {
  id: string;
  document_number: string;
  name: string;
  start_year: number;
  end_year: number;
  total_budget: string;
  created_at: string;
}

export const FUNDING_PROGRAM: TableSpec<FundingProgramRow> = {
  table: 'funding_program',
  columns: {
    id: 'uuid',
    document_number: 'text',
    name: 'text',
    start_year: 'int',
    end_year: 'int',
    total_budget: 'numeric',
    created_at: 'timestamptz',
  },
};

export interface FundingBatchRow {
  id: string;
  program_id: string;
  number: number;
  year: number;
  budget: string;
  support_years: number;
  created_at: string;
}

export const FUNDING_BATCH: TableSpec<FundingBatchRow> = {
  table: 'funding_batch',
  columns: {
    id: 'uuid',
    program_id: 'uuid',
    number: 'int',
    year: 'int',
    budget: 'numeric',
    support_years: 'int',
    created_at: 'timestamptz',
  },
};

/** region_code is left to the table's trigger, which copies it from the enterprise. */
export interface KeySupportProposalRow {
  id: string;
  batch_id: string;
  enterprise_id: string;
  status: string;
  proposed_by: string;
  decided_by: string | null;
  reason: string | null;
  proposed_at: string;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export const KEY_SUPPORT_PROPOSAL: TableSpec<KeySupportProposalRow> = {
  table: 'key_support_proposal',
  columns: {
    id: 'uuid',
    batch_id: 'uuid',
    enterprise_id: 'uuid',
    status: 'text',
    proposed_by: 'text',
    decided_by: 'text',
    reason: 'text',
    proposed_at: 'timestamptz',
    decided_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
};

export interface AwardRow {
  id: string;
  batch_id: string;
  enterprise_id: string | null;
  platform_id: string | null;
  amount: string;
  usage_restriction: string;
  status: string;
  granted_on: string;
  created_at: string;
  updated_at: string;
}

export const AWARD: TableSpec<AwardRow> = {
  table: 'award',
  columns: {
    id: 'uuid',
    batch_id: 'uuid',
    enterprise_id: 'uuid',
    platform_id: 'uuid',
    amount: 'numeric',
    usage_restriction: 'text',
    status: 'text',
    granted_on: 'date',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
};

export interface DisbursementRow {
  id: string;
  award_id: string;
  tranche: number;
  amount: string;
  paid_on: string;
  idempotency_key: string;
  created_at: string;
}

export const DISBURSEMENT: TableSpec<DisbursementRow> = {
  table: 'disbursement',
  columns: {
    id: 'uuid',
    award_id: 'uuid',
    tranche: 'int',
    amount: 'numeric',
    paid_on: 'date',
    idempotency_key: 'text',
    created_at: 'timestamptz',
  },
};

export interface ExpenditureRow {
  id: string;
  award_id: string;
  category: string;
  amount: string;
  spent_on: string;
  description: string | null;
  created_at: string;
}

export const EXPENDITURE: TableSpec<ExpenditureRow> = {
  table: 'expenditure',
  columns: {
    id: 'uuid',
    award_id: 'uuid',
    category: 'text',
    amount: 'numeric',
    spent_on: 'date',
    description: 'text',
    created_at: 'timestamptz',
  },
};

export interface ClawBackRow {
  id: string;
  award_id: string;
  amount: string;
  reason: string;
  created_at: string;
}

export const CLAW_BACK: TableSpec<ClawBackRow> = {
  table: 'claw_back',
  columns: { id: 'uuid', award_id: 'uuid', amount: 'numeric', reason: 'text', created_at: 'timestamptz' },
};

export interface ApplicationRow {
  id: string;
  enterprise_id: string;
  tier: string;
  rule_set_code: string;
  status: string;
  submitted_at: string | null;
  recommended_by_region_code: string | null;
  score: string | null;
  public_notice_starts_on: string | null;
  public_notice_ends_on: string | null;
  certification_id: string | null;
  created_at: string;
  updated_at: string;
}

export const APPLICATION: TableSpec<ApplicationRow> = {
  table: 'application',
  columns: {
    id: 'uuid',
    enterprise_id: 'uuid',
    tier: 'text',
    rule_set_code: 'text',
    status: 'text',
    submitted_at: 'timestamptz',
    recommended_by_region_code: 'text',
    score: 'numeric',
    public_notice_starts_on: 'date',
    public_notice_ends_on: 'date',
    certification_id: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
};

export interface ReviewRow {
  id: string;
  application_id: string;
  kind: string;
  decision: string;
  reviewer_role: string;
  reviewer_subject: string;
  reviewer_region_code: string | null;
  score: string | null;
  comment: string | null;
  rule_set_code: string | null;
  evaluation: unknown;
  created_at: string;
}

export const REVIEW: TableSpec<ReviewRow> = {
  table: 'review',
  columns: {
    id: 'uuid',
    application_id: 'uuid',
    kind: 'text',
    decision: 'text',
    reviewer_role: 'text',
    reviewer_subject: 'text',
    reviewer_region_code: 'text',
    score: 'numeric',
    comment: 'text',
    rule_set_code: 'text',
    evaluation: 'jsonb',
    created_at: 'timestamptz',
  },
};

export interface AssessmentRow {
  id: string;
  enterprise_id: string;
  region_code: string;
  indicator_key: string;
  year: number;
  value_kind: 'FLAG' | 'SCORE';
  flag: boolean | null;
  score: string | null;
  evidence: string;
  status: 'DECLARED' | 'CONFIRMED' | 'REJECTED' | 'SCORED';
  asserted_by: string;
  asserted_by_role: string;
  asserted_at: string;
  decided_by: string | null;
  decided_by_region_code: string | null;
  decided_at: string | null;
  rejection_reason: string | null;
  created_at: string;
  updated_at: string;
}

export const ASSESSMENT: TableSpec<AssessmentRow> = {
  table: 'assessment',
  columns: {
    id: 'uuid',
    enterprise_id: 'uuid',
    region_code: 'text',
    indicator_key: 'text',
    year: 'int',
    value_kind: 'text',
    flag: 'boolean',
    score: 'numeric',
    evidence: 'text',
    status: 'text',
    asserted_by: 'text',
    asserted_by_role: 'text',
    asserted_at: 'timestamptz',
    decided_by: 'text',
    decided_by_region_code: 'text',
    decided_at: 'timestamptz',
    rejection_reason: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
};

export interface PublicObjectionRow {
  id: string;
  application_id: string;
  enterprise_id: string;
  region_code: string;
  grounds: string;
  objector_role: string;
  objector_subject: string;
  objector_tenant: string | null;
  objector_name: string | null;
  objector_contact: string | null;
  status: 'OPEN';
  created_at: string;
  updated_at: string;
}

export const PUBLIC_OBJECTION: TableSpec<PublicObjectionRow> = {
  table: 'public_objection',
  columns: {
    id: 'uuid',
    application_id: 'uuid',
    enterprise_id: 'uuid',
    region_code: 'text',
    grounds: 'text',
    objector_role: 'text',
    objector_subject: 'text',
    objector_tenant: 'text',
    objector_name: 'text',
    objector_contact: 'text',
    status: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
};

/** audit_event.id is GENERATED ALWAYS: rows are inserted in time order so ids follow occurred_at. */
export interface AuditEventRow {
  occurred_at: string;
  actor_subject: string;
  actor_role: string;
  tenant: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  enterprise_id: string | null;
  platform_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export const AUDIT_EVENT: TableSpec<AuditEventRow> = {
  table: 'audit_event',
  columns: {
    occurred_at: 'timestamptz',
    actor_subject: 'text',
    actor_role: 'text',
    tenant: 'text',
    action: 'text',
    subject_type: 'text',
    subject_id: 'text',
    enterprise_id: 'uuid',
    platform_id: 'uuid',
    region_code: 'text',
    before: 'jsonb',
    after: 'jsonb',
    request_id: 'text',
  },
};
