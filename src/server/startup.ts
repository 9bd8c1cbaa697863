import { DataSource } from 'typeorm';
import { Config } from '../config/config';
import { DemoTenants, findDemoTenants, hasData, seedDemoData } from '../seed/demo';
import { AppServer } from './app';
import { demoTokens } from './demo-tokens';
import { Logger } from '../core/logger';

/** On the first start of an empty database, load the demo data; afterwards, find its tenants. */
export async function loadDemoDataIfEmpty(
  dataSource: DataSource,
  logger: Logger,
  step: (what: string) => void = () => undefined,
): Promise<DemoTenants | null> {
  if (!(await hasData(dataSource.manager))) {
    step('loading the demo data (first start)…');
    const t = Date.now();
    const summary = await seedDemoData(dataSource);
    logger.info({ ms: Date.now() - t }, 'demo data loaded');
    return summary.tenants;
  }
  return findDemoTenants(dataSource.manager);
}

export interface Announcement {
  config: Config;
  logger: Logger;
  server: AppServer;
  dataSource: DataSource;
  demo: DemoTenants | null;
  readyMs: number;
}

/** What a person starting the server needs: where it is, and how to call it. */
export async function announce({ config, logger, server, demo, readyMs }: Announcement): Promise<void> {
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ readyMs: Math.round(readyMs), url: `${base}/graphql` }, 'ready');
  const lines = [
    '',
    `srdi-api ready in ${Math.round(readyMs)} ms (${config.env})`,
    `  GraphQL   ${base}/graphql`,
    ...(config.graphiql ? [`  GraphiQL  ${base}/graphiql`] : []),
    `  Health    ${base}/healthz   ${base}/readyz`,
    `  Metrics   ${base}/metrics`,
  ];
  if (demo && !config.jwksUrl) {
    lines.push('', 'Demo tokens (valid 12 h; send as "Authorization: Bearer <token>"):');
    for (const { label, token } of await demoTokens(config, demo)) lines.push(`  ${label}`, `    ${token}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
