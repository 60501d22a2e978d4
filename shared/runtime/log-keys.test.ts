import { describe, expect, it, vi } from 'vitest';
import { recordLogKeys, scopedToRecord, withLogKeys } from './log-keys.ts';
import { logger } from './observability.ts';

/**
 * The lines the shared logger writes while `work` runs. Tests run it silent and in Powertools' dev mode,
 * where it writes each line (pretty-printed JSON) through the global console.
 */
async function linesOf(work: () => Promise<void>): Promise<Array<Record<string, unknown>>> {
  const written: string[] = [];
  const methods = ['debug', 'info', 'warn', 'error', 'log'] as const;
  const spies = methods.map((method) =>
    vi.spyOn(console, method).mockImplementation((line: unknown) => void written.push(String(line))),
  );
  logger().setLogLevel('DEBUG');
  try {
    await work();
  } finally {
    logger().setLogLevel('SILENT');
    for (const spy of spies) spy.mockRestore();
  }
  return written.map((line) => JSON.parse(line));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('log keys', () => {
  it('puts each record’s ids on its own lines when records are processed in parallel', async () => {
    const onRecord = scopedToRecord(async (_record: { messageId: string; body: string }) => {
      await tick();
      logger().info('first');
      await tick();
      logger().warn('second', { contact: { email: 'a@example.org' } });
    });
    const lines = await linesOf(async () => {
      await Promise.all([
        onRecord({ messageId: 'm-1', body: JSON.stringify({ correctionId: 'c-1', version: 2 }) }),
        onRecord({ messageId: 'm-2', body: JSON.stringify({ caseId: 'case-9', address: 'x@example.org' }) }),
      ]);
    });
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line.level).toMatch(/INFO|WARN/);
      expect(line.service).toBe('corrections-desk');
      if (line.correlation_id === 'm-1') expect(line).toMatchObject({ correctionId: 'c-1', version: 2 });
      else expect(line).toMatchObject({ correlation_id: 'm-2', caseId: 'case-9' });
    }
    expect(JSON.stringify(lines)).not.toContain('@example.org');
  });

  it('nests scopes (a request id, then a case) and leaves nothing behind', async () => {
    const lines = await linesOf(async () => {
      await withLogKeys({ correlation_id: 'req-1' }, () =>
        withLogKeys({ caseId: 'case-1', unused: undefined }, async () => logger().info('inside')),
      );
      logger().info('outside');
    });
    expect(lines[0]).toMatchObject({ message: 'inside', correlation_id: 'req-1', caseId: 'case-1' });
    expect(lines[0]).not.toHaveProperty('unused');
    expect(lines[1]).not.toHaveProperty('correlation_id');
    expect(lines[1]).not.toHaveProperty('caseId');
  });

  it('names the case or correction a stream record changed, and only ids from a message body', () => {
    expect(
      recordLogKeys({
        eventID: 'e-1',
        dynamodb: { NewImage: { entity: { S: 'case' }, id: { S: 'case-1' }, status: { S: 'approved' } } },
      }),
    ).toEqual({ correlation_id: 'e-1', caseId: 'case-1' });
    expect(
      recordLogKeys({
        eventID: 'e-2',
        dynamodb: { OldImage: { entity: { S: 'correction' }, id: { S: 'k' } } },
      }),
    ).toEqual({ correlation_id: 'e-2', correctionId: 'k' });
    expect(
      recordLogKeys({ eventID: 'e-3', dynamodb: { NewImage: { entity: { S: 'subscription' } } } }),
    ).toEqual({ correlation_id: 'e-3' });
    expect(
      recordLogKeys({
        messageId: 'm',
        body: '{"kind":"reply","caseId":"c","to":"+8613800138000","token":"t"}',
      }),
    ).toEqual({ correlation_id: 'm', caseId: 'c' });
    expect(recordLogKeys({ messageId: 'm', body: 'not json' })).toEqual({ correlation_id: 'm' });
  });
});
