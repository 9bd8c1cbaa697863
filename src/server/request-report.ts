import { ApolloServerPlugin } from '@apollo/server';
import { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Viewer } from '../auth/viewer';
import { RequestContext } from '../core/context';
import { publicErrorCode } from '../core/errors';
import { Logger } from '../core/logger';
import { Metrics } from './metrics';

/**
 * What one request to /graphql did, gathered as it goes (HTTP middleware,
 * context, Apollo plugin) and written when the response is done: one log
 * line and the metrics. Every error of the request is in that one line, with
 * the request id and the caller's role; an unexpected one with its stack.
 */
export interface RequestReport {
  requestId: string;
  started: bigint;
  viewer?: Viewer;
  /** The resolved operation's name (null: anonymous); undefined while none is resolved. */
  operationName?: string | null;
  /** The name the client asked for, when no operation could be resolved. */
  requestedOperationName?: string;
  operationType?: string;
  errors: ReportedError[];
}

export interface ReportedError {
  code: string;
  message: string;
  path?: readonly (string | number)[];
  /** The original error of an INTERNAL_SERVER_ERROR, logged with its stack. */
  cause?: unknown;
}

/** At most this many errors are itemised in the log line (a list can fail on every row). */
const LOGGED_ERRORS = 20;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const REPORT = Symbol('srdi.requestReport');

export function reportOf(target: Response | RequestContext): RequestReport | undefined {
  return (target as unknown as { [REPORT]?: RequestReport })[REPORT];
}

/** The context carries the report to the plugin (Apollo copies the context's own properties, symbols included). */
export function attachReport(ctx: RequestContext, report: RequestReport): void {
  (ctx as unknown as { [REPORT]: RequestReport })[REPORT] = report;
}

export function reportError(report: RequestReport, error: GraphQLError): void {
  const code = publicErrorCode(error);
  report.errors.push({
    code,
    message: error.message,
    path: error.path,
    cause: code === 'INTERNAL_SERVER_ERROR' ? (error.originalError ?? error) : undefined,
  });
}

function tenantOf(viewer: Viewer | undefined): string | null {
  if (viewer?.enterpriseId) return `enterprise:${viewer.enterpriseId}`;
  if (viewer?.platformId) return `platform:${viewer.platformId}`;
  if (viewer?.regionCode) return `region:${viewer.regionCode}`;
  return null;
}

/**
 * Mounted at /graphql before body parsing, so that every request gets a
 * request id (the client's X-Request-Id when it is sane) and exactly one log
 * line, including those refused before GraphQL sees them (413, bad JSON).
 */
export function requestReporter(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const report: RequestReport = {
      requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
      started: process.hrtime.bigint(),
      errors: [],
    };
    (res as unknown as { [REPORT]: RequestReport })[REPORT] = report;
    res.setHeader('x-request-id', report.requestId);
    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - report.started) / 1e6;
      const status = res.statusCode;
      // Refused by Apollo's HTTP layer before any hook ran (CSRF, no query, bad method).
      if (report.errors.length === 0 && status >= 400) {
        report.errors.push({ code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', message: `HTTP ${status}` });
      }
      const codes = [...new Set(report.errors.map((e) => e.code))];
      metrics.observe({
        operationName: report.operationName,
        operationType: report.operationType,
        status,
        durationSeconds: durationMs / 1000,
        errorCodes: report.errors.map((e) => e.code),
      });
      const unexpected = report.errors.find((e) => e.code === 'INTERNAL_SERVER_ERROR');
      // Below LOG_LEVEL=info only failures are written: build no line for a request that will not be logged.
      if (!unexpected && !logger.isLevelEnabled('info')) return;
      const line = {
        requestId: report.requestId,
        method: req.method,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        role: report.viewer?.role ?? null,
        tenant: tenantOf(report.viewer),
        subject: report.viewer && report.viewer.role !== 'PUBLIC' ? report.viewer.subject : undefined,
        operationName: report.operationName === undefined ? (report.requestedOperationName ?? null) : report.operationName,
        operationType: report.operationType ?? null,
        errorCode: codes[0] ?? null,
        ...(codes.length > 1 ? { errorCodes: codes } : {}),
        ...(report.errors.length
          ? { errors: report.errors.slice(0, LOGGED_ERRORS).map(({ code, message, path }) => ({ code, message, path })) }
          : {}),
        ...(report.errors.length > LOGGED_ERRORS ? { errorCount: report.errors.length } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
        ...(unexpected ? { err: unexpected.cause } : {}),
      };
      if (unexpected) logger.error(line, 'graphql request failed');
      else logger.info(line, 'graphql request');
    });
    next();
  };
}

/** Fills the request's report from Apollo's side: the operation, and every error it sends. */
export function requestReportPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const report = reportOf(contextValue);
      if (!report) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          report.operationName = operation ? operationName : undefined;
          report.operationType = operation?.operation;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) reportError(report, error);
        },
        async willSendResponse({ request }) {
          if (report.operationName === undefined && typeof request.operationName === 'string') {
            report.requestedOperationName = request.operationName.slice(0, 100);
          }
        },
      };
    },
  };
}
