import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { ConflictError, formatError, publicErrorCode, QueryTooComplexError } from '../../src/core/errors';

/** As Apollo calls it: the formatted error (a code always set, `http` taken out) and the original. */
const format = (error: GraphQLError, exposeDetails = false, production = false) => {
  const { http: _http, ...extensions } = error.extensions;
  return formatError({ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', ...extensions } }, error, exposeDetails, production);
};

describe('formatError', () => {
  it('passes client errors through with their code and extensions', () => {
    expect(format(new ConflictError('over budget', { field: 'amount' }))).toEqual({
      message: 'over budget',
      extensions: { code: 'CONFLICT', field: 'amount' },
    });
  });

  it('masks anything else outside development, message, SQL and all', () => {
    const error = new GraphQLError('relation "x" does not exist', { originalError: new Error('SELECT * FROM x') });
    expect(format(error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(format(error, true).message).toBe('relation "x" does not exist');
  });

  it('drops suggestions in production', () => {
    const error = new GraphQLError('Cannot query field "enterprize" on type "Query". Did you mean "enterprise" or "enterprises"?', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(error, false, true).message).toBe('Cannot query field "enterprize" on type "Query".');
    expect(format(error).message).toMatch(/Did you mean/);
  });

  it('turns the parser’s token limit into QUERY_TOO_COMPLEX, with the number only outside production', () => {
    const error = new GraphQLError('Syntax Error: Document contains more that 2000 tokens. Parsing aborted.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(publicErrorCode(error)).toBe('QUERY_TOO_COMPLEX');
    expect(format(error)).toEqual({
      message: 'The query is too long: more than 2000 tokens.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'TOKENS' },
    });
    expect(format(error, false, true)).toEqual({ message: 'The query is too long.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'TOKENS' } });
  });

  it('gives Apollo’s bare 4xx errors the code BAD_REQUEST', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(format(error)).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('keeps the limit of QUERY_TOO_COMPLEX', () => {
    const error = new QueryTooComplexError('DEPTH', 'The query is nested too deeply.');
    expect(error.extensions.http).toEqual({ status: 400 });
    expect(format(error)).toEqual({ message: 'The query is nested too deeply.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'DEPTH' } });
  });
});

describe('outages a client can act on', () => {
  /** As TypeORM surfaces a PostgreSQL error: a QueryFailedError around the driver's error, inside a resolver's GraphQLError. */
  const fromResolver = (driverError: Error & { code?: string }) => {
    const queryFailed = Object.assign(new Error(driverError.message), { driverError, code: driverError.code });
    return new GraphQLError(driverError.message, { originalError: queryFailed, path: ['enterprises'] });
  };

  it('answers a statement cancelled by statement_timeout as TIMEOUT, with no SQL in the message, even in development', () => {
    const error = fromResolver(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }));
    expect(publicErrorCode(error)).toBe('TIMEOUT');
    for (const details of [false, true]) {
      const out = format(error, details);
      expect(out.extensions).toEqual({ code: 'TIMEOUT' });
      expect(out.message).not.toMatch(/statement|cancel/);
      expect(out.path).toEqual(['enterprises']);
    }
  });

  it('answers a pool that gave up waiting as UNAVAILABLE', () => {
    const error = new GraphQLError('x', { originalError: new Error('timeout exceeded when trying to connect') });
    expect(publicErrorCode(error)).toBe('UNAVAILABLE');
    expect(format(error).extensions).toEqual({ code: 'UNAVAILABLE' });
  });

  it('keeps other cancellations and database errors internal', () => {
    const cancelled = fromResolver(Object.assign(new Error('canceling statement due to user request'), { code: '57014' }));
    expect(publicErrorCode(cancelled)).toBe('INTERNAL_SERVER_ERROR');
    expect(format(fromResolver(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});

describe('a refused input value (input-error-field.test.ts has every kind)', () => {
  const schema = buildSchema('enum Level { PROVINCE CITY } type Query { regions(level: Level, first: Int): Int }');
  const [refused] = validate(schema, parse('{ regions(first: 1, level: PLANET) }'));
  // As Apollo hands it over: a validation error, keeping graphql-js's nodes.
  const asApollo = new GraphQLError(refused.message, { nodes: refused.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

  it('is BAD_USER_INPUT with the argument it belongs to, for the client and for logs and metrics', () => {
    expect(format(asApollo)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'level' } });
    expect(publicErrorCode(asApollo)).toBe('BAD_USER_INPUT');
  });

  it('keeps a field its raiser set', () => {
    const withField = new GraphQLError(refused.message, { nodes: refused.nodes, extensions: { code: 'BAD_USER_INPUT', field: 'region' } });
    expect(format(withField).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'region' });
  });

  it('is left alone without its place in the document', () => {
    const placeless = new GraphQLError(refused.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(placeless).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
