import { Config } from '../config/config';

/**
 * What start-up is doing, one line each on stderr, so that a person running `npm start` sees it move
 * from the first second (the JSON log lines on stdout say the same for machines). Not in production,
 * where those log lines are all there is.
 */
export function startupProgress(config: Pick<Config, 'env'>, write: (line: string) => void = (l) => process.stderr.write(l)): (what: string) => void {
  if (config.env === 'production') return () => undefined;
  return (what) => write(`srdi-api: ${what}\n`);
}
