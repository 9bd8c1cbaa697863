/**
 * Every indicator kind, by its IndicatorKind value: what rule-sets.ts checks,
 * evaluate.ts judges and the schema describes. The type makes a kind added
 * to IndicatorKind without an entry here, or an entry under the wrong kind,
 * a compile error.
 */
import { IndicatorKind } from '../eligibility.enums';
import { allOf } from './all-of';
import { anyOf } from './any-of';
import { assessedFlag } from './assessed-flag';
import { assessedScoreMin } from './assessed-score-min';
import { countMin } from './count-min';
import { flag } from './flag';
import { growthMin } from './growth-min';
import type { IndicatorKindDefinition } from './kind';
import { moneyMin } from './money-min';
import { pointsTable } from './points-table';
import { productFieldIn } from './product-field-in';
import { ratioMax } from './ratio-max';
import { ratioMin } from './ratio-min';
import { revenueBandedRd } from './revenue-banded-rd';
import { scoreItem } from './score-item';
import { smeSize } from './sme-size';
import { tierHeld } from './tier-held';
import { yearsInNicheMin } from './years-in-niche-min';

export type { Env, IndicatorKindDefinition } from './kind';

export const INDICATOR_KINDS: { readonly [K in IndicatorKind]: IndicatorKindDefinition<K> } = {
  [IndicatorKind.RATIO_MIN]: ratioMin,
  [IndicatorKind.RATIO_MAX]: ratioMax,
  [IndicatorKind.MONEY_MIN]: moneyMin,
  [IndicatorKind.COUNT_MIN]: countMin,
  [IndicatorKind.GROWTH_MIN]: growthMin,
  [IndicatorKind.YEARS_IN_NICHE_MIN]: yearsInNicheMin,
  [IndicatorKind.FLAG]: flag,
  [IndicatorKind.PRODUCT_FIELD_IN]: productFieldIn,
  [IndicatorKind.TIER_HELD]: tierHeld,
  [IndicatorKind.REVENUE_BANDED_RD]: revenueBandedRd,
  [IndicatorKind.SME_SIZE]: smeSize,
  [IndicatorKind.POINTS_TABLE]: pointsTable,
  [IndicatorKind.SCORE_ITEM]: scoreItem,
  [IndicatorKind.ALL_OF]: allOf,
  [IndicatorKind.ANY_OF]: anyOf,
  [IndicatorKind.ASSESSED_SCORE_MIN]: assessedScoreMin,
  [IndicatorKind.ASSESSED_FLAG]: assessedFlag,
};
