/** Where MIIT's proposal of a key little giant for a funding batch stands. */
export enum KeySupportStatus {
  /** Proposed by MIIT; awaiting MoF's decision. */
  PROPOSED = 'PROPOSED',
  /** Approved by MoF: the enterprise may be granted an award from the batch. */
  APPROVED = 'APPROVED',
  /** Rejected by MoF, with a reason. */
  REJECTED = 'REJECTED',
}
