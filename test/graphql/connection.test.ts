import { canonicalFilter, isCursorValueOf } from '../../src/graphql/connection';

/** The cursor values paginate() accepts per column type, before they reach PostgreSQL (issue 10, finding 8). */
describe('isCursorValueOf', () => {
  it.each([
    ['uuid', '0b6c3a52-8d3e-4a5b-9c1e-2f4a6b8c0d1e', ['x', 1, '0b6c3a52-8d3e-4a5b-9c1e-2f4a6b8c0d1', '0b6c3a52\u00008d3e']],
    ['int', 2024, ['2024', 1.5, 2 ** 31, Number.NaN, null]],
    ['bigint', '9223372036854775807', [42, '9223372036854775808', '1e3', '']],
    ['numeric', '6000000.00', [6000000, '6,000,000.00', '1e6', 'NaN']],
    ['date', '2024-02-29', ['2023-02-29', '2024-2-1', '2024-02-29T00:00:00Z', 20240229]],
    ['timestamptz', '2026-03-02T02:00:00.123Z', ['2026-03-02', '2026-13-02T02:00:00Z', 'yesterday', 0]],
    ['text', '南京甲科技有限公司', ['a\u0000b', 'x'.repeat(1001), 7, {}]],
    ['char', '91320102MA1XYW001X', [['91320102MA1XYW001X'], true]],
  ] as const)('%s takes %p and refuses its look-alikes', (type, good, bad) => {
    expect(isCursorValueOf(type, good)).toBe(true);
    for (const value of bad) expect([value, isCursorValueOf(type, value)]).toEqual([value, false]);
  });

  it('refuses every value of a column type it does not know', () => {
    expect(isCursorValueOf('jsonb', '{}')).toBe(false);
  });
});

/** What a cursor is bound to of the filter (issue 13): the conditions, not how the client spelt them. */
describe('canonicalFilter', () => {
  class EnterpriseFilter {
    regionCode?: string | null;
    tier?: string | null;
  }
  const typed = (values: Partial<EnterpriseFilter>) => Object.assign(new EnterpriseFilter(), values);

  it('gives one text for the same conditions, whatever their order, nulls or class', () => {
    const one = canonicalFilter({ regionCode: '320000', tier: 'SRDI_SME' });
    expect(canonicalFilter({ tier: 'SRDI_SME', regionCode: '320000' })).toBe(one);
    expect(canonicalFilter(typed({ tier: 'SRDI_SME', regionCode: '320000', search: null } as Partial<EnterpriseFilter>))).toBe(one);
    expect(canonicalFilter({ regionCode: '320000', tier: 'SRDI_SME', nested: { a: null } })).toBe(one);
    // No filter, however spelt.
    const none = canonicalFilter(null);
    for (const same of [undefined, {}, { tier: null }, typed({}), { range: { from: null } }])
      expect([same, canonicalFilter(same)]).toEqual([same, none]);
  });

  it('gives another text for any other condition', () => {
    const texts = [
      null,
      { regionCode: '320000' },
      { regionCode: '330000' },
      { tier: '320000' },
      { regionCode: '320000', tier: 'SRDI_SME' },
      { regionCode: 320000 },
      { regionCode: '' },
      { ids: ['a', 'b'] },
      { ids: ['b', 'a'] },
      { range: { from: '2024-01-01' } },
      { range: { to: '2024-01-01' } },
    ].map(canonicalFilter);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
