import { IndicatorKind } from '../../../../src/modules/eligibility/eligibility.enums';
import { INDICATOR_KINDS, IndicatorKindDefinition } from '../../../../src/modules/eligibility/indicators';
import { ratioMax } from '../../../../src/modules/eligibility/indicators/ratio-max';
import { ratioMin } from '../../../../src/modules/eligibility/indicators/ratio-min';

describe('the indicator kinds', () => {
  it('has one definition per IndicatorKind, filed under its own kind, with a description', () => {
    expect(Object.keys(INDICATOR_KINDS).sort()).toEqual(Object.values(IndicatorKind).sort());
    for (const [kind, def] of Object.entries(INDICATOR_KINDS)) {
      expect(def.kind).toBe(kind);
      expect(def.description).toMatch(/\S/);
    }
  });

  it('makes a missing or misfiled kind a compile error (checked by tsc, which reads the tests)', () => {
    const { [IndicatorKind.FLAG]: _dropped, ...withoutFlag } = INDICATOR_KINDS;
    // @ts-expect-error FLAG has no definition.
    const missing: typeof INDICATOR_KINDS = withoutFlag;
    // @ts-expect-error RATIO_MIN's definition filed under RATIO_MAX.
    const misfiled: typeof INDICATOR_KINDS = { ...INDICATOR_KINDS, [IndicatorKind.RATIO_MAX]: ratioMin };
    const right: IndicatorKindDefinition<IndicatorKind.RATIO_MAX> = ratioMax;
    expect([missing, misfiled, right]).toHaveLength(3);
  });
});
