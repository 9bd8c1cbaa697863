import pg from 'pg';

export interface SentStatement {
  text: string;
  values: unknown[];
}

/**
 * The statements this process's pg clients send while `fn` runs (the test
 * server runs in-process), with their parameters: for counting round trips
 * and for EXPLAINing exactly what the API sent.
 */
export async function statementsOf(fn: () => Promise<unknown>): Promise<SentStatement[]> {
  const query = pg.Client.prototype.query;
  const sent: SentStatement[] = [];
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [string | { text?: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') sent.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first.text === 'string') sent.push({ text: first.text, values: first.values ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}
