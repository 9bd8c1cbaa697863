/**
 * The Money and SignedMoney scalars: the GraphQL face of core/money.ts, whose
 * parsing they apply to every amount that enters or leaves the API.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { AMOUNT_EXAMPLE, MoneyFormatError, parseMoney } from '../../core/money';

const BAD_USER_INPUT = { code: 'BAD_USER_INPUT' } as const;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function makeMoneyScalar(name: string, description: string, allowNegative: boolean) {
  const parseInput = (value: unknown, node?: ValueNode): string => {
    try {
      return parseMoney(value, { allowNegative });
    } catch (e) {
      if (!(e instanceof MoneyFormatError)) throw e;
      throw new GraphQLError(`${name}: ${e.message}`, {
        nodes: node,
        originalError: e,
        extensions: BAD_USER_INPUT,
      });
    }
  };

  return new GraphQLScalarType<string, string>({
    name,
    description,
    // Outgoing values come from NUMERIC columns, which node-postgres returns as
    // strings. A JS number here means precision may already be lost: refuse it.
    serialize(output: unknown): string {
      if (typeof output !== 'string') {
        throw new GraphQLError(`${name} cannot represent ${show(output)}: amounts must reach the API as NUMERIC strings, not ${typeof output}s.`);
      }
      // An unscaled NUMERIC may come back as "12.500"; trailing zeros past the
      // second decimal change nothing, so drop them. A non-zero third decimal still fails.
      const trimmed = output.replace(/^(-?[0-9]+\.[0-9]{2})0+$/, '$1');
      try {
        return parseMoney(trimmed, { allowNegative });
      } catch (e) {
        if (!(e instanceof MoneyFormatError)) throw e;
        throw new GraphQLError(`${name} cannot represent ${show(output)}: ${e.message}`, {
          originalError: e,
        });
      }
    },
    parseValue(input: unknown): string {
      return parseInput(input);
    },
    parseLiteral(ast: ValueNode): string {
      if (ast.kind === Kind.STRING) return parseInput(ast.value, ast);
      if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
        throw new GraphQLError(
          `${name}: write the amount as a quoted string ${AMOUNT_EXAMPLE}; a bare number such as ${ast.value} is read as a float.`,
          { nodes: ast, extensions: BAD_USER_INPUT },
        );
      }
      throw new GraphQLError(`${name}: an amount must be a string literal ${AMOUNT_EXAMPLE}.`, {
        nodes: ast,
        extensions: BAD_USER_INPUT,
      });
    },
  });
}

export const MoneyScalar = makeMoneyScalar(
  'Money',
  'A sum in yuan (CNY) as a decimal string with at most two decimals, e.g. "6000000.00". Never a float. Negative amounts are refused.',
  false,
);

export const SignedMoneyScalar = makeMoneyScalar(
  'SignedMoney',
  'A sum in yuan (CNY) that may be negative, such as a difference between two amounts, as a decimal string with at most two decimals, e.g. "-1250.50". Never a float.',
  true,
);
