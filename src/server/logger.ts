import pino, { Logger } from 'pino';
import { Config } from '../config/config';

export type { Logger };

/** JSON lines on stdout; one child logger per request carries its request id. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'srdi-api' },
    redact: { paths: ['req.headers.authorization', '*.token', '*.password'], remove: true },
  });
}
