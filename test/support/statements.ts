import pg from 'pg';

export interface SentStatement {
  /** What went in one round trip. */
  text: string;
  values: unknown[];
  /** The text without the caller's settings (and a mutation's START TRANSACTION), which ride on a statement. */
  statement: string;
}

const OPENING = /^(START TRANSACTION; )?SELECT set_config\([^;]*; /;

/**
 * The round trips this process's pg clients make while `fn` runs (the test
 * server runs in-process), with their parameters: for counting round trips
 * and for EXPLAINing exactly what the API sent.
 */
export async function statementsOf(fn: () => Promise<unknown>): Promise<SentStatement[]> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the prototype, and called below with the client as `this`
  const query = pg.Client.prototype.query;
  const sent: SentStatement[] = [];
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [string | { text?: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') sent.push({ text: first, values: Array.isArray(second) ? second : [], statement: first.replace(OPENING, '') });
    else if (first && typeof first.text === 'string')
      sent.push({ text: first.text, values: first.values ?? [], statement: first.text.replace(OPENING, '') });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}
