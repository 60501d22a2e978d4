/**
 * The public reading function's handler as Lambda runs it: configured from the environment (as deployed,
 * with the outbox for SES and SMS and the local engines' endpoints), imported once that is set.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../../local/engines.ts';
import { env } from '../../shared/runtime/config.ts';
import type { TestDesk } from './desk.ts';

export type PublicHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/** Sets the deployed environment over `desk`'s table (and `extra`), then imports the handler. */
export async function publicHandler(
  desk: TestDesk,
  publicBaseUrl: string,
  extra: Record<string, string> = {},
): Promise<PublicHandler> {
  Object.assign(process.env, {
    [env.tableName]: desk.tableName,
    [env.publicBaseUrl]: publicBaseUrl,
    [env.linkSecret]: 'test-link-secret',
    [env.emailTransport]: 'outbox',
    [env.smsTransport]: 'outbox',
    [env.outboxFile]: desk.config.outboxFile,
    ...extra,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'),
    AWS_ENDPOINT_URL_SNS: inject('messagingEndpoint'),
    AWS_ENDPOINT_URL_SQS: inject('messagingEndpoint'),
  });
  return ((await import('../../functions/public-read/handler.ts')) as { handler: PublicHandler }).handler;
}
