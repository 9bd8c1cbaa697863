import { CertificationStatus } from '../../certification/certification.enums';
import { effectiveStatus } from '../../certification/certification-status.rules';
import { TIER_ORDER } from '../../enterprise/enterprise.enums';
import { IndicatorKind, ValueUnit } from '../eligibility.enums';
import type { IndicatorEvaluation } from '../evaluate';
import type { Indicator } from '../rule-sets';
import { needs } from './checks';
import type { Env, IndicatorKindDefinition } from './kind';
import { FAIL, outcome, PASS, unknown } from './outcome';

/** A title is valid while in force: certified, renewed, or under its year-3 re-review, and not past validUntil. */
const VALID_STATUSES: readonly CertificationStatus[] = [CertificationStatus.CERTIFIED, CertificationStatus.RENEWED, CertificationStatus.UNDER_REVIEW];

function evaluateTierHeld(i: Indicator, env: Env): IndicatorEvaluation {
  const today = env.facts.today;
  const threshold = `a valid ${i.tier} title or a higher one on ${today}`;
  const certs = env.facts.certifications;
  if (!certs) return unknown(i, ValueUnit.TEXT, threshold, ['the enterprise’s certifications are not known']);
  const needed = TIER_ORDER.indexOf(i.tier!);
  const valid = certs.filter((c) => VALID_STATUSES.includes(effectiveStatus(c, today)));
  const held = TIER_ORDER.filter((tier) => valid.some((c) => c.tier === tier));
  const passed = held.some((tier) => TIER_ORDER.indexOf(tier) >= needed);
  return outcome(i, ValueUnit.TEXT, {
    threshold,
    result: passed ? PASS : FAIL,
    value: held.length ? held.join(', ') : 'none',
    note: passed ? null : `no valid title of ${i.tier} or higher`,
  });
}

export const tierHeld: IndicatorKindDefinition<IndicatorKind.TIER_HELD> = {
  kind: IndicatorKind.TIER_HELD,
  description: 'A valid certification of `tier`, or of a higher tier, held on the day of evaluation.',
  check: (i, at) => needs(i, at, ['a tier', !!i.tier]),
  evaluate: evaluateTierHeld,
};
