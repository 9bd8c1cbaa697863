import { DataSource } from 'typeorm';
import { EvaluationPurpose } from '../../src/modules/eligibility/eligibility.enums';
import { inForce, RULE_SETS } from '../../src/modules/eligibility/rule-sets';
import { checkCreditCode } from '../../src/modules/enterprise/credit-code.rules';

/**
 * Rules the seeded data must keep beyond what the schema enforces, each as
 * a query counting the rows that break it (0 = kept). Shared by the demo and
 * national seed tests.
 */
export const REFERENCE_DATE = '2026-11-20';

export const INVARIANTS: Readonly<Record<string, string>> = {
  'awards stay within their batch budget': `
    SELECT count(*) FROM funding_batch b
    WHERE (SELECT coalesce(sum(a.amount), 0) FROM award a WHERE a.batch_id = b.id) > b.budget`,
  'batch budgets stay within the programme total, batch years within its years': `
    SELECT count(*) FROM funding_program p
    WHERE (SELECT coalesce(sum(b.budget), 0) FROM funding_batch b WHERE b.program_id = p.id) > p.total_budget
       OR EXISTS (SELECT 1 FROM funding_batch b WHERE b.program_id = p.id AND b.year NOT BETWEEN p.start_year AND p.end_year)`,
  'disbursed never exceeds the award': `
    SELECT count(*) FROM award a
    WHERE (SELECT coalesce(sum(d.amount), 0) FROM disbursement d WHERE d.award_id = a.id) > a.amount`,
  'spent plus clawed back never exceeds disbursed': `
    SELECT count(*) FROM award a
    WHERE (SELECT coalesce(sum(e.amount), 0) FROM expenditure e WHERE e.award_id = a.id)
        + (SELECT coalesce(sum(c.amount), 0) FROM claw_back c WHERE c.award_id = a.id)
        > (SELECT coalesce(sum(d.amount), 0) FROM disbursement d WHERE d.award_id = a.id)`,
  'platform awards are spent on services only': `
    SELECT count(*) FROM expenditure e JOIN award a ON a.id = e.award_id
    WHERE a.platform_id IS NOT NULL AND e.category NOT LIKE '%\\_SERVICE'`,
  'money is spent after it arrives and before the reference day': `
    SELECT count(*) FROM expenditure e
    WHERE e.spent_on <= (SELECT min(d.paid_on) FROM disbursement d WHERE d.award_id = e.award_id)
       OR e.spent_on >= DATE '${REFERENCE_DATE}'`,
  'tranches are numbered 1..n per award and paid after the grant': `
    SELECT count(*) FROM (
      SELECT d.award_id, max(d.tranche) AS top, count(*) AS n, bool_or(d.paid_on < a.granted_on) AS early
      FROM disbursement d JOIN award a ON a.id = d.award_id GROUP BY d.award_id) t
    WHERE top <> n OR early`,
  'enterprise awards go to little giants certified before the grant': `
    SELECT count(*) FROM award a
    WHERE a.enterprise_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM certification c
      WHERE c.enterprise_id = a.enterprise_id AND c.tier = 'LITTLE_GIANT' AND c.certified_on < a.granted_on)`,
  'enterprise awards follow an approved key-support proposal of their batch; rejected proposals bring no award': `
    SELECT (SELECT count(*) FROM award a
            WHERE a.enterprise_id IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM key_support_proposal k
              WHERE k.batch_id = a.batch_id AND k.enterprise_id = a.enterprise_id AND k.status = 'APPROVED'
                AND (k.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= a.granted_on))
         + (SELECT count(*) FROM key_support_proposal k
            WHERE (k.status = 'APPROVED') <> EXISTS (SELECT 1 FROM award a WHERE a.batch_id = k.batch_id AND a.enterprise_id = k.enterprise_id)
               OR k.region_code IS DISTINCT FROM (SELECT e.region_code FROM enterprise e WHERE e.id = k.enterprise_id))`,
  'revocations list the awards they froze': `
    SELECT count(*) FROM award a
    WHERE a.status = 'FROZEN' AND NOT EXISTS (
      SELECT 1 FROM audit_event ev
      WHERE ev.action = 'revokeCertification' AND ev.enterprise_id = a.enterprise_id AND ev.after->'frozenAwardIds' ? a.id::text)`,
  'frozen and clawed-back awards belong to revoked little giants; claw-backs only on clawed-back awards': `
    SELECT (SELECT count(*) FROM award a
            WHERE a.status IN ('FROZEN', 'CLAWED_BACK') AND NOT EXISTS (
              SELECT 1 FROM certification c WHERE c.enterprise_id = a.enterprise_id AND c.tier = 'LITTLE_GIANT' AND c.status = 'REVOKED'))
         + (SELECT count(*) FROM claw_back cb JOIN award a ON a.id = cb.award_id WHERE a.status <> 'CLAWED_BACK')`,
  'enterprise.tier is the highest held title (certified, under re-review or renewed)': `
    SELECT count(*) FROM enterprise e
    WHERE e.tier IS DISTINCT FROM (
      SELECT c.tier FROM certification c
      WHERE c.enterprise_id = e.id AND c.status IN ('CERTIFIED', 'UNDER_REVIEW', 'RENEWED')
      ORDER BY array_position(ARRAY['INNOVATIVE_SME', 'SRDI_SME', 'LITTLE_GIANT'], c.tier) DESC LIMIT 1)`,
  'little giants hold a provincial SRDI title; a title in public notice goes to a firm one tier below': `
    SELECT (SELECT count(*) FROM enterprise e
            WHERE e.tier = 'LITTLE_GIANT' AND NOT EXISTS (
              SELECT 1 FROM certification c WHERE c.enterprise_id = e.id AND c.tier = 'SRDI_SME' AND c.status IN ('CERTIFIED', 'UNDER_REVIEW', 'RENEWED')))
         + (SELECT count(*) FROM certification c JOIN enterprise e ON e.id = c.enterprise_id
            WHERE c.status = 'PUBLIC_NOTICE'
              AND e.tier IS DISTINCT FROM (CASE c.tier WHEN 'LITTLE_GIANT' THEN 'SRDI_SME' WHEN 'SRDI_SME' THEN 'INNOVATIVE_SME' END))`,
  'titles that lapse by date are valid past the reference day': `
    SELECT count(*) FROM certification WHERE status IN ('CERTIFIED', 'RENEWED') AND valid_until < DATE '${REFERENCE_DATE}'`,
  'little-giant lists are batches 1–7; a title in public notice has no batch yet': `
    SELECT count(*) FROM certification
    WHERE tier = 'LITTLE_GIANT' AND ((status = 'PUBLIC_NOTICE') <> (batch_number IS NULL) OR batch_number NOT BETWEEN 1 AND 7)`,
  'rule sets are the known ones, and certifications and applications name one that judges their tier': `
    WITH rule_set (code, tier) AS (VALUES ${RULE_SETS.map((r) => `('${r.code}', '${r.tier}')`).join(', ')})
    SELECT (SELECT count(*) FROM certification c WHERE NOT EXISTS (SELECT 1 FROM rule_set r WHERE r.code = c.rule_set_code AND r.tier = c.tier))
         + (SELECT count(*) FROM application a WHERE NOT EXISTS (SELECT 1 FROM rule_set r WHERE r.code = a.rule_set_code AND r.tier = a.tier))`,
  'a draft or returned application names a rule set in force for new applications, as updateApplication wants': `
    SELECT count(*) FROM application
    WHERE status IN ('DRAFT', 'RETURNED')
      AND rule_set_code NOT IN (${RULE_SETS.filter((r) => inForce(r, EvaluationPurpose.NEW_APPLICATION, REFERENCE_DATE))
        .map((r) => `'${r.code}'`)
        .join(', ')})`,
  'certified applications link a certification of their own enterprise and tier': `
    SELECT count(*) FROM application a LEFT JOIN certification c ON c.id = a.certification_id
    WHERE a.status = 'CERTIFIED' AND (c.id IS NULL OR c.enterprise_id <> a.enterprise_id OR c.tier <> a.tier)`,
  'applications in public notice can be certified: no title yet, the notice still running, its opening kept and on the trail': `
    SELECT count(*) FROM application a
    WHERE a.status = 'PUBLIC_NOTICE' AND (
      a.public_notice_ends_on < DATE '${REFERENCE_DATE}'
      OR a.public_notice_starts_on IS NULL OR a.public_notice_starts_on > a.public_notice_ends_on
      OR EXISTS (SELECT 1 FROM certification c WHERE c.enterprise_id = a.enterprise_id AND c.tier = a.tier
                 AND c.status IN ('PUBLIC_NOTICE', 'CERTIFIED', 'UNDER_REVIEW', 'RENEWED'))
      OR NOT EXISTS (SELECT 1 FROM audit_event ev
                     WHERE ev.subject_type = 'Application' AND ev.subject_id = a.id::text AND ev.action = 'openPublicNotice'
                       AND (ev.occurred_at AT TIME ZONE 'Asia/Shanghai')::date = a.public_notice_starts_on))`,
  'applications say when their notice opened once it has, and certified ones the day their title says': `
    SELECT count(*) FROM application a LEFT JOIN certification c ON c.id = a.certification_id
    WHERE (a.status IN ('PUBLIC_NOTICE', 'CERTIFIED') AND a.public_notice_starts_on IS NULL)
       OR (a.status IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'RETURNED', 'RECOMMENDED', 'UNDER_REVIEW', 'APPROVED') AND a.public_notice_starts_on IS NOT NULL)
       OR (a.status = 'CERTIFIED' AND a.public_notice_starts_on IS DISTINCT FROM c.public_notice_starts_on)`,
  'expert reviews exist exactly for decided applications, with the decision the status says': `
    SELECT count(*) FROM application a
    WHERE (a.status IN ('APPROVED', 'REJECTED', 'PUBLIC_NOTICE', 'CERTIFIED'))
          <> EXISTS (SELECT 1 FROM review r WHERE r.application_id = a.id AND r.kind = 'EXPERT_REVIEW')
       OR EXISTS (SELECT 1 FROM review r WHERE r.application_id = a.id AND r.kind = 'EXPERT_REVIEW'
                  AND r.decision <> CASE WHEN a.status = 'REJECTED' THEN 'REJECT' ELSE 'APPROVE' END)
       OR (a.status = 'RETURNED') <> EXISTS (SELECT 1 FROM review r WHERE r.application_id = a.id AND r.kind = 'RETURN')`,
  'little giants are reviewed by MIIT with a score and an evaluation, recommended by a local government': `
    SELECT count(*) FROM review r JOIN application a ON a.id = r.application_id
    WHERE (a.tier = 'LITTLE_GIANT' AND r.kind = 'EXPERT_REVIEW'
           AND (r.reviewer_role <> 'MIIT' OR r.score IS NULL OR r.evaluation->>'ruleSetCode' IS DISTINCT FROM a.rule_set_code))
       OR (r.kind IN ('RECOMMENDATION', 'RETURN') AND (r.reviewer_role <> 'LOCAL_GOV' OR r.reviewer_region_code IS NULL))`,
  'submitted and recommended applications say when and by whom': `
    SELECT count(*) FROM application
    WHERE (status NOT IN ('DRAFT', 'WITHDRAWN') AND submitted_at IS NULL)
       OR (status IN ('RECOMMENDED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'PUBLIC_NOTICE', 'CERTIFIED') AND recommended_by_region_code IS NULL)
       OR (status IN ('APPROVED', 'REJECTED', 'PUBLIC_NOTICE', 'CERTIFIED') AND score IS NULL)
       OR created_at > updated_at OR submitted_at < created_at`,
  'little giants are recommended by their province or plan-listed city': `
    SELECT count(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id
    WHERE a.tier = 'LITTLE_GIANT' AND a.recommended_by_region_code IS NOT NULL
      AND a.recommended_by_region_code NOT IN (substr(e.region_code, 1, 2) || '0000', substr(e.region_code, 1, 4) || '00')`,
  'firms were founded, and in their niche, at least two years before their first title or application': `
    SELECT (SELECT count(*) FROM certification c JOIN enterprise e ON e.id = c.enterprise_id
            WHERE e.founded_on > coalesce(c.certified_on, c.public_notice_starts_on) - interval '2 years'
               OR e.niche_since_year > extract(year FROM coalesce(c.certified_on, c.public_notice_starts_on)) - 2)
         + (SELECT count(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id WHERE e.founded_on > a.created_at)`,
  'three years of reports (2023–2025) per enterprise': `
    SELECT count(*) FROM enterprise e
    WHERE (SELECT count(*) FROM financial_report f WHERE f.enterprise_id = e.id AND f.year BETWEEN 2023 AND 2025) <> 3`,
  'R&D spending is below revenue': `
    SELECT count(*) FROM financial_report WHERE rd_expense > revenue`,
  'every application has an audit event': `
    SELECT count(*) FROM application a
    WHERE NOT EXISTS (
      SELECT 1 FROM audit_event ev
      WHERE (ev.subject_type = 'Application' AND ev.subject_id = a.id::text)
         OR (ev.subject_type = 'Certification' AND ev.subject_id = a.certification_id::text))`,
  'every award has a grant event and every tranche a disbursement event': `
    SELECT (SELECT count(*) FROM award a WHERE NOT EXISTS (
              SELECT 1 FROM audit_event ev WHERE ev.action = 'grantAward' AND ev.subject_type = 'Award' AND ev.subject_id = a.id::text))
         + (SELECT count(*) FROM disbursement d WHERE NOT EXISTS (
              SELECT 1 FROM audit_event ev WHERE ev.action = 'disburseAward' AND ev.subject_id = d.id::text))`,
  'assessments carry the region of their enterprise, are decided after they were declared, and each has its audit events': `
    SELECT (SELECT count(*) FROM assessment a JOIN enterprise e ON e.id = a.enterprise_id
            WHERE a.region_code <> e.region_code OR a.decided_at < a.asserted_at)
         + (SELECT count(*) FROM assessment a WHERE NOT EXISTS (
              SELECT 1 FROM audit_event ev WHERE ev.subject_type = 'Assessment' AND ev.subject_id = a.id::text
                AND ev.action IN ('declareAssessment', 'scoreAssessment')))
         + (SELECT count(*) FROM assessment a WHERE a.status IN ('CONFIRMED', 'REJECTED') AND NOT EXISTS (
              SELECT 1 FROM audit_event ev WHERE ev.subject_type = 'Assessment' AND ev.subject_id = a.id::text
                AND ev.action = CASE a.status WHEN 'CONFIRMED' THEN 'confirmAssessment' ELSE 'rejectAssessment' END))`,
  'public objections are raised during the notice of their application, with their audit event': `
    SELECT (SELECT count(*) FROM public_objection o JOIN application a ON a.id = o.application_id
            WHERE a.status <> 'PUBLIC_NOTICE' OR (o.created_at AT TIME ZONE 'Asia/Shanghai')::date > a.public_notice_ends_on
               OR o.enterprise_id <> a.enterprise_id)
         + (SELECT count(*) FROM public_objection o WHERE NOT EXISTS (
              SELECT 1 FROM audit_event ev WHERE ev.action = 'raisePublicObjection' AND ev.subject_id = o.id::text AND ev.enterprise_id IS NULL))`,
  'audit events carry their enterprise and its region, and ids follow time': `
    SELECT (SELECT count(*) FROM audit_event ev JOIN enterprise e ON e.id = ev.enterprise_id WHERE ev.region_code IS DISTINCT FROM e.region_code)
         + (SELECT count(*) FROM audit_event WHERE subject_type IN ('Application', 'Certification') AND (enterprise_id IS NULL OR region_code IS NULL))
         + (SELECT count(*) FROM (SELECT occurred_at < lag(occurred_at) OVER (ORDER BY id) AS back FROM audit_event) t WHERE back)`,
};

/** Each invariant's count of rows that break it. */
export async function invariantViolations(ds: Pick<DataSource, 'query'>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, sql] of Object.entries(INVARIANTS)) {
    const rows: { n: string | number }[] = await ds.query(`SELECT (${sql}) AS n`);
    out[name] = Number(rows[0].n);
  }
  return out;
}

/** Credit codes that fail GB 32100 or whose province is not in the region table. */
export async function badCreditCodes(ds: DataSource): Promise<string[]> {
  const rows: { code: string; province_known: boolean }[] = await ds.query(`
    SELECT credit_code AS code, EXISTS (SELECT 1 FROM region r WHERE r.code = substr(e.credit_code, 3, 2) || '0000') AS province_known
    FROM enterprise e
    UNION ALL
    SELECT operator_credit_code, EXISTS (SELECT 1 FROM region r WHERE r.code = substr(p.operator_credit_code, 3, 2) || '0000')
    FROM platform p WHERE operator_credit_code IS NOT NULL`);
  return rows.filter((r) => checkCreditCode(r.code) !== null || !r.province_known).map((r) => r.code);
}

/**
 * Little giants with complete figures that meet the 2022 criteria
 * (工信部企业〔2022〕63号) the generator draws for: main business ≥ 70%,
 * 2-year average main-business growth ≥ 5%, debt ratio ≤ 70%, R&D intensity
 * by revenue band in each of 2 years, ≥ 2 class-I IP rights, niche share ≥ 10%.
 */
export async function littleGiantCompliance(ds: DataSource): Promise<{ total: number; passing: number }> {
  const [row] = await ds.query(`
    WITH f AS (
      SELECT e.id,
             max(r.main_business_revenue) FILTER (WHERE r.year = 2023) AS m23,
             max(r.main_business_revenue) FILTER (WHERE r.year = 2024) AS m24,
             max(r.main_business_revenue) FILTER (WHERE r.year = 2025) AS m25,
             max(r.revenue) FILTER (WHERE r.year = 2024) AS rev24,
             max(r.revenue) FILTER (WHERE r.year = 2025) AS rev25,
             max(r.rd_expense) FILTER (WHERE r.year = 2024) AS rd24,
             max(r.rd_expense) FILTER (WHERE r.year = 2025) AS rd25,
             max(r.total_assets) FILTER (WHERE r.year = 2025) AS assets,
             max(r.total_liabilities) FILTER (WHERE r.year = 2025) AS liabilities,
             max(r.class1_ip_count) FILTER (WHERE r.year = 2025) AS ip,
             max(r.niche_market_share) FILTER (WHERE r.year = 2025) AS niche
      FROM enterprise e JOIN financial_report r ON r.enterprise_id = e.id
      WHERE e.tier = 'LITTLE_GIANT'
      GROUP BY e.id)
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE
             m25 / rev25 >= 0.7
             AND ((m24 / m23) + (m25 / m24)) / 2 - 1 >= 0.05
             AND liabilities / assets <= 0.7
             AND ip >= 2 AND niche >= 10
             AND ((rev25 >= 100000000 AND rd24 / rev24 >= 0.03 AND rd25 / rev25 >= 0.03)
               OR (rev25 >= 50000000 AND rd24 / rev24 >= 0.06 AND rd25 / rev25 >= 0.06)))::int AS passing
    FROM f
    WHERE m23 > 0 AND m24 > 0 AND rev24 > 0 AND rev25 > 0 AND assets > 0
      AND liabilities IS NOT NULL AND rd24 IS NOT NULL AND rd25 IS NOT NULL AND ip IS NOT NULL AND niche IS NOT NULL`);
  return row;
}
