import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's data model. The domain's rules that a single row or a
 * foreign key can express live here, in the database, so that no code path
 * (a seed script, a psql session, a bug) can write a row the programme
 * forbids. Enumerations are text with CHECKs rather than PG enums: adding a
 * value is then a one-line migration.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE region (
        code        char(6) PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{5}$'),
        name        text NOT NULL CHECK (name <> ''),
        name_en     text,
        level       text NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
        parent_code char(6) REFERENCES region (code),
        path        ltree NOT NULL UNIQUE,
        CHECK ((level = 'PROVINCE') = (parent_code IS NULL)),
        CHECK (subpath(path, -1)::text = code)
      )`);
    await q.query(`CREATE INDEX region_parent_code_idx ON region (parent_code)`);
    await q.query(`CREATE INDEX region_path_gist ON region USING gist (path)`);
    await q.query(`CREATE INDEX region_level_idx ON region (level)`);

    await q.query(`
      CREATE TABLE enterprise (
        id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        credit_code               char(18) NOT NULL UNIQUE
                                  CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
        credit_code_override      boolean NOT NULL DEFAULT false,
        name                      text NOT NULL CHECK (btrim(name) <> ''),
        region_code               char(6) NOT NULL REFERENCES region (code),
        industry                  text NOT NULL CHECK (btrim(industry) <> ''),
        product_field             text NOT NULL CHECK (product_field IN (
                                    'CORE_BASIC_COMPONENTS', 'KEY_BASIC_ELECTRONIC_COMPONENTS', 'KEY_BASIC_SOFTWARE',
                                    'KEY_BASIC_MATERIALS', 'ADVANCED_BASIC_PROCESSES', 'INDUSTRIAL_TECHNOLOGY_BASE',
                                    'NEXT_GENERATION_IT', 'HIGH_END_CNC_AND_ROBOTS', 'AEROSPACE_EQUIPMENT',
                                    'OCEAN_ENGINEERING_AND_SHIPS', 'ADVANCED_RAIL_TRANSIT', 'NEW_ENERGY_VEHICLES',
                                    'POWER_EQUIPMENT', 'AGRICULTURAL_MACHINERY', 'NEW_MATERIALS',
                                    'BIOMEDICINE_AND_MEDICAL_DEVICES', 'OTHER')),
        size_class                text NOT NULL CHECK (size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
        founded_on                date,
        niche_since_year          int CHECK (niche_since_year BETWEEN 1949 AND 2100),
        tier                      text CHECK (tier IN ('INNOVATIVE_SME', 'SRDI_SME', 'LITTLE_GIANT')),
        has_quality_certification boolean,
        has_rd_institution        boolean,
        has_own_brand             boolean,
        at_key_chain_link         boolean,
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX enterprise_region_code_idx ON enterprise (region_code)`);
    await q.query(`CREATE INDEX enterprise_tier_idx ON enterprise (tier)`);
    await q.query(`CREATE INDEX enterprise_name_trgm ON enterprise USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE financial_report (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id         uuid NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
        year                  int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        revenue               numeric(18,2) CHECK (revenue >= 0),
        main_business_revenue numeric(18,2) CHECK (main_business_revenue >= 0),
        rd_expense            numeric(18,2) CHECK (rd_expense >= 0),
        rd_staff              int CHECK (rd_staff >= 0),
        employees             int CHECK (employees >= 0),
        total_assets          numeric(18,2) CHECK (total_assets >= 0),
        total_liabilities     numeric(18,2) CHECK (total_liabilities >= 0),
        new_equity_financing  numeric(18,2) CHECK (new_equity_financing >= 0),
        class1_ip_count       int CHECK (class1_ip_count >= 0),
        niche_market_share    numeric(5,2) CHECK (niche_market_share BETWEEN 0 AND 100),
        created_at            timestamptz NOT NULL DEFAULT now(),
        UNIQUE (enterprise_id, year),
        CHECK (main_business_revenue <= revenue),
        CHECK (rd_staff <= employees)
      )`);

    await q.query(`
      CREATE TABLE certification (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id           uuid NOT NULL REFERENCES enterprise (id),
        tier                    text NOT NULL CHECK (tier IN ('INNOVATIVE_SME', 'SRDI_SME', 'LITTLE_GIANT')),
        batch_number            int CHECK (batch_number > 0),
        rule_set_code           text NOT NULL CHECK (rule_set_code <> ''),
        status                  text NOT NULL CHECK (status IN
                                  ('PUBLIC_NOTICE', 'CERTIFIED', 'UNDER_REVIEW', 'RENEWED', 'EXPIRED', 'REVOKED')),
        public_notice_starts_on date,
        public_notice_ends_on   date,
        certified_on            date,
        valid_until             date,
        revoked_on              date,
        revocation_reason       text CHECK (revocation_reason IN (
                                  'FALSE_DECLARATION', 'MAJOR_SAFETY_ACCIDENT', 'MAJOR_QUALITY_ACCIDENT',
                                  'MAJOR_POLLUTION_ACCIDENT', 'TAX_EVASION', 'ABNORMAL_OPERATIONS_LIST',
                                  'SERIOUS_DISHONESTY_LIST')),
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'REVOKED') = (revocation_reason IS NOT NULL AND revoked_on IS NOT NULL)),
        CHECK (public_notice_ends_on >= public_notice_starts_on),
        CHECK (status = 'PUBLIC_NOTICE' OR (certified_on IS NOT NULL AND valid_until IS NOT NULL)),
        CHECK (valid_until > certified_on)
      )`);
    await q.query(`CREATE INDEX certification_enterprise_id_idx ON certification (enterprise_id)`);
    // An enterprise holds a tier at most once at a time; ended titles stay as history.
    await q.query(`
      CREATE UNIQUE INDEX certification_one_live_per_tier ON certification (enterprise_id, tier)
      WHERE status NOT IN ('EXPIRED', 'REVOKED')`);

    await q.query(`
      CREATE TABLE platform (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name                 text NOT NULL CHECK (btrim(name) <> ''),
        kind                 text NOT NULL CHECK (kind IN ('PUBLIC_SERVICE_DEMONSTRATION_PLATFORM', 'DEVELOPMENT_ZONE')),
        level                text NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL')),
        region_code          char(6) NOT NULL REFERENCES region (code),
        operator             text NOT NULL CHECK (btrim(operator) <> ''),
        operator_credit_code char(18) UNIQUE,
        created_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX platform_region_code_idx ON platform (region_code)`);

    await q.query(`
      CREATE TABLE funding_program (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_number text NOT NULL UNIQUE CHECK (document_number <> ''),
        name            text NOT NULL CHECK (name <> ''),
        start_year      int NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
        end_year        int NOT NULL,
        total_budget    numeric(18,2) NOT NULL CHECK (total_budget > 0),
        created_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (end_year >= start_year)
      )`);

    await q.query(`
      CREATE TABLE funding_batch (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id    uuid NOT NULL REFERENCES funding_program (id),
        number        int NOT NULL CHECK (number > 0),
        year          int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        budget        numeric(18,2) NOT NULL CHECK (budget > 0),
        support_years int NOT NULL CHECK (support_years BETWEEN 1 AND 3),
        created_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, number)
      )`);

    await q.query(`
      CREATE TABLE award (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id          uuid NOT NULL REFERENCES funding_batch (id),
        enterprise_id     uuid REFERENCES enterprise (id),
        platform_id       uuid REFERENCES platform (id),
        amount            numeric(18,2) NOT NULL CHECK (amount > 0),
        usage_restriction text NOT NULL CHECK (usage_restriction IN ('UNRESTRICTED', 'SERVICES_ONLY')),
        status            text NOT NULL CHECK (status IN ('GRANTED', 'FROZEN', 'CLAWED_BACK', 'CLOSED')),
        granted_on        date NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(enterprise_id, platform_id) = 1),
        CHECK ((platform_id IS NOT NULL) = (usage_restriction = 'SERVICES_ONLY')),
        UNIQUE (batch_id, enterprise_id),
        UNIQUE (batch_id, platform_id)
      )`);
    await q.query(`CREATE INDEX award_enterprise_id_idx ON award (enterprise_id) WHERE enterprise_id IS NOT NULL`);
    await q.query(`CREATE INDEX award_platform_id_idx ON award (platform_id) WHERE platform_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE disbursement (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id        uuid NOT NULL REFERENCES award (id),
        tranche         int NOT NULL CHECK (tranche > 0),
        amount          numeric(18,2) NOT NULL CHECK (amount > 0),
        paid_on         date NOT NULL,
        idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (award_id, tranche)
      )`);

    await q.query(`
      CREATE TABLE expenditure (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id    uuid NOT NULL REFERENCES award (id),
        category    text NOT NULL CHECK (category IN (
                      'TECHNOLOGY_INNOVATION_SERVICE', 'LISTING_COACHING_SERVICE', 'COMMERCIALISATION_SERVICE',
                      'DIGITAL_TRANSFORMATION_SERVICE', 'INTELLECTUAL_PROPERTY_SERVICE', 'CLOUD_ADOPTION_SERVICE',
                      'INDUSTRIAL_DESIGN_SERVICE', 'TRAINING_SERVICE', 'RESEARCH_AND_DEVELOPMENT', 'EQUIPMENT',
                      'TALENT', 'WORKING_CAPITAL', 'PLATFORM_CONSTRUCTION', 'PLATFORM_OPERATING_COSTS', 'OTHER')),
        amount      numeric(18,2) NOT NULL CHECK (amount > 0),
        spent_on    date NOT NULL,
        description text,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX expenditure_award_id_idx ON expenditure (award_id)`);
    // The platform rule, also in the database: a services-only award is never
    // spent on the platform's own construction or running costs.
    await q.query(`
      CREATE FUNCTION expenditure_respects_usage_restriction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.category NOT LIKE '%\\_SERVICE' AND EXISTS (
          SELECT 1 FROM award a WHERE a.id = NEW.award_id AND a.usage_restriction = 'SERVICES_ONLY'
        ) THEN
          RAISE EXCEPTION 'platform awards may only be spent on services to SMEs, not on %', NEW.category
            USING ERRCODE = 'check_violation', CONSTRAINT = 'expenditure_services_only';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER expenditure_respects_usage_restriction BEFORE INSERT OR UPDATE ON expenditure
      FOR EACH ROW EXECUTE FUNCTION expenditure_respects_usage_restriction()`);

    await q.query(`
      CREATE TABLE claw_back (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id   uuid NOT NULL REFERENCES award (id),
        amount     numeric(18,2) NOT NULL CHECK (amount > 0),
        reason     text NOT NULL CHECK (btrim(reason) <> ''),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claw_back_award_id_idx ON claw_back (award_id)`);

    await q.query(`
      CREATE TABLE application (
        id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id              uuid NOT NULL REFERENCES enterprise (id),
        tier                       text NOT NULL CHECK (tier IN ('INNOVATIVE_SME', 'SRDI_SME', 'LITTLE_GIANT')),
        rule_set_code              text NOT NULL CHECK (rule_set_code <> ''),
        status                     text NOT NULL CHECK (status IN (
                                     'DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN', 'RECOMMENDED', 'UNDER_REVIEW',
                                     'APPROVED', 'REJECTED', 'PUBLIC_NOTICE', 'CERTIFIED')),
        submitted_at               timestamptz,
        recommended_by_region_code char(6) REFERENCES region (code),
        score                      numeric(5,2) CHECK (score BETWEEN 0 AND 100),
        public_notice_ends_on      date,
        certification_id           uuid REFERENCES certification (id),
        created_at                 timestamptz NOT NULL DEFAULT now(),
        updated_at                 timestamptz NOT NULL DEFAULT now(),
        CHECK (status IN ('DRAFT', 'WITHDRAWN') OR submitted_at IS NOT NULL),
        CHECK ((status = 'CERTIFIED') = (certification_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX application_enterprise_id_idx ON application (enterprise_id)`);
    await q.query(`CREATE INDEX application_status_idx ON application (status)`);

    await q.query(`
      CREATE TABLE review (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id       uuid NOT NULL REFERENCES application (id),
        kind                 text NOT NULL CHECK (kind IN
                               ('RECOMMENDATION', 'RETURN', 'EXPERT_REVIEW', 'OBJECTION', 'OBJECTION_RESOLUTION')),
        decision             text NOT NULL CHECK (decision IN
                               ('RECOMMEND', 'RETURN', 'APPROVE', 'REJECT', 'UPHELD', 'DISMISSED', 'RAISED')),
        reviewer_role        text NOT NULL,
        reviewer_subject     text NOT NULL,
        reviewer_region_code char(6) REFERENCES region (code),
        score                numeric(5,2) CHECK (score BETWEEN 0 AND 100),
        comment              text,
        rule_set_code        text,
        evaluation           jsonb,
        created_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_application_id_idx ON review (application_id)`);

    await q.query(`
      CREATE TABLE audit_event (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        actor_subject text NOT NULL,
        actor_role    text NOT NULL,
        tenant        text,
        action        text NOT NULL,
        subject_type  text NOT NULL,
        subject_id    text NOT NULL,
        enterprise_id uuid,
        platform_id   uuid,
        region_code   char(6),
        before        jsonb,
        after         jsonb,
        request_id    text
      )`);
    await q.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id)`);
    await q.query(`CREATE INDEX audit_event_enterprise_id_idx ON audit_event (enterprise_id) WHERE enterprise_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_region_code_idx ON audit_event (region_code)`);
    // Append-only for everyone, the table owner included: history is evidence.
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'review',
      'application',
      'claw_back',
      'expenditure',
      'disbursement',
      'award',
      'funding_batch',
      'funding_program',
      'platform',
      'certification',
      'financial_report',
      'enterprise',
      'region',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_event_is_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS expenditure_respects_usage_restriction()`);
  }
}
