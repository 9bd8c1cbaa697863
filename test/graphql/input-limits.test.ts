import { GraphQLField, GraphQLInputType, isInputObjectType, isListType, isNonNullType, isObjectType } from 'graphql';
import { listBound, limitOf, textCheck } from '../../src/graphql/input-validation';
import { buildAppSchema } from '../../src/server/schema';

/** Finding 2 of issue 10: no list input may be unbounded, or SQL can grow with its square. */
describe('every list input of the schema', () => {
  it('has a declared most-items (orderBy: its number of sort fields)', async () => {
    const schema = await buildAppSchema();
    const unbounded: string[] = [];
    const bounded: string[] = [];
    const visit = (where: string, type: GraphQLInputType, bound: () => number | undefined) => {
      const t = isNonNullType(type) ? type.ofType : type;
      if (!isListType(t)) return;
      (bound() === undefined ? unbounded : bounded).push(where);
      if (isListType(isNonNullType(t.ofType) ? t.ofType.ofType : t.ofType)) unbounded.push(`${where}[] (a list of lists)`);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields()))
          visit(`${type.name}.${f.name}`, f.type, () => listBound((f.type as { ofType: GraphQLInputType }).ofType, limitOf(f)));
      }
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
          for (const arg of field.args) {
            const list = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
            visit(`${type.name}.${field.name}(${arg.name})`, arg.type, () =>
              listBound((list as { ofType: GraphQLInputType }).ofType, limitOf(field, arg)),
            );
          }
        }
      }
    }
    expect(unbounded).toEqual([]);
    expect(bounded).toEqual(expect.arrayContaining(['Query.enterprises(orderBy)', 'Query.evaluateEligibility(assessments)']));
  });
});

describe('textCheck', () => {
  const refusal = (value: string, limit = {}) => {
    try {
      textCheck(limit)(value, 'input.name');
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('counts characters, not UTF-16 units', () => {
    expect(refusal('😀'.repeat(200), { maxLength: 200 })).toBeNull();
    expect(refusal('😀'.repeat(201), { maxLength: 200 })).toMatch(/at most 200 characters/);
    expect(refusal('x'.repeat(201))).toMatch(/at most 200 characters/);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['DEL', '\u007F'],
    ['a C1 control', '\u0085'],
    ['LRM', '\u200E'],
    ['RLM', '\u200F'],
    ['LRE', '\u202A'],
    ['RLO', '\u202E'],
    ['LRI', '\u2066'],
    ['PDI', '\u2069'],
    ['ALM', '\u061C'],
    ['a line separator', '\u2028'],
    ['a BOM', '\uFEFF'],
    ['a lone surrogate', '\uD800'],
  ])('refuses %s anywhere', (_what, c) => {
    expect(refusal(`南京${c}科技`)).not.toBeNull();
    expect(refusal(`南京${c}科技`, { multiline: true })).not.toBeNull();
  });

  it('takes line breaks and tabs only in multi-line text', () => {
    expect(refusal('材料齐全\n同意推荐\t。')).not.toBeNull();
    expect(refusal('材料齐全\r\n同意推荐\t。', { multiline: true })).toBeNull();
    expect(refusal('Zürich 中关村 café 👩‍🔬 نص')).toBeNull();
  });
});
