import { EventEmitter } from 'node:events';
import { GraphQLError } from 'graphql';
import { reportError, reportOf, requestReporter } from '../../src/server/request-report';
import { Logger } from '../../src/core/logger';
import { Metrics } from '../../src/server/metrics';

/** A response that closes when told, as node's does when the answer is sent. */
function exchange(status: number) {
  const res = Object.assign(new EventEmitter(), { statusCode: status, writableFinished: true, setHeader: jest.fn() });
  const req = { method: 'POST', get: () => undefined };
  return { req, res };
}

function reporterAt(level: 'info' | 'warn') {
  const logger = { isLevelEnabled: (l: string) => (level === 'info' ? true : l !== 'info'), info: jest.fn(), error: jest.fn() };
  const metrics = { observe: jest.fn() };
  return { logger, metrics, handle: requestReporter(logger as unknown as Logger, metrics as unknown as Metrics) };
}

describe('requestReporter below LOG_LEVEL=info', () => {
  it('builds and writes no line for a request that went well, and still counts it in the metrics', () => {
    for (const level of ['info', 'warn'] as const) {
      const { logger, metrics, handle } = reporterAt(level);
      const { req, res } = exchange(200);
      handle(req as never, res as never, () => undefined);
      res.emit('close');
      expect(metrics.observe).toHaveBeenCalledTimes(1);
      expect(logger.info).toHaveBeenCalledTimes(level === 'info' ? 1 : 0);
    }
  });

  it('still writes an unexpected error, with its cause, at error level', () => {
    const { logger, handle } = reporterAt('warn');
    const { req, res } = exchange(200);
    handle(req as never, res as never, () => undefined);
    const cause = new Error('relation "x" does not exist');
    reportError(reportOf(res as never)!, new GraphQLError('boom', { originalError: cause }));
    res.emit('close');
    expect(logger.info).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toMatchObject({ errorCode: 'INTERNAL_SERVER_ERROR', err: cause });
  });
});
