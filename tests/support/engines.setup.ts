/** Starts the real engines once per test run and hands their endpoints to every test file. */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, startMessaging } from '../../local/engines.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    messagingEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const [dynamoDb, messaging] = await Promise.all([startDynamoDbLocal(), startMessaging()]);
  project.provide('dynamoDbEndpoint', dynamoDb.endpoint);
  project.provide('messagingEndpoint', messaging.endpoint);
  return async () => {
    await Promise.all([dynamoDb.stop(), messaging.stop()]);
  };
}
