import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { Authorizer } from '../authz/authorizer';
import type { ResponseItems } from '../graphql/list-bound';

/** Actions limited per caller beyond the request rate: objections raised without a token. */
export type ThrottledAction = 'publicObjection';

/**
 * Everything a resolver and a service get for one request. Services take it
 * as their first argument, so the caller's identity and the request's
 * database handle travel together and cannot be mixed up between requests.
 */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  /** The policy applied to this caller. */
  authz: Authorizer;
  /** The request's database handle; every read and write goes through it. */
  db: EntityManager;
  dataSource: DataSource;
  /** Per-request DataLoaders, created on first use (see loader()). */
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /**
   * Spends one of the caller's allowance for an action limited on its own
   * (the public's objections), or throws RATE_LIMITED; absent where nothing
   * limits it (scripts, unit tests).
   */
  throttle?: (action: ThrottledAction) => Promise<void>;
  /** List items the response holds so far, against MAX_RESPONSE_ITEMS; absent where nothing limits them (scripts, unit tests). */
  responseItems?: ResponseItems;
}

/**
 * The request's DataLoader for `key`, created on first use. Loaders live for
 * one request only, so batching never mixes two callers' permissions.
 */
export function loader<K, V>(ctx: RequestContext, key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
  let l = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!l) {
    l = create();
    ctx.loaders.set(key, l);
  }
  return l;
}
