export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  /** Sent back by the local government for changes; the enterprise resubmits. */
  RETURNED = 'RETURNED',
  WITHDRAWN = 'WITHDRAWN',
  RECOMMENDED = 'RECOMMENDED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
  CERTIFIED = 'CERTIFIED',
}

/** One step taken on an application by an authority. */
export enum ReviewKind {
  RECOMMENDATION = 'RECOMMENDATION',
  RETURN = 'RETURN',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  OBJECTION = 'OBJECTION',
  OBJECTION_RESOLUTION = 'OBJECTION_RESOLUTION',
}

export enum ReviewDecision {
  RECOMMEND = 'RECOMMEND',
  RETURN = 'RETURN',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
  RAISED = 'RAISED',
}

/** Where an objection raised during public notice stands. */
export enum PublicObjectionStatus {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
