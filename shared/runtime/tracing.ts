/**
 * Tracing behind one small module: the X-Ray SDK under Powertools Tracer is in maintenance mode, so
 * the rest of the code never imports it and it can be swapped (e.g. for OpenTelemetry) here alone.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from './observability.ts';

const tracer = new Tracer({ serviceName });

/** Records the client's AWS calls as subsegments when tracing is on; otherwise returns it unchanged. */
export const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);
