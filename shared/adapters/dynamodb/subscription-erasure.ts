/** A person's subscription erased on request: the subscription, its follows and its address claim. */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Subscription } from '../../domain/subscription.ts';
import type { SubscriptionErasure } from '../../ports/subscription-store.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';
import { targets } from './subscription-items.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

export class DynamoSubscriptionErasure implements SubscriptionErasure {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async eraseByAddressHash(addressHash: string): Promise<boolean> {
    for (;;) {
      // Read as stored, expired or not: an erasure takes what TTL has not removed yet too.
      const claim = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.subscriberAddress(addressHash),
          ConsistentRead: true,
        }),
      );
      if (!claim.Item) return false;
      const id = String(claim.Item.subscriptionId);
      const found = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: keys.subscription(id), ConsistentRead: true }),
      );
      const subscription = found.Item ? withoutStorage<Subscription>(found.Item) : undefined;
      try {
        await transact(this.doc, [
          {
            Delete: {
              TableName: this.tableName,
              Key: keys.subscriberAddress(addressHash),
              ConditionExpression: 'subscriptionId = :id',
              ExpressionAttributeValues: { ':id': id },
            },
          },
          ...(subscription
            ? [
                {
                  Delete: {
                    TableName: this.tableName,
                    Key: keys.subscription(id),
                    ConditionExpression: '#version = :version',
                    ExpressionAttributeNames: { '#version': 'version' },
                    ExpressionAttributeValues: { ':version': subscription.version },
                  },
                },
                // Deleting an active follow takes it out of its audience count (the stream sees it go).
                ...targets(subscription).map(
                  (target): TransactItem => ({
                    Delete: { TableName: this.tableName, Key: keys.follow(id, target) },
                  }),
                ),
              ]
            : []),
        ]);
        return true;
      } catch (error) {
        // Changed while we read it: read it again and erase what is there now.
        if (!(error instanceof ConditionsFailed)) throw error;
      }
    }
  }
}
