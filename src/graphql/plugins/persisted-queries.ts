import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLSchema, parse, validate } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config/config';
import { RequestContext } from '../../core/context';
import { DomainError } from '../../core/errors';
import { parseExamples } from '../example-operations';

/**
 * PERSISTED_QUERIES=allowlist: the server runs only operations it was given
 * at start-up. A client sends either the exact text of one, or just its
 * `extensions.persistedQuery.sha256Hash` (the APQ protocol, so Apollo
 * Client's persisted-queries link works unchanged); anything else is
 * refused with PERSISTED_QUERY_NOT_IN_LIST before it runs.
 */
export interface PersistedOperation {
  /** sha256 (hex) of `body`: what APQ clients send. */
  hash: string;
  /** The manifest's own id when it has one that is not the hash (Apollo and Relay manifests may). */
  id: string | null;
  name: string | null;
  body: string;
}

export class PersistedQueryList {
  private readonly byKey = new Map<string, PersistedOperation>();

  constructor(readonly operations: PersistedOperation[]) {
    for (const op of operations) {
      this.byKey.set(op.hash, op);
      if (op.id) this.byKey.set(op.id, op);
    }
  }

  get(key: string): PersistedOperation | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads the list: a .graphql file (each operation, with the fragments it
 * uses, as docs/examples.graphql gives GraphiQL its tabs: the same text, so
 * the tabs run under the allow-list), an Apollo persisted query manifest
 * (`{"format":"apollo-persisted-query-manifest","operations":[{id,name,body}]}`),
 * or a plain `{"<id>": "<document>"}` map (Relay, GraphQL Code Generator).
 * With a schema, every operation must also validate against it, so a list
 * that has gone stale stops start-up instead of failing at run time.
 */
export function loadPersistedQueryList(file: string, schema?: GraphQLSchema): PersistedQueryList {
  const fail = (message: string): never => {
    throw new ConfigError('PERSISTED_QUERIES_FILE', `${file}: ${message}`);
  };
  if (!existsSync(file)) fail('no such file');
  const source = readFileSync(file, 'utf8');
  let entries: { id: string | null; name: string | null; body: string }[] = [];
  if (/\.(graphql|gql)$/i.test(file)) {
    try {
      entries = parseExamples(source, path.basename(file)).map((e) => ({ id: null, name: e.name, body: e.query }));
    } catch (error) {
      fail((error as Error).message);
    }
  } else {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch {
      fail('is neither a .graphql file nor valid JSON');
    }
    if (json && typeof json === 'object' && Array.isArray((json as { operations?: unknown }).operations)) {
      for (const [i, op] of (json as { operations: unknown[] }).operations.entries()) {
        const o = op as { id?: unknown; name?: unknown; body?: unknown };
        if (typeof o.body !== 'string') fail(`operations[${i}] has no body`);
        entries.push({ id: typeof o.id === 'string' ? o.id : null, name: typeof o.name === 'string' ? o.name : null, body: o.body as string });
      }
    } else if (json && typeof json === 'object' && !Array.isArray(json)) {
      for (const [id, body] of Object.entries(json)) {
        if (typeof body !== 'string') fail(`the entry "${id}" is not a document`);
        entries.push({ id, name: null, body: body as string });
      }
    } else {
      fail('expected an Apollo persisted query manifest or an object of id → document');
    }
  }
  if (entries.length === 0) fail('lists no operations');
  const operations = entries.map((e) => {
    const label = e.name ?? e.id ?? 'an operation';
    let document;
    try {
      document = parse(e.body);
    } catch (error) {
      return fail(`${label}: ${(error as Error).message}`);
    }
    if (schema) {
      const errors = validate(schema, document);
      if (errors.length) fail(`${label}: ${errors[0].message}`);
    }
    const hash = sha256(e.body);
    return { hash, id: e.id && e.id !== hash ? e.id : null, name: e.name, body: e.body };
  });
  return new PersistedQueryList(operations);
}

/**
 * Stands in for Apollo's APQ cache: a hash on the list gives its text, and
 * nothing a client sends is ever stored, so the list cannot grow at run time.
 * (Apollo prefixes keys with "apq:".)
 */
export function persistedQueryListCache(list: PersistedQueryList) {
  const key = (k: string) => (k.startsWith('apq:') ? k.slice(4) : k);
  return {
    async get(k: string): Promise<string | undefined> {
      return list.get(key(k))?.body;
    },
    async set(): Promise<void> {},
    async delete(): Promise<boolean> {
      return false;
    },
  };
}

/** Refuses, before execution, any operation whose text or hash is not on the list. */
export function persistedQueryListPlugin(list: PersistedQueryList): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (!list.has(queryHash)) {
            throw new DomainError(
              'PERSISTED_QUERY_NOT_IN_LIST',
              'This server runs only the operations on its persisted query list; this one is not on it.',
              { http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
