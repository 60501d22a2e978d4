/**
 * Import jobs in the single table: the job item (IMPORT#<id> / JOB) with its figures, and its rows in
 * chunk items beside it. A chunk's rows are removed once written (they hold addresses), in the same
 * transaction that adds its outcome to the job, conditioned on the chunk not being counted yet.
 * Both expire (TTL): the rows a week after the import, the job's figures a month after.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportRow } from '../../http/import-rows.ts';
import type { ImportJob, ImportJobStore, ImportOutcome } from '../../ports/import-jobs.ts';
import * as keys from './item-keys.ts';
import { withoutStorage } from './keys.ts';
import { ConditionsFailed, transact } from './transact.ts';

const day = 24 * 60 * 60;
const epochSeconds = (at: string): number => Math.floor(Date.parse(at) / 1000);

export class DynamoImportJobStore implements ImportJobStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(
    job: { id: string; createdAt: string },
    chunks: ReadonlyArray<ReadonlyArray<ImportRow>>,
  ): Promise<void> {
    const at = epochSeconds(job.createdAt);
    const items = [
      {
        ...keys.importJob(job.id),
        entity: 'import-job',
        id: job.id,
        createdAt: job.createdAt,
        rows: chunks.reduce((sum, chunk) => sum + chunk.length, 0),
        chunks: chunks.length,
        chunksDone: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        confirmationsSent: 0,
        rejected: [],
        expiresAt: at + 30 * day,
      },
      ...chunks.map((rows, index) => ({
        ...keys.importChunk(job.id, index),
        entity: 'import-chunk',
        // One string rather than a list of maps: far less to marshal, store and read back.
        rows: JSON.stringify(rows),
        expiresAt: at + 7 * day,
      })),
    ];
    for (let i = 0; i < items.length; i += 25) {
      let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
        const result = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    }
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.importJob(id), ConsistentRead: true }),
    );
    if (!result.Item) return undefined;
    const item = withoutStorage<Record<string, unknown>>(result.Item);
    return {
      id: String(item.id),
      createdAt: String(item.createdAt),
      rows: Number(item.rows),
      chunks: Number(item.chunks),
      chunksDone: Number(item.chunksDone),
      written: {
        created: Number(item.created),
        updated: Number(item.updated),
        unchanged: Number(item.unchanged),
        confirmationsSent: Number(item.confirmationsSent),
        rejected: (item.rejected as ImportOutcome['rejected']) ?? [],
      },
      ...(item.finishedAt ? { finishedAt: String(item.finishedAt) } : {}),
    };
  }

  async chunk(id: string, index: number): Promise<ImportRow[] | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.importChunk(id, index), ConsistentRead: true }),
    );
    const rows = result.Item?.rows;
    return typeof rows === 'string' ? (JSON.parse(rows) as ImportRow[]) : undefined;
  }

  async recordChunk(
    id: string,
    index: number,
    outcome: ImportOutcome,
    now: string,
    last: boolean,
  ): Promise<boolean> {
    try {
      await transact(this.doc, [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.importChunk(id, index),
            UpdateExpression: 'SET doneAt = :now REMOVE #rows',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(doneAt)',
            ExpressionAttributeNames: { '#rows': 'rows' },
            ExpressionAttributeValues: { ':now': now },
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.importJob(id),
            UpdateExpression:
              'ADD chunksDone :one, created :created, updated :updated, unchanged :unchanged, confirmationsSent :sent ' +
              `SET rejected = list_append(rejected, :rejected)${last ? ', finishedAt = :now' : ''}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':one': 1,
              ':created': outcome.created,
              ':updated': outcome.updated,
              ':unchanged': outcome.unchanged,
              ':sent': outcome.confirmationsSent,
              ':rejected': outcome.rejected,
              ...(last ? { ':now': now } : {}),
            },
          },
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof ConditionsFailed) return false;
      throw error;
    }
  }
}
