import pino, { DestinationStream, Logger } from 'pino';
import { Config } from '../config/config';

export type { Logger };

/**
 * JSON lines on stdout (or `destination`, which tests use to read them):
 * one line per GraphQL request (see request-report.ts), plus start-up and
 * shutdown. Tokens and passwords are never written.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'srdi-api' },
    redact: { paths: ['req.headers.authorization', '*.token', '*.password'], remove: true },
  };
  // Asynchronous writes: a request never waits for stdout. pino flushes what is
  // buffered when the process exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
