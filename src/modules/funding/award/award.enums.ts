export enum UsageRestriction {
  /** Enterprise awards: the enterprise decides how to use them. */
  UNRESTRICTED = 'UNRESTRICTED',
  /** Platform awards: services to SMEs only, never the platform's own construction or running costs. */
  SERVICES_ONLY = 'SERVICES_ONLY',
}

export enum AwardStatus {
  GRANTED = 'GRANTED',
  /** Recipient's certification revoked: no further disbursements. */
  FROZEN = 'FROZEN',
  CLAWED_BACK = 'CLAWED_BACK',
  CLOSED = 'CLOSED',
}

/**
 * What an award was spent on. The *_SERVICE categories are services to SMEs
 * and the only ones a platform award may use; PLATFORM_CONSTRUCTION and
 * PLATFORM_OPERATING_COSTS exist so that a refused attempt can be named.
 */
export enum ExpenditureCategory {
  TECHNOLOGY_INNOVATION_SERVICE = 'TECHNOLOGY_INNOVATION_SERVICE',
  LISTING_COACHING_SERVICE = 'LISTING_COACHING_SERVICE',
  COMMERCIALISATION_SERVICE = 'COMMERCIALISATION_SERVICE',
  DIGITAL_TRANSFORMATION_SERVICE = 'DIGITAL_TRANSFORMATION_SERVICE',
  INTELLECTUAL_PROPERTY_SERVICE = 'INTELLECTUAL_PROPERTY_SERVICE',
  CLOUD_ADOPTION_SERVICE = 'CLOUD_ADOPTION_SERVICE',
  INDUSTRIAL_DESIGN_SERVICE = 'INDUSTRIAL_DESIGN_SERVICE',
  TRAINING_SERVICE = 'TRAINING_SERVICE',
  RESEARCH_AND_DEVELOPMENT = 'RESEARCH_AND_DEVELOPMENT',
  EQUIPMENT = 'EQUIPMENT',
  TALENT = 'TALENT',
  WORKING_CAPITAL = 'WORKING_CAPITAL',
  PLATFORM_CONSTRUCTION = 'PLATFORM_CONSTRUCTION',
  PLATFORM_OPERATING_COSTS = 'PLATFORM_OPERATING_COSTS',
  OTHER = 'OTHER',
}

export const SERVICE_CATEGORIES: ReadonlySet<ExpenditureCategory> = new Set(Object.values(ExpenditureCategory).filter((c) => c.endsWith('_SERVICE')));
