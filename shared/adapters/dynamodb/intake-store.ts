/** Public reports, the URL claims that gather them into one case, and their idempotency records. */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../../domain/lifecycle.ts';
import { contactRecipients, recipientHash, reporterRecipient } from '../../domain/recipient.ts';
import type { Submission } from '../../domain/submission.ts';
import { IdempotencyRecordExists, type IdempotentWrite } from '../../ports/idempotency-store.ts';
import { CaseNotOpen, ClaimChanged, type IntakeStore, type UrlClaim } from '../../ports/intake-store.ts';
import type { Page } from '../../ports/page.ts';
import { addReports, caseItem, historyItem, idempotencyItem } from './case-store.ts';
import { keys, submissionIndexKeys, withoutStorage } from './keys.ts';
import { type Cursors, mergedPage, wholeItems } from './paging.ts';
import { ConditionsFailed, type TransactItem, transact } from './transact.ts';

export class DynamoIntakeStore implements IntakeStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cursors: Cursors,
  ) {}

  async findClaim(urlKey: string): Promise<UrlClaim | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.urlClaim(urlKey), ConsistentRead: true }),
    );
    return result.Item ? { urlKey, caseId: String(result.Item.caseId) } : undefined;
  }

  async openWithReport(input: {
    decision: Decision;
    submission: Submission;
    claim?: { urlKey: string; url: string; replacing?: string };
    idempotency?: IdempotentWrite;
  }): Promise<void> {
    const { decision, submission, claim, idempotency } = input;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: caseItem(decision.next),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      historyItem(this.tableName, decision.next.id, decision.next.version, decision.entry),
      this.submissionPut(submission),
      ...this.reporterMarks(submission),
    ];
    const claimAt = claim ? items.length : -1;
    if (claim) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.urlClaim(claim.urlKey),
            entity: 'url-claim',
            url: claim.url,
            caseId: decision.next.id,
          },
          ...(claim.replacing
            ? {
                ConditionExpression: 'caseId = :replacing',
                ExpressionAttributeValues: { ':replacing': claim.replacing },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      });
    }
    const idempotencyAt = idempotency ? items.length : -1;
    if (idempotency) items.push(idempotencyItem(this.tableName, idempotency, submission.createdAt));
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed) {
        if (idempotency && error.failedAt(idempotencyAt)) {
          throw new IdempotencyRecordExists(idempotency.scope, idempotency.key);
        }
        if (error.failedAt(claimAt)) throw new ClaimChanged();
      }
      throw error;
    }
  }

  async joinWithReport(input: {
    caseId: string;
    submission: Submission;
    idempotency?: IdempotentWrite;
  }): Promise<void> {
    const items: TransactItem[] = [
      // Never the case item itself: a surge of reports must not queue behind one hot item.
      addReports(this.tableName, input.caseId, 1),
      this.submissionPut(input.submission),
      ...this.reporterMarks(input.submission),
    ];
    const idempotencyAt = items.length;
    if (input.idempotency)
      items.push(idempotencyItem(this.tableName, input.idempotency, input.submission.createdAt));
    try {
      await transact(this.doc, items);
    } catch (error) {
      if (error instanceof ConditionsFailed) {
        if (input.idempotency && error.failedAt(idempotencyAt)) {
          throw new IdempotencyRecordExists(input.idempotency.scope, input.idempotency.key);
        }
        if (error.failedAt(0)) throw new CaseNotOpen();
      }
      throw error;
    }
  }

  async moveClaim(urlKey: string, from: string, to: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.urlClaim(urlKey),
          UpdateExpression: 'SET caseId = :to',
          ConditionExpression: 'caseId = :from',
          ExpressionAttributeValues: { ':from': from, ':to': to },
        }),
      );
    } catch (error) {
      // The claim moved on already (a newer case took it): nothing to do.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async getSubmission(id: string): Promise<Submission | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.submission(id), ConsistentRead: true }),
    );
    return result.Item ? withoutStorage<Submission>(result.Item) : undefined;
  }

  async submissionsOf(caseId: string, cursor?: string): Promise<Page<Submission>> {
    const pkValue = submissionIndexKeys(caseId, '', '').gsi5pk ?? '';
    const page = await mergedPage(
      this.doc,
      this.tableName,
      [{ index: 'gsi5', pkName: 'gsi5pk', pkValue, skName: 'gsi5sk', ascending: true }],
      { limit: 100, ...(cursor ? { cursor } : {}), query: `submissions\n${caseId}`, cursors: this.cursors },
    );
    const items = await wholeItems(this.doc, this.tableName, page.items);
    return { items: items.map((item) => withoutStorage<Submission>(item)), nextCursor: page.nextCursor };
  }

  async relinkSubmissions(submissions: Submission[], from: string, to: string): Promise<void> {
    await Promise.all(
      submissions.map(async (submission) => {
        const moved = submissionIndexKeys(to, submission.createdAt, submission.id);
        // The reporter's marks go first, so a reporter is never unmarked on the case they now belong to.
        await Promise.all(
          this.reporterMarks({ ...submission, caseId: to }).map((mark) =>
            this.doc.send(new UpdateCommand(mark.Update)),
          ),
        );
        try {
          await this.doc.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keys.submission(submission.id),
              UpdateExpression: 'SET caseId = :to, gsi5pk = :pk, gsi5sk = :sk',
              ConditionExpression: 'caseId = :from',
              ExpressionAttributeValues: {
                ':from': from,
                ':to': to,
                ':pk': moved.gsi5pk,
                ':sk': moved.gsi5sk,
              },
            }),
          );
        } catch (error) {
          // Moved already (a step run twice): nothing to do.
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        }
      }),
    );
  }

  async reporterHashes(caseId: string, after?: string): Promise<{ hashes: string[]; after?: string }> {
    const prefix = 'REPORTER#';
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':prefix': prefix },
        ProjectionExpression: 'sk',
        Limit: 100,
        ...(after ? { ExclusiveStartKey: keys.reporter(caseId, after) } : {}),
      }),
    );
    const hashes = (result.Items ?? []).map((item) => String(item.sk).slice(prefix.length));
    const last = hashes.at(-1);
    return { hashes, ...(result.LastEvaluatedKey && last ? { after: last } : {}) };
  }

  async reportersAmong(caseId: string, recipientHashes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(recipientHashes)];
    // BatchGetItem takes 100 keys at a time; unprocessed keys are asked for again.
    for (let i = 0; i < unique.length; i += 100) {
      let requested: Record<string, unknown>[] = unique
        .slice(i, i + 100)
        .map((hash) => keys.reporter(caseId, hash));
      while (requested.length > 0) {
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: requested, ProjectionExpression: 'sk' } },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? [])
          found.add(String(item.sk).slice('REPORTER#'.length));
        requested =
          (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return found;
  }

  /**
   * One mark per way the reporter can be reached, so a subscriber who reported is told once. The way
   * the reply goes (email if given, else SMS) is flagged `reply`: the case's reporter count counts
   * those. Updates, not puts, so a later report never clears a flag an earlier one set.
   */
  private reporterMarks(
    submission: Submission,
  ): Array<{ Update: UpdateCommandInput & { UpdateExpression: string } }> {
    const reply = reporterRecipient(submission.contact);
    return contactRecipients(submission.contact).map((recipient) => {
      const replyHere = reply?.channel === recipient.channel;
      return {
        Update: {
          TableName: this.tableName,
          Key: keys.reporter(submission.caseId, recipientHash(recipient)),
          UpdateExpression: `SET entity = :entity, channel = :channel${replyHere ? ', reply = :reply' : ''}`,
          ExpressionAttributeValues: {
            ':entity': 'reporter',
            ':channel': recipient.channel,
            ...(replyHere ? { ':reply': true } : {}),
          },
        },
      };
    });
  }

  private submissionPut(submission: Submission): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.submission(submission.id),
          entity: 'submission',
          ...submission,
          ...submissionIndexKeys(submission.caseId, submission.createdAt, submission.id),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
}
