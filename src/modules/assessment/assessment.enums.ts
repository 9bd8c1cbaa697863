/** What an assessment's value is: a yes/no condition or a score. */
export enum AssessmentValueKind {
  /** Yes or no: declared by the enterprise, confirmed by its local government (ASSESSED_FLAG indicators). */
  FLAG = 'FLAG',
  /** A decimal score 0–100, given by MIIT's experts (ASSESSED_SCORE_MIN indicators). */
  SCORE = 'SCORE',
}

/** Where an assessment stands. */
export enum AssessmentStatus {
  /** Declared by the enterprise; awaiting its local government. */
  DECLARED = 'DECLARED',
  /** Confirmed by the local government: the rule sets read it. */
  CONFIRMED = 'CONFIRMED',
  /** Rejected by the local government, with a reason; the enterprise may declare again. */
  REJECTED = 'REJECTED',
  /** A score given by MIIT's experts: the rule sets read it as given. */
  SCORED = 'SCORED',
}
