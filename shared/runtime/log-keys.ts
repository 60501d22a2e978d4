/**
 * The ids every log line carries besides Powertools' own: the API request id (the `apigw-requestid`
 * header of the response, and `requestId` in a 500's problem body) or the ids of the record being
 * processed (the case, correction and version that the console and the case history show).
 *
 * They live in an AsyncLocalStorage scope rather than on the logger, because records of one batch are
 * processed in parallel and the local stack runs many invocations in one process: a container-wide
 * key would lend one record's id to another record's lines.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

const scope = new AsyncLocalStorage<LogAttributes>();

/** Runs `work` with `keys` (undefined ones left out) on every line it logs, nested scopes adding up. */
export function withLogKeys<T>(keys: LogAttributes, work: () => T): T {
  const defined = Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
  return scope.run({ ...scope.getStore(), ...defined }, work);
}

/** The current scope's keys (the request id of a 500's problem body). */
export const currentLogKeys = (): LogAttributes => scope.getStore() ?? {};

/** Ids a queued message may carry that are safe and useful in a log (never an address or a token). */
const messageIdKeys = ['caseId', 'correctionId', 'version', 'submissionId', 'subscriptionId'] as const;

/**
 * The keys of one batch record: an SQS message's id and the desk's ids in its body; a stream record's
 * event id and the case or correction it changed.
 */
export function recordLogKeys(record: unknown): LogAttributes {
  const candidate = record as {
    messageId?: string;
    body?: string;
    eventID?: string;
    dynamodb?: {
      NewImage?: Record<string, { S?: string }>;
      OldImage?: Record<string, { S?: string }>;
    };
  };
  if (typeof candidate?.body === 'string') {
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(candidate.body);
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      // A body that is not JSON carries no ids; the handler reports it.
    }
    const ids = messageIdKeys.flatMap((key) => {
      const value = body[key];
      return typeof value === 'string' || typeof value === 'number' ? [[key, value]] : [];
    });
    return { correlation_id: candidate.messageId, ...Object.fromEntries(ids) };
  }
  const image = candidate?.dynamodb?.NewImage ?? candidate?.dynamodb?.OldImage;
  const entity = image?.entity?.S;
  const id = image?.id?.S;
  const named = (entity === 'case' || entity === 'correction') && id ? { [`${entity}Id`]: id } : {};
  return { correlation_id: candidate?.eventID, ...named };
}

/** A batch record handler whose lines all carry that record's keys. */
export function scopedToRecord<R, T>(onRecord: (record: R) => Promise<T>): (record: R) => Promise<T> {
  return (record) => withLogKeys(recordLogKeys(record), () => onRecord(record));
}

/** Powertools' standard keys, then the logger's own keys, then the scope's ids. */
export class ScopedLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: context?.coldStart,
        function_name: context?.functionName,
        function_request_id: context?.awsRequestId,
        sampling_rate: attributes.sampleRateValue,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes({ ...additionalLogAttributes, ...currentLogKeys() });
  }
}
