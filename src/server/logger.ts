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
  return destination ? pino(options, destination) : pino(options);
}
