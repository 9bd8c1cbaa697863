import { Role } from '../auth/roles';

/**
 * THE policy: who may do what to which rows and fields, per role, as data.
 *
 * Each rule names actions, subjects, optional row conditions (CASL/Mongo
 * syntax over entity properties) and optional fields (GraphQL field names).
 * `${...}` placeholders are filled from the caller's token: enterpriseId,
 * platformId, and regionLo/regionHi, the code range of the caller's region
 * and everything below it (GB/T 2260 codes nest by prefix, so a subtree is a
 * contiguous range: 320000..329999 is Jiangsu); littleGiantLo1/Hi1 and
 * littleGiantLo2/Hi2, the (at most two) ranges whose little giants the
 * caller recommends (an empty range, matching nothing, where it has none).
 *
 * The same rules drive the SQL WHERE clauses (casl-to-sql.ts), single
 * lookups, nested fields, field masking and mutation checks; the row-level
 * security policies of the TenantScope migration mirror them in PostgreSQL.
 * docs/permissions.md is generated from this file (npm run docs:permissions).
 */

export const SUBJECTS = [
  'Region',
  'Enterprise',
  'FinancialReport',
  'Assessment',
  'Certification',
  'Application',
  'Review',
  'Platform',
  'FundingProgram',
  'FundingBatch',
  'Award',
  'Disbursement',
  'Expenditure',
  'ClawBack',
  'KeySupportProposal',
  'KeyLittleGiant',
  'PublicObjection',
  'AuditEvent',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/**
 * read and the generic create/update, then the programme's workflow steps,
 * each the ability behind one mutation of the contract.
 */
export const ACTIONS = [
  'read',
  'create',
  'update',
  'correct',
  'submit',
  'withdraw',
  'recommend',
  'return',
  'review',
  'object',
  'resolve',
  'certify',
  'revoke',
  'renew',
  'propose',
  'approve',
  'grant',
  'disburse',
  'clawBack',
  'declare',
  'confirm',
  'score',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface RuleTemplate {
  action: Action | Action[];
  subject: SubjectName | SubjectName[];
  conditions?: Record<string, unknown>;
  fields?: string[];
  /** Why the rule exists, in the programme's words; printed in docs/permissions.md. */
  because: string;
}

/** Published certification states: what the public lists show. */
const PUBLISHED_CERTIFICATION = ['PUBLIC_NOTICE', 'CERTIFIED', 'UNDER_REVIEW', 'RENEWED'];

/** What anyone may read about a certified enterprise: the published list. */
/**
 * keySupport is asked by anyone who sees the enterprise, but its row is
 * scoped by the proposal's own rules (those of the enterprise's awards), so
 * to everyone else it is null, as if there were none.
 */
export const ENTERPRISE_PUBLIC_FIELDS = ['id', 'name', 'creditCode', 'region', 'tier', 'industry', 'productField', 'certifications', 'keySupport'];
export const CERTIFICATION_PUBLIC_FIELDS = [
  'id',
  'enterprise',
  'tier',
  'batchNumber',
  'ruleSetCode',
  'status',
  'publicNoticeStartsOn',
  'publicNoticeEndsOn',
  'certifiedOn',
  'validUntil',
  'createdAt',
];
/** Expert review is blind: the reviewed enterprise never learns who reviewed it. */
const REVIEW_FIELDS_FOR_APPLICANT = [
  'id',
  'application',
  'kind',
  'decision',
  'reviewerRole',
  'score',
  'comment',
  'ruleSetCode',
  'evaluation',
  'createdAt',
];

/**
 * Steps of the review of an application taken by others than the applicant:
 * recommendation, expert review, public notice and objections. Their reviews
 * hide who took them from the applicant (REVIEW_FIELDS_FOR_APPLICANT), and so
 * must the audit trail of those steps: which fields of an audit event a role
 * reads depends on the event's action.
 */
export const UNDISCLOSED_ACTOR_ACTIONS = [
  'recommendApplication',
  'returnApplication',
  'startReview',
  'reviewApplication',
  'openPublicNotice',
  'raiseObjection',
  'resolveObjection',
  'certifyEnterprise',
  'raisePublicObjection',
  'resolvePublicObjection',
];
/** Who acted: the actor's token subject and tenant. */
const AUDIT_EVENT_ACTOR_FIELDS = ['actorSubject', 'tenant'];
/** enterpriseId: what the client's form of the rules below tests (client-rules.ts). */
const AUDIT_EVENT_FIELDS_WITHOUT_ACTOR = [
  'id',
  'occurredAt',
  'actorRole',
  'action',
  'subjectType',
  'subjectId',
  'before',
  'after',
  'requestId',
  'enterpriseId',
];

const OWN_ENTERPRISE = { enterpriseId: '${enterpriseId}' };
const OWN_PLATFORM = { platformId: '${platformId}' };
const IN_REGION = { regionCode: { $gte: '${regionLo}', $lte: '${regionHi}' } };

/** Fields an enterprise may change about itself; credit code and region change through the local government. */
const ENTERPRISE_SELF_EDITABLE = [
  'name',
  'industry',
  'productField',
  'sizeClass',
  'foundedOn',
  'nicheSinceYear',
  'hasQualityCertification',
  'hasRdInstitution',
  'hasOwnBrand',
  'atKeyChainLink',
];

/** Fields a platform may change about itself. */
const PLATFORM_SELF_EDITABLE = ['name', 'operator', 'operatorCreditCode'];

/** What anyone may read about an application on public notice (公示): enough to raise an objection. */
export const APPLICATION_NOTICE_FIELDS = ['id', 'enterprise', 'tier', 'ruleSetCode', 'status', 'publicNoticeEndsOn', 'createdAt', 'updatedAt'];

/**
 * What the enterprise concerned reads of an objection to its application:
 * what is objected to and how MIIT ruled, so that it can answer; never who
 * objected or how to reach them (the notices promise objectors that), as
 * its reviews never name the reviewers.
 */
export const OBJECTION_FIELDS_FOR_ENTERPRISE = ['id', 'application', 'grounds', 'status', 'resolutionReason', 'raisedAt', 'resolvedAt'];

/** Anyone objects during public notice; whether the application is on notice is the workflow's rule. */
const OBJECTION_BY_ANYONE: RuleTemplate = {
  action: 'create',
  subject: 'PublicObjection',
  because:
    'anyone may object (异议) to an application on public notice (公示), as the notices invite: the public with a name and a contact, a signed-in caller under its own identity',
};

const PUBLIC_RULES: RuleTemplate[] = [
  {
    action: 'read',
    subject: ['Region', 'Platform', 'FundingProgram', 'FundingBatch'],
    because: 'regions, platforms and funding programmes are published',
  },
  {
    action: 'read',
    subject: 'KeyLittleGiant',
    because:
      'the list of key little giants (重点小巨人) MoF approved for each batch is published; the list holds nothing else (no amounts, no rejections)',
  },
  {
    action: 'read',
    subject: 'Enterprise',
    conditions: { tier: { $ne: null } },
    fields: ENTERPRISE_PUBLIC_FIELDS,
    because: 'the lists of certified enterprises are published, with their public fields',
  },
  {
    action: 'read',
    subject: 'Certification',
    conditions: { status: { $in: PUBLISHED_CERTIFICATION } },
    fields: CERTIFICATION_PUBLIC_FIELDS,
    because: 'certifications in public notice or in force are published',
  },
  {
    action: 'read',
    subject: 'Application',
    conditions: { status: 'PUBLIC_NOTICE' },
    fields: APPLICATION_NOTICE_FIELDS,
    because: 'the list on public notice (公示) is published so that anyone may know it and object',
  },
  OBJECTION_BY_ANYONE,
];

export const POLICY: Record<Role, RuleTemplate[]> = {
  PUBLIC: PUBLIC_RULES,

  ENTERPRISE: [
    ...PUBLIC_RULES,
    { action: 'read', subject: 'Enterprise', conditions: { id: '${enterpriseId}' }, because: 'an enterprise sees all of its own record' },
    {
      action: 'update',
      subject: 'Enterprise',
      conditions: { id: '${enterpriseId}' },
      fields: ENTERPRISE_SELF_EDITABLE,
      because: 'certified firms update their information yearly',
    },
    {
      action: ['read', 'create', 'update'],
      subject: 'FinancialReport',
      conditions: OWN_ENTERPRISE,
      because: 'an enterprise reports its own yearly figures and revises them until an application that used them is recommended',
    },
    {
      action: 'read',
      subject: 'Assessment',
      conditions: OWN_ENTERPRISE,
      because: 'an enterprise sees the assessments of its qualitative conditions, as it sees its figures',
    },
    {
      action: 'declare',
      subject: 'Assessment',
      conditions: { ...OWN_ENTERPRISE, valueKind: 'FLAG' },
      because: 'an enterprise declares its yes/no conditions (an information system, a top-3 rank…) with evidence; a score is the experts’ to give',
    },
    {
      action: ['read', 'create', 'update', 'submit', 'withdraw'],
      subject: 'Application',
      conditions: OWN_ENTERPRISE,
      because: 'an enterprise applies, edits its draft, submits, and may withdraw before recommendation',
    },
    {
      action: 'read',
      subject: 'Review',
      conditions: OWN_ENTERPRISE,
      fields: REVIEW_FIELDS_FOR_APPLICANT,
      because: 'an applicant sees the decisions on its applications, but not who the blind reviewers were',
    },
    {
      action: 'read',
      subject: ['Certification', 'Award', 'Disbursement', 'ClawBack'],
      conditions: OWN_ENTERPRISE,
      because: 'an enterprise sees its own certifications, awards and payments',
    },
    {
      action: 'read',
      subject: 'AuditEvent',
      conditions: OWN_ENTERPRISE,
      fields: AUDIT_EVENT_FIELDS_WITHOUT_ACTOR,
      because: 'an enterprise sees the trail of its own records',
    },
    {
      action: 'read',
      subject: 'AuditEvent',
      conditions: { ...OWN_ENTERPRISE, action: { $nin: UNDISCLOSED_ACTOR_ACTIONS } },
      fields: AUDIT_EVENT_ACTOR_FIELDS,
      because: 'and who acted, except in the steps of review and objection, which are blind to the applicant as its reviews are',
    },
    {
      action: ['read', 'create'],
      subject: 'Expenditure',
      conditions: OWN_ENTERPRISE,
      because: 'an enterprise records how it spends its award (any category)',
    },
    {
      action: 'read',
      subject: 'KeySupportProposal',
      conditions: OWN_ENTERPRISE,
      because: 'an enterprise sees whether it was proposed and selected as a key little giant',
    },
    {
      action: 'read',
      subject: 'PublicObjection',
      conditions: OWN_ENTERPRISE,
      fields: OBJECTION_FIELDS_FOR_ENTERPRISE,
      because: 'an enterprise sees the objections to its applications and MIIT’s rulings, never who objected or their contact',
    },
  ],

  PLATFORM: [
    ...PUBLIC_RULES,
    {
      action: 'update',
      subject: 'Platform',
      conditions: { id: '${platformId}' },
      fields: PLATFORM_SELF_EDITABLE,
      because: 'a platform keeps its own name and operator current; its kind, level and region are recognised by the authorities',
    },
    {
      action: 'read',
      subject: ['Award', 'Disbursement', 'ClawBack', 'AuditEvent'],
      conditions: OWN_PLATFORM,
      because: 'a platform sees its own awards, payments and their trail',
    },
    {
      action: ['read', 'create'],
      subject: 'Expenditure',
      conditions: OWN_PLATFORM,
      because: 'a platform records its spending on services to SMEs',
    },
  ],

  LOCAL_GOV: [
    ...PUBLIC_RULES,
    {
      action: ['read', 'create', 'update'],
      subject: 'Enterprise',
      conditions: IN_REGION,
      because: 'a local government registers and keeps the enterprises of its region and the regions below it',
    },
    {
      action: 'read',
      subject: 'Platform',
      conditions: IN_REGION,
      because: 'a local government sees the platforms of its region and the regions below it',
    },
    {
      action: ['create', 'update'],
      subject: 'Platform',
      conditions: { ...IN_REGION, level: 'PROVINCIAL' },
      because: 'a local government registers and keeps the provincial platforms of its region; national recognition is MIIT’s',
    },
    {
      action: 'read',
      subject: [
        'FinancialReport',
        'Assessment',
        'Certification',
        'Application',
        'Review',
        'Award',
        'Disbursement',
        'Expenditure',
        'ClawBack',
        'KeySupportProposal',
        'PublicObjection',
        'AuditEvent',
      ],
      conditions: IN_REGION,
      because: 'a local government sees everything about the enterprises and platforms below it',
    },
    {
      action: ['create', 'update', 'correct'],
      subject: 'FinancialReport',
      conditions: IN_REGION,
      because:
        'a local government reports figures on behalf of its enterprises, and alone corrects, with a reason, a report an application used once that application is recommended',
    },
    {
      action: 'confirm',
      subject: 'Assessment',
      conditions: { ...IN_REGION, valueKind: 'FLAG' },
      because:
        'the local government of the enterprise’s region (or above) confirms or rejects what the enterprise declared, as it checks the application (初核)',
    },
    {
      action: 'return',
      subject: 'Application',
      conditions: IN_REGION,
      because: 'the local government returns its enterprises’ applications for changes',
    },
    {
      action: 'recommend',
      subject: 'Application',
      conditions: { ...IN_REGION, tier: { $ne: 'LITTLE_GIANT' } },
      because:
        'the local government recommends its enterprises’ applications for the lower tiers, at any level in whose region the enterprise is (city and county review)',
    },
    {
      action: 'recommend',
      subject: 'Application',
      conditions: { tier: 'LITTLE_GIANT', regionCode: { $gte: '${littleGiantLo1}', $lte: '${littleGiantHi1}' } },
      because:
        'a little giant is recommended by its recommending authority only: its plan-listed city (计划单列市) if it lies in one, else its province',
    },
    {
      action: 'recommend',
      subject: 'Application',
      conditions: { tier: 'LITTLE_GIANT', regionCode: { $gte: '${littleGiantLo2}', $lte: '${littleGiantHi2}' } },
      because: 'and a province with a plan-listed city recommends the little giants of the rest of the province, on both sides of the city’s codes',
    },
    {
      action: 'object',
      subject: 'Application',
      conditions: IN_REGION,
      because: 'the local government may object to its enterprises’ applications during public notice (公示)',
    },
  ],

  MIIT: [
    { action: 'read', subject: [...SUBJECTS], because: 'MIIT reads everything' },
    {
      action: 'review',
      subject: 'Application',
      because: 'MIIT reviews and scores applications against the rule set, lists them for public notice and rules on objections',
    },
    { action: 'object', subject: 'Application', because: 'MIIT may record an objection during public notice' },
    OBJECTION_BY_ANYONE,
    {
      action: 'resolve',
      subject: 'PublicObjection',
      because: 'MIIT rules on each objection raised during public notice, upholding or dismissing it with a reason',
    },
    {
      action: ['certify', 'revoke', 'renew'],
      subject: 'Certification',
      because: 'MIIT certifies, re-reviews and revokes little giants',
    },
    {
      action: ['create', 'update'],
      subject: 'Platform',
      conditions: { level: 'NATIONAL' },
      because: 'MIIT recognises national demonstration platforms, so it registers and keeps them',
    },
    {
      action: 'score',
      subject: 'Assessment',
      conditions: { valueKind: 'SCORE' },
      because: 'MIIT’s experts give the scored conditions, such as the development evaluation score of the 2026 little-giant rules',
    },
    {
      action: 'propose',
      subject: 'KeySupportProposal',
      because: 'MIIT proposes certified little giants as key little giants for a funding batch',
    },
  ],

  MOF: [
    {
      action: 'read',
      subject: SUBJECTS.filter((s) => s !== 'PublicObjection'),
      because:
        'MoF reads everything but the objections raised during public notice: it has no part in certification, and objectors’ contacts go no further than those who handle them',
    },
    OBJECTION_BY_ANYONE,
    {
      // No 'update': no operation changes a programme or a batch once set (a budget
      // change would have to re-check the awards already granted against it).
      action: 'create',
      subject: ['FundingProgram', 'FundingBatch'],
      because: 'MoF sets programmes, batches and budgets',
    },
    {
      action: 'approve',
      subject: 'KeySupportProposal',
      because: 'MoF approves or rejects the key little giants proposed by MIIT',
    },
    {
      action: ['grant', 'disburse', 'clawBack'],
      subject: 'Award',
      because: 'MoF grants awards (to approved key little giants and to platforms), disburses them in tranches and claws them back',
    },
  ],
};
