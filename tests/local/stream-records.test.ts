/** SDK stream records in the shape Lambda gives a function. */
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { localRegion } from '../../local/engines.ts';
import { toLambdaRecord } from '../../local/stream-records.ts';

const streamArn =
  'arn:aws:dynamodb:ddblocal:000000000000:table/corrections-desk/stream/2026-01-01T00:00:00.000';

describe('toLambdaRecord', () => {
  it('gives seconds for the creation time, base64 for bytes, and the region and stream on the record', () => {
    const record: _Record = {
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-03-01T08:00:00.000Z'),
        Keys: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } },
        NewImage: {
          text: { S: '更正：第二段' },
          count: { N: '3' },
          blob: { B: new Uint8Array([0, 255]) },
          blobs: { BS: [new Uint8Array([1]), new Uint8Array([2])] },
          nested: { M: { inner: { L: [{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }] } } },
        },
        OldImage: { text: { S: '旧' } },
        SequenceNumber: '000000000000000000042',
        SizeBytes: 120,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    expect(toLambdaRecord(record, streamArn)).toEqual({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: localRegion,
      eventSourceARN: streamArn,
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-03-01T08:00:00.000Z') / 1000,
        Keys: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } },
        NewImage: {
          text: { S: '更正：第二段' },
          count: { N: '3' },
          blob: { B: 'AP8=' },
          blobs: { BS: ['AQ==', 'Ag=='] },
          nested: { M: { inner: { L: [{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }] } } },
        },
        OldImage: { text: { S: '旧' } },
        SequenceNumber: '000000000000000000042',
        SizeBytes: 120,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
  });

  it('leaves out the images a record does not have', () => {
    const inserted = toLambdaRecord(
      {
        eventName: 'INSERT',
        dynamodb: { Keys: { pk: { S: 'a' } }, SequenceNumber: '1', NewImage: { pk: { S: 'a' } } },
      },
      streamArn,
    );
    expect(inserted.dynamodb).not.toHaveProperty('OldImage');
    expect(inserted.dynamodb).not.toHaveProperty('ApproximateCreationDateTime');
  });
});
